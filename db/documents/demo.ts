import { eq, inArray } from "drizzle-orm";
import { fileKinds } from "../../core/kernel/files/rules.ts";
import { objectKeyOf } from "../../core/kernel/files/uploads.ts";
import { newId } from "../../core/kernel/ids.ts";
import { D1DocumentStore } from "./store.ts";
import { users } from "../kernel/schema.ts";
import { documents } from "./schema.ts";
import { files } from "../kernel/files/schema.ts";
import type { TenantScope } from "../kernel/scope.ts";

/** A one-page PDF that shows its title, so "Bekijken" has something to show. */
function titledPdf(title: string): string {
  const content = `BT /F1 24 Tf 72 760 Td (${title}) Tj ET`;
  return [
    "%PDF-1.4",
    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj",
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj",
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>endobj",
    "4 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj",
    `5 0 obj<</Length ${content.length}>>stream`,
    content,
    "endstream endobj",
    "trailer<</Root 1 0 R>>",
    "%%EOF",
  ].join("\n");
}

type DemoDocument =
  | {
      from: "coach" | "client";
      description: string;
      file: { name: string; kind: "pdf" | "txt"; body: string };
    }
  | { from: "coach" | "client"; description: string; url: string };

/** Sanne's "Uploads en downloads" in the coaching demo: a workbook and a video from Anouk, her own notes. */
const demo: { tenant: string; coach: string; client: string; documents: DemoDocument[] } = {
  tenant: "coaching",
  coach: "anouk.devries@koerscoaching.nl",
  client: "sanne.visser@example.nl",
  documents: [
    {
      from: "coach",
      description: "Werkboek week 1",
      file: { name: "Werkboek week 1.pdf", kind: "pdf", body: titledPdf("Werkboek week 1") },
    },
    {
      from: "coach",
      description: "Video: rustig ademhalen bij spanning",
      url: "https://www.thuisarts.nl/stress",
    },
    {
      from: "client",
      description: "Mijn waarden",
      file: {
        name: "Mijn waarden.txt",
        kind: "txt",
        body: "Eerlijkheid\nRust\nVerbinding\nGroei\nPlezier\n",
      },
    },
  ],
};

/** Only while Sanne has no documents, so running the seed again adds nothing. */
export async function seedDocuments(
  slug: string,
  scope: TenantScope,
  uploads: Pick<R2Bucket, "put">,
): Promise<void> {
  if (slug !== demo.tenant) return;
  const people = await scope.list(users, { where: inArray(users.email, [demo.coach, demo.client]) });
  const coach = people.find((person) => person.email === demo.coach)?.id;
  const client = people.find((person) => person.email === demo.client)?.id;
  if (!coach || !client) return;
  if ((await scope.count(documents, eq(documents.clientUserId, client))) > 0) return;
  const store = new D1DocumentStore(scope);
  const start = Date.now() - demo.documents.length * 60 * 60_000;
  for (const [index, item] of demo.documents.entries()) {
    const authorId = item.from === "coach" ? coach : client;
    const createdAt = new Date(start + index * 60 * 60_000).toISOString();
    let fileId: string | null = null;
    if ("file" in item) {
      fileId = newId("file");
      const objectKey = objectKeyOf(scope.tenantId, fileId);
      const bytes = new TextEncoder().encode(item.file.body);
      await uploads.put(objectKey, bytes, { httpMetadata: { contentType: fileKinds[item.file.kind].mime } });
      await scope.insert(files, {
        id: fileId,
        uploaderId: authorId,
        name: item.file.name,
        kind: item.file.kind,
        size: bytes.length,
        status: "stored",
        objectKey,
        multipartId: null,
        createdAt,
        // Until the document below links it, as with every upload; the cron removes it otherwise.
        expiresAt: new Date(Date.now() + 24 * 60 * 60_000).toISOString(),
      });
    }
    await store.add({
      id: newId("document"),
      clientUserId: client,
      authorId,
      side: item.from === "coach" ? "staff" : "client",
      fileId,
      url: "url" in item ? item.url : null,
      description: item.description,
      createdAt,
      deletedAt: null,
    });
  }
}
