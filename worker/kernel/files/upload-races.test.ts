import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "../../../core/kernel/tenants/tenant.ts";
import { careTeamRow } from "../../../db/kernel/care-team-store.ts";
import { careTeamMembers } from "../../../db/kernel/schema.ts";
import { documents } from "../../../db/documents/schema.ts";
import { files } from "../../../db/kernel/files/schema.ts";
import { conversations, messageAttachments, messages } from "../../../db/messaging/schema.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { runScheduledWork } from "../../scheduled.ts";
import { pdfOf, uploadedBy } from "../testing/files.ts";
import { addUser, callApi, createTenant, post, signIn, visit } from "../testing/fixtures.ts";
import { conversationWith } from "../../messaging/testing.ts";

/*
 * One finished upload goes with one row: a document or a message. Several requests that want the
 * same file at once (a double click, a script, two tabs) end with exactly one winner; the others
 * are told 409 and write nothing, so deleting the winner later removes a file nobody else has.
 */

const password = "een lang en sterk wachtwoord";
const host = "upload-races.localhost";
const rounds = 5;
let tenant: TenantRecord;
let client = "";
let conversation = "";
let cookie = "";

const scope = () => platformData(env).scopeIn(tenant.cell, tenant.id);
const upload = () => uploadedBy(tenant, client, "verslag.pdf", pdfOf());

/** One use of the file: as a document, or sent with a message. */
const asDocument = (fileId: string) =>
  callApi(host, "/documents", {
    cookie,
    json: { fileId },
    headers: { "idempotency-key": crypto.randomUUID() },
  });
const asMessage = (fileId: string) =>
  callApi(host, `/conversations/${conversation}/messages`, {
    cookie,
    json: { clientMessageId: crypto.randomUUID(), body: "Zie bijlage", fileIds: [fileId] },
  });

/** Who has the file: the documents and message attachments pointing at it. */
const holders = async (fileId: string) => ({
  documents: await scope().count(documents, eq(documents.fileId, fileId)),
  messages: await scope().count(messageAttachments, eq(messageAttachments.fileId, fileId)),
});

/** The answers of one round: exactly one use wins, every other one is a 409 naming the file. */
async function raced(uses: Response[]) {
  const statuses = uses.map((use) => use.status);
  expect(
    statuses.filter((status) => status === 201),
    statuses.join(),
  ).toHaveLength(1);
  for (const use of uses.filter((one) => one.status !== 201)) {
    expect(use.status).toBe(409);
    expect(((await use.json()) as { error: { code: string } }).error.code).toBe("file_taken");
  }
}

beforeAll(async () => {
  tenant = await createTenant("upload-races", "TENANT_DB_1", {
    settings: { secondFactor: { required: [] } },
  });
  client = await addUser(tenant, { email: "client@upload-races.test", password });
  const coach = await addUser(tenant, { email: "coach@upload-races.test", role: "staff", password });
  await scope().insert(careTeamMembers, careTeamRow(client, coach, new Date()));
  conversation = await conversationWith(tenant, client, [client, coach]);
  cookie = await signIn(host, "client@upload-races.test", password);
}, 60_000);

describe("the same request sent several times", () => {
  const link = (key: string, url = "https://video.example/oefening") =>
    callApi(host, "/documents", { cookie, json: { url }, headers: { "idempotency-key": key } });

  it("adds one document through the API: one 201, the retries 200 with the same document", async () => {
    const key = crypto.randomUUID();
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => link(key)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as {
      document: { id: string };
    }[];
    expect(new Set(bodies.map((body) => body.document.id)).size).toBe(1);
    expect(await scope().count(documents, eq(documents.url, "https://video.example/oefening"))).toBe(1);
    // A retry long after answers as the first did; another key is another document.
    const later = await link(key);
    expect(later.status).toBe(200);
    expect(await later.json()).toEqual(bodies[0]);
    expect((await link(crypto.randomUUID())).status).toBe(201);
    expect((await callApi(host, "/documents", { cookie, json: { url: "https://x.example" } })).status).toBe(
      400,
    );
  });

  it("links a file once: a retry of the same request gets its document, another use 409", async () => {
    const file = await upload();
    const key = crypto.randomUUID();
    const send = (withKey: string) =>
      callApi(host, "/documents", {
        cookie,
        json: { fileId: file },
        headers: { "idempotency-key": withKey },
      });
    const first = await send(key);
    expect(first.status).toBe(201);
    const again = await send(key);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect((await send(crypto.randomUUID())).status).toBe(409);
    expect(await holders(file)).toEqual({ documents: 1, messages: 0 });
  });

  it("adds one link through the page however often its form is sent at once", async () => {
    const fields = {
      intent: "link",
      formKey: crypto.randomUUID(),
      url: "https://video.example/pagina",
      description: "Oefening",
    };
    const sent = await Promise.all([1, 2, 3, 4, 5].map(() => post(host, "/documents", fields, { cookie })));
    expect(sent.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await scope().count(documents, eq(documents.url, "https://video.example/pagina"))).toBe(1);
    // The same form brought back and filled in anew is another request.
    await post(host, "/documents", { ...fields, url: "https://video.example/nog-een" }, { cookie });
    expect(await scope().count(documents, eq(documents.url, "https://video.example/nog-een"))).toBe(1);
    const keyless = { intent: "link", url: "https://video.example/zonder-sleutel" };
    expect((await post(host, "/documents", keyless, { cookie })).status).toBe(400);
    expect(await scope().count(documents, eq(documents.url, keyless.url))).toBe(0);
  });
});

describe("one upload, used several times at once", () => {
  it("becomes one document: the other posts answer 409", async () => {
    for (let round = 0; round < rounds; round++) {
      const file = await upload();
      await raced(await Promise.all([1, 2, 3, 4].map(() => asDocument(file))));
      expect(await holders(file)).toEqual({ documents: 1, messages: 0 });
    }
  });

  it("goes with one message: the other sends answer 409 at the file field, numbering no message", async () => {
    for (let round = 0; round < rounds; round++) {
      const file = await upload();
      const before = (await scope().findById(conversations, conversation))!.lastSeq;
      const sends = await Promise.all([1, 2, 3, 4].map(() => asMessage(file)));
      await raced(sends.map((send) => send.clone()));
      for (const lost of sends.filter((send) => send.status === 409))
        expect(((await lost.json()) as { error: { field: string } }).error.field).toBe("fileIds");
      expect(await holders(file)).toEqual({ documents: 0, messages: 1 });
      // The lost sends took no number: the conversation counts exactly the messages it holds.
      const after = (await scope().findById(conversations, conversation))!.lastSeq;
      expect(after).toBe(before + 1);
      expect(await scope().count(messages, eq(messages.conversationId, conversation))).toBe(after);
    }
  });

  it("goes with a document or a message, never both", async () => {
    for (let round = 0; round < rounds; round++) {
      const file = await upload();
      await raced(await Promise.all([asDocument(file), asMessage(file), asDocument(file), asMessage(file)]));
      const { documents: asDocuments, messages: asMessages } = await holders(file);
      expect(asDocuments + asMessages).toBe(1);
    }
  });

  it("a send through the page that loses says so at the file field instead of failing", async () => {
    const file = await upload();
    const send = () =>
      visit(host, `/messages/${conversation}`, {
        method: "POST",
        headers: { cookie, origin: `http://${host}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams([
          ["intent", "publish"],
          ["body", "Via de pagina"],
          ["clientMessageId", crypto.randomUUID()],
          ["file", file],
        ]).toString(),
      });
    const pages = await Promise.all([asDocument(file), send(), send()]);
    expect(pages.map((page) => page.status).filter((status) => status >= 500)).toEqual([]);
    for (const lost of pages.slice(1).filter((page) => page.status === 400))
      expect(await lost.text()).toContain("Een bestand is niet (meer) beschikbaar. Voeg het opnieuw toe.");
    const { documents: asDocuments, messages: asMessages } = await holders(file);
    expect(asDocuments + asMessages).toBe(1);
  });

  it("a deleted winner's file is removed at the end of retention; files of messages stay", async () => {
    const won = await scope().list(documents, { where: eq(documents.authorId, client), limit: 100 });
    const kept = await scope().list(messageAttachments, { limit: 100 });
    expect(won.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);
    for (const document of won)
      expect(
        (await callApi(host, `/documents/${document.id}/delete`, { cookie, method: "POST" })).status,
      ).toBe(204);
    await runScheduledWork(env, new Date(Date.now() + 31 * 24 * 60 * 60_000));
    for (const { fileId } of won) {
      expect(await scope().findById(files, fileId!)).toBeUndefined();
      expect(await env.UPLOADS.head(`${tenant.id}/${fileId}`)).toBeNull();
    }
    for (const { fileId } of kept) {
      expect(await scope().findById(files, fileId)).toBeDefined();
      expect(await env.UPLOADS.head(`${tenant.id}/${fileId}`)).not.toBeNull();
    }
  });
});
