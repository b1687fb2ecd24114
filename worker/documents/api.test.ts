import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../core/kernel/ids.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { auditEvents, careTeamMembers, notifications } from "../../db/kernel/schema.ts";
import { documents } from "../../db/documents/schema.ts";
import { files } from "../../db/kernel/files/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { runScheduledWork } from "../scheduled.ts";
import { partsOf, pdfOf, png, text, type Bytes } from "../kernel/testing/files.ts";
import { addUser, createTenant, signIn, visit } from "../kernel/testing/fixtures.ts";

const data = platformData(env);
const password = "een lang en sterk wachtwoord";
const host = "documents-api.localhost";

let tenant: TenantRecord;
let other: TenantRecord;
let client: string;
let staff: string;
const cookies: Record<string, string> = {};

let calls = 0;
function call(
  as: string,
  path: string,
  init: { method?: string; json?: unknown; body?: Bytes; host?: string } = {},
) {
  const at = init.host ?? host;
  const headers: Record<string, string> = {
    "cf-connecting-ip": `203.0.113.${++calls % 250}`,
    origin: `http://${at}`,
    // Every call is a request of its own.
    "idempotency-key": crypto.randomUUID(),
  };
  if (cookies[as]) headers.cookie = cookies[as];
  if (init.json !== undefined) headers["content-type"] = "application/json";
  if (init.body) headers["content-type"] = "application/octet-stream";
  return visit(at, `/api/v1${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
  });
}

type Upload = { id: string; partCount: number; receivedParts: number[] };
type Finished = { file: { id: string }; error?: { code: string } };

/** createUpload, every part, completeUpload: the finished file's id, or the refusal. */
async function uploadFile(as: string, name: string, bytes: Bytes) {
  const created = await call(as, "/files/uploads", { method: "POST", json: { name, size: bytes.length } });
  if (created.status !== 201) return { status: created.status, body: (await created.json()) as Finished };
  const { upload } = (await created.json()) as { upload: Upload };
  for (const [index, part] of partsOf(bytes).entries()) {
    const sent = await call(as, `/files/uploads/${upload.id}/parts/${index + 1}`, {
      method: "PUT",
      body: part,
    });
    expect(sent.status).toBe(200);
  }
  const done = await call(as, `/files/uploads/${upload.id}/complete`, { method: "POST" });
  return {
    status: done.status,
    body: (await done.json()) as Finished,
    uploadId: upload.id,
  };
}

async function share(as: string, name: string, bytes: Bytes, extra: Record<string, unknown> = {}) {
  const uploaded = await uploadFile(as, name, bytes);
  expect(uploaded.status).toBe(200);
  const added = await call(as, "/documents", {
    method: "POST",
    json: { fileId: uploaded.body.file.id, ...extra },
  });
  expect(added.status).toBe(201);
  return ((await added.json()) as { document: { id: string; description: string } }).document;
}

const scope = () => data.scopeIn(tenant.cell, tenant.id);
const rowsOf = async () => ({
  files: await scope().count(files),
  documents: await scope().count(documents),
  objects: (await env.UPLOADS.list({ prefix: `${tenant.id}/` })).objects.length,
});

beforeAll(async () => {
  const settings = { secondFactor: { required: [] } };
  tenant = await createTenant("documents-api", "TENANT_DB_1", { settings });
  other = await createTenant("documents-api-b", "TENANT_DB_2", { settings });
  client = await addUser(tenant, { email: "client@documents-api.test", password });
  await addUser(tenant, { email: "other@documents-api.test", password });
  staff = await addUser(tenant, { email: "coach@documents-api.test", role: "staff", password });
  await addUser(tenant, { email: "stranger@documents-api.test", role: "staff", password });
  await addUser(other, { email: "client@documents-api-b.test", password });
  const small = await createTenant("documents-api-c", "TENANT_DB_1", {
    settings: { ...settings, files: { allowedKinds: ["pdf"], maxFileMb: 250, quotaMb: 1 } },
  });
  await addUser(small, { email: "client@documents-api-c.test", password });
  await scope().insert(careTeamMembers, {
    id: newId("careTeamMember"),
    clientUserId: client,
    staffUserId: staff,
    createdAt: new Date().toISOString(),
  });
  for (const [as, email] of [
    ["client", "client@documents-api.test"],
    ["otherClient", "other@documents-api.test"],
    ["staff", "coach@documents-api.test"],
    ["stranger", "stranger@documents-api.test"],
  ] as const)
    cookies[as] = await signIn(host, email, password);
  cookies.foreign = await signIn("documents-api-b.localhost", "client@documents-api-b.test", password);
  cookies.small = await signIn("documents-api-c.localhost", "client@documents-api-c.test", password);
});

describe("documents through the API", () => {
  it("round-trips a small file: upload, link, list, download byte for byte, audited", async () => {
    const document = await share("client", "verslag week 3.pdf", pdfOf(1_500), { notify: true });
    expect(document.description).toBe("verslag week 3.pdf");
    const listed = await call("staff", `/documents?client=${client}`);
    const { documents: found } = (await listed.json()) as { documents: { id: string; side: string }[] };
    expect(found.map((d) => d.id)).toContain(document.id);
    const download = await call("staff", `/documents/${document.id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="verslag week 3.pdf"; filename*=UTF-8''verslag%20week%203.pdf`,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfOf(1_500));
    const audited = await scope().list(auditEvents, {
      where: and(eq(auditEvents.action, "documents.download"), eq(auditEvents.targetId, document.id)),
    });
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actorUserId: staff, clientUserId: client });
    const told = await scope().list(notifications, { where: eq(notifications.recipientId, staff) });
    expect(told.map((n) => n.kind)).toContain("document");
  });

  it("round-trips a file of several parts", async () => {
    const bytes = pdfOf(10 * 1024 * 1024 + 4_321);
    const document = await share("staff", "werkboek.pdf", bytes, { client });
    const download = await call("client", `/documents/${document.id}/download`);
    const back = new Uint8Array(await download.arrayBuffer());
    expect(back.length).toBe(bytes.length);
    const digest = async (b: Bytes) => [...new Uint8Array(await crypto.subtle.digest("SHA-256", b))].join();
    expect(await digest(back)).toBe(await digest(bytes));
  });

  it("resumes an interrupted upload: getUpload lists the parts that arrived", async () => {
    const bytes = pdfOf(10 * 1024 * 1024 + 10);
    const [first, second] = partsOf(bytes);
    const created = await call("client", "/files/uploads", {
      method: "POST",
      json: { name: "hervat.pdf", size: bytes.length },
    });
    const { upload } = (await created.json()) as { upload: Upload };
    expect(upload.partCount).toBe(2);
    expect(
      (await call("client", `/files/uploads/${upload.id}/parts/1`, { method: "PUT", body: first })).status,
    ).toBe(200);
    // The second part arrives cut short: refused, not kept.
    const cut = await call("client", `/files/uploads/${upload.id}/parts/2`, {
      method: "PUT",
      body: second!.slice(0, 5),
    });
    expect(cut.status).toBe(400);
    expect((await call("client", `/files/uploads/${upload.id}/complete`, { method: "POST" })).status).toBe(
      409,
    );
    const progress = await call("client", `/files/uploads/${upload.id}`);
    expect(((await progress.json()) as { upload: Upload }).upload.receivedParts).toEqual([1]);
    expect(
      (await call("client", `/files/uploads/${upload.id}/parts/2`, { method: "PUT", body: second })).status,
    ).toBe(200);
    expect((await call("client", `/files/uploads/${upload.id}/complete`, { method: "POST" })).status).toBe(
      200,
    );
    await call("client", `/files/uploads/${upload.id}`, { method: "DELETE" });
  });

  it("refuses a whole file sent as one part from its Content-Length, without reading the body: 413", async () => {
    const size = 250 * 1000 * 1000;
    const created = await call("client", "/files/uploads", {
      method: "POST",
      json: { name: "in-een-keer.pdf", size },
    });
    const { upload } = (await created.json()) as { upload: Upload };
    const before = await rowsOf();
    let read = false;
    // A body that notes whether anyone reads it; it would take 250 MB to finish.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          read = true;
          controller.enqueue(new Uint8Array(1024 * 1024));
        },
      },
      { highWaterMark: 0 },
    );
    const response = await visit(host, `/api/v1/files/uploads/${upload.id}/parts/1`, {
      method: "PUT",
      headers: {
        cookie: cookies.client!,
        origin: `http://${host}`,
        "content-type": "application/octet-stream",
        "content-length": String(size),
      },
      body,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "part_too_large" } });
    expect(read).toBe(false);
    const progress = await call("client", `/files/uploads/${upload.id}`);
    expect(((await progress.json()) as { upload: Upload }).upload.receivedParts).toEqual([]);
    expect(await rowsOf()).toEqual(before);
    await call("client", `/files/uploads/${upload.id}`, { method: "DELETE" });
  });

  it("refuses wrong content, unsafe names, empty, too large and over-quota files with a clear code, storing nothing", async () => {
    const before = await rowsOf();
    const mismatch = await uploadFile("client", "foto.png", pdfOf());
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({ error: { code: "type_mismatch" } });
    const refusals: [string, number, number, string][] = [
      ["../../geheim.pdf", 10, 422, "name_unsafe"],
      ["programma.exe", 10, 422, "type_not_allowed"],
      ["leeg.pdf", 0, 422, "empty"],
      ["film.mp4", 250 * 1024 * 1024 + 1, 413, "too_large"],
    ];
    for (const [name, size, status, code] of refusals) {
      const response = await call("client", "/files/uploads", { method: "POST", json: { name, size } });
      expect(response.status, name).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code } });
    }
    // A tenant that accepts PDFs only, and stores 1 MB in all.
    const small = { host: "documents-api-c.localhost" };
    const first = await call("small", "/files/uploads", {
      ...small,
      method: "POST",
      json: { name: "a.pdf", size: 700_000 },
    });
    expect(first.status).toBe(201);
    const full = await call("small", "/files/uploads", {
      ...small,
      method: "POST",
      json: { name: "b.pdf", size: 700_000 },
    });
    expect(full.status).toBe(413);
    expect(await full.json()).toMatchObject({ error: { code: "over_quota" } });
    const notAllowed = await call("small", "/files/uploads", {
      ...small,
      method: "POST",
      json: { name: "a.png", size: 3 },
    });
    expect(await notAllowed.json()).toMatchObject({ error: { code: "type_not_allowed" } });
    expect(await rowsOf()).toEqual(before);
  });

  it("shows a PDF inline only under the sandboxing headers; text is always a download", async () => {
    const pdf = await share("client", "brief.pdf", pdfOf());
    const inline = await call("client", `/documents/${pdf.id}/download?view=inline`);
    expect(inline.status).toBe(200);
    expect(inline.headers.get("content-type")).toBe("application/pdf");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline; /);
    const policy = inline.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("sandbox");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain("script-src");
    expect(inline.headers.get("x-content-type-options")).toBe("nosniff");
    await inline.arrayBuffer();
    const image = await share("client", "foto.png", png);
    const shown = await call("client", `/documents/${image.id}/download?view=inline`);
    expect(shown.headers.get("content-disposition")).toMatch(/^inline; /);
    await shown.arrayBuffer();
    const note = await share("client", "notitie.txt", text("<script>alert(1)</script>"));
    const download = await call("client", `/documents/${note.id}/download?view=inline`);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(download.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    await download.arrayBuffer();
  });

  it("keeps another client's, another tenant's and an unassigned coach's hands off: 404", async () => {
    const document = await share("client", "privé.pdf", pdfOf());
    for (const as of ["otherClient", "stranger"]) {
      expect((await call(as, `/documents/${document.id}/download`)).status, as).toBe(404);
      expect((await call(as, `/documents/${document.id}/delete`, { method: "POST" })).status, as).toBe(404);
    }
    expect((await call("stranger", `/documents?client=${client}`)).status).toBe(404);
    const foreign = await call("foreign", `/documents/${document.id}/download`, {
      host: "documents-api-b.localhost",
    });
    expect(foreign.status).toBe(404);
    // A file of someone else's upload cannot be linked to one's own dossier.
    const uploaded = await uploadFile("client", "eigen.pdf", pdfOf());
    const stolen = await call("otherClient", "/documents", {
      method: "POST",
      json: { fileId: uploaded.body.file.id },
    });
    expect(stolen.status).toBe(404);
    expect((await call("otherClient", `/files/uploads/${uploaded.uploadId}`)).status).toBe(404);
    expect((await call("anonymous", `/documents/${document.id}/download`)).status).toBe(401);
    const otherDocs = await call("otherClient", "/documents");
    expect(((await otherDocs.json()) as { documents: unknown[] }).documents).toEqual([]);
  });

  it("adds https links with their real host, and refuses other addresses", async () => {
    const added = await call("staff", "/documents", {
      method: "POST",
      json: { client, url: "https://www.youtube.com/watch?v=abc", description: "Ademhalingsoefening" },
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ document: { link: { host: "www.youtube.com" }, file: null } });
    for (const url of ["javascript:alert(1)", "http://example.com", "https://user:pw@example.com/"]) {
      const refused = await call("staff", "/documents", { method: "POST", json: { client, url } });
      expect(await refused.json(), url).toMatchObject({ error: { code: "url_invalid" } });
    }
  });

  it("lets the author delete and restore; the retention job removes deleted documents and abandoned uploads", async () => {
    const document = await share("client", "weg.pdf", pdfOf());
    expect((await call("staff", `/documents/${document.id}/delete`, { method: "POST" })).status).toBe(404);
    expect((await call("client", `/documents/${document.id}/delete`, { method: "POST" })).status).toBe(204);
    expect((await call("staff", `/documents/${document.id}/download`)).status).toBe(404);
    expect((await call("client", `/documents/${document.id}/restore`, { method: "POST" })).status).toBe(204);
    expect((await call("staff", `/documents/${document.id}/download`)).status).toBe(200);
    expect((await call("client", `/documents/${document.id}/delete`, { method: "POST" })).status).toBe(204);
    const abandoned = await call("client", "/files/uploads", {
      method: "POST",
      json: { name: "half.pdf", size: 99 },
    });
    const { upload } = (await abandoned.json()) as { upload: Upload };
    const fileId = (await scope().findById(documents, document.id))!.fileId!;
    await runScheduledWork(env, new Date(Date.now() + 31 * 24 * 60 * 60_000));
    expect(await scope().findById(documents, document.id)).toBeUndefined();
    expect(await scope().findById(files, fileId)).toBeUndefined();
    expect(await scope().findById(files, upload.id)).toBeUndefined();
    expect(await env.UPLOADS.head(`${tenant.id}/${fileId}`)).toBeNull();
    // Linked files of documents that were not deleted stay.
    expect((await rowsOf()).documents).toBeGreaterThan(0);
    expect((await rowsOf()).objects).toBe((await rowsOf()).files);
  });
});
