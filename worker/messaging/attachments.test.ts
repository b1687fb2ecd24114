import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { careTeamRow } from "../../db/kernel/care-team-store.ts";
import { auditEvents, careTeamMembers } from "../../db/kernel/schema.ts";
import { files } from "../../db/kernel/files/schema.ts";
import { conversations, messageAttachments } from "../../db/messaging/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { pdfOf, png, text, uploadedBy, type Bytes } from "../kernel/testing/files.ts";
import { addUser, createTenant, signIn, visit } from "../kernel/testing/fixtures.ts";
import { conversationWith } from "./testing.ts";

const password = "een lang en sterk wachtwoord";
const host = "message-files.localhost";
const otherHost = "message-files-b.localhost";
let tenant: TenantRecord;
let conversation = "";
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

const scope = () => platformData(env).scopeIn(tenant.cell, tenant.id);
const page = (as: string, path: string, onHost = host) =>
  visit(onHost, path, { headers: { cookie: cookies[as]! } });
const send = (as: string, fields: [string, string][]) =>
  visit(host, `/messages/${conversation}`, {
    method: "POST",
    headers: {
      cookie: cookies[as]!,
      origin: `http://${host}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams([["intent", "publish"], ["notify", "yes"], ...fields]).toString(),
  });
const uploaded = (as: string, name: string, bytes: Bytes) => uploadedBy(tenant, ids[as]!, name, bytes);
const messageCount = async () =>
  (await page("client", `/messages/${conversation}`))
    .text()
    .then((html) => html.split('class="bubble ').length - 1);

beforeAll(async () => {
  tenant = await createTenant("message-files", "TENANT_DB_1", {
    settings: { secondFactor: { required: [] } },
  });
  const other = await createTenant("message-files-b", "TENANT_DB_2", {
    settings: { secondFactor: { required: [] } },
  });
  const people = {
    coach: { email: "coach@message-files.test", role: "staff" },
    admin: { email: "admin@message-files.test", role: "admin" },
    client: { email: "client@message-files.test", role: "client" },
    stranger: { email: "stranger@message-files.test", role: "client" },
  } as const;
  for (const [who, person] of Object.entries(people)) {
    ids[who] = await addUser(tenant, { ...person, password });
    cookies[who] = await signIn(host, person.email, password);
  }
  await addUser(other, { email: "client@message-files-b.test", password });
  cookies.foreign = await signIn(otherHost, "client@message-files-b.test", password);
  await scope().insert(careTeamMembers, careTeamRow(ids.client!, ids.coach!, new Date()));
  conversation = await conversationWith(tenant, ids.client!, [ids.client!, ids.coach!], "Mijn werkblad");
}, 120_000);

describe("files sent with a message", () => {
  let sheet = "";

  it("sends the client's uploads with the message; the coach sees, views and downloads them, audited", async () => {
    sheet = await uploaded("client", "werkblad.pdf", pdfOf(3_000));
    const photo = await uploaded("client", "foto.png", png);
    const sent = await send("client", [
      ["body", "Hierbij mijn werkblad en een foto."],
      ["clientMessageId", "with-files-0001"],
      ["file", sheet],
      ["file", photo],
    ]);
    expect(sent.status).toBe(302);
    const linked = await scope().list(files, { where: eq(files.id, sheet) });
    expect(linked[0]!.expiresAt).toBeNull();

    const html = await (await page("coach", `/messages/${conversation}`)).text();
    expect(html).toContain(`href="/messages/${conversation}/files/${sheet}?view=inline"`);
    expect(html).toContain("werkblad.pdf downloaden");
    const download = await page("coach", `/messages/${conversation}/files/${sheet}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="werkblad.pdf"/);
    expect((await download.arrayBuffer()).byteLength).toBe(3_000);
    const viewed = await page("coach", `/messages/${conversation}/files/${photo}?view=inline`);
    expect(viewed.headers.get("content-disposition")).toMatch(/^inline; /);
    expect(viewed.headers.get("content-security-policy")).toContain("sandbox");
    expect(viewed.headers.get("content-type")).toBe("image/png");
    await viewed.body?.cancel();

    const audit = await scope().list(auditEvents, { where: eq(auditEvents.targetId, sheet) });
    expect(audit.map((row) => [row.action, row.actorUserId, row.clientUserId])).toContainEqual([
      "messages.attachment.download",
      ids.coach,
      ids.client,
    ]);
  });

  it("sends files without text, and a resend of the same message adds nothing", async () => {
    const notes = await uploaded("coach", "notities.txt", text("Zie de bijlage"));
    const fields: [string, string][] = [
      ["body", ""],
      ["clientMessageId", "files-only-0001"],
      ["file", notes],
    ];
    expect((await send("coach", fields)).status).toBe(302);
    const before = await messageCount();
    // The browser sends the form again (a double click, a retry): the same message comes back.
    expect((await send("coach", fields)).status).toBe(302);
    expect(await messageCount()).toBe(before);
    expect(await scope().count(messageAttachments, eq(messageAttachments.fileId, notes))).toBe(1);
  });

  it("refuses someone else's, a sent or an unknown file, and too many; the text and good files stay", async () => {
    const before = await messageCount();
    const theirs = await uploaded("stranger", "van-een-ander.pdf", pdfOf());
    const mine = await uploaded("client", "nieuw.pdf", pdfOf());
    for (const file of [theirs, sheet, "fil_00000000000000000000000000"]) {
      const refused = await send("client", [
        ["body", "Met een bestand dat niet kan"],
        ["clientMessageId", `refused-${file.slice(-8)}`],
        ["file", mine],
        ["file", file],
      ]);
      expect(refused.status).toBe(400);
      const html = await refused.text();
      expect(html).toContain("Een bestand is niet (meer) beschikbaar. Voeg het opnieuw toe.");
      expect(html).toContain("Met een bestand dat niet kan</textarea>");
      // The client's own upload stays with the composer for the next try; the other is dropped.
      expect(html).toContain(`name="file" value="${mine}"`);
      expect(html).not.toContain(`value="${file}"`);
    }
    const six = await Promise.all(
      ["a", "b", "c", "d", "e", "f"].map((name) => uploaded("client", `${name}.txt`, text(name))),
    );
    const tooMany = await send("client", [
      ["body", "Zes bestanden"],
      ["clientMessageId", "too-many-00001"],
      ...six.map((id): [string, string] => ["file", id]),
    ]);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("Kies hoogstens 5 bestanden.");
    expect(await messageCount()).toBe(before);
    expect(await scope().count(files, eq(files.id, theirs))).toBe(1);
    const [untouched] = await scope().list(files, { where: eq(files.id, mine) });
    expect(untouched!.expiresAt).not.toBeNull();
  });

  it("starts a conversation with a file; the same form sent twice at once starts one", async () => {
    const plan = await uploaded("client", "plan.pdf", pdfOf());
    const form = new URLSearchParams([
      ["to", ids.coach!],
      ["subject", "Mijn plan"],
      ["body", "Zie bijlage."],
      ["notify", "yes"],
      ["clientMessageId", "start-with-file-01"],
      ["file", plan],
    ]).toString();
    const start = () =>
      visit(host, "/messages/new", {
        method: "POST",
        headers: {
          cookie: cookies.client!,
          origin: `http://${host}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: form,
      });
    const [first, second] = await Promise.all([start(), start()]);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(first.headers.get("location")).toBe(second.headers.get("location"));
    const started = await scope().list(conversations, {
      where: and(eq(conversations.createdByUserId, ids.client!), eq(conversations.subject, "Mijn plan")),
    });
    expect(started).toHaveLength(1);
    expect(await scope().count(messageAttachments, eq(messageAttachments.fileId, plan))).toBe(1);
    const html = await (await page("coach", `/messages/${started[0]!.id}`)).text();
    expect(html).toContain("plan.pdf downloaden");
  });

  it("answers 404 to another client, an admin outside the conversation and another tenant", async () => {
    for (const [who, onHost] of [
      ["stranger", host],
      ["admin", host],
      ["foreign", otherHost],
    ] as const) {
      const response = await page(who, `/messages/${conversation}/files/${sheet}`, onHost);
      expect(response.status, who).toBe(404);
      expect(await response.text()).not.toContain("%PDF");
    }
    // A file that exists but was not sent in this conversation is not found through it.
    const elsewhere = await conversationWith(tenant, ids.stranger!, [ids.stranger!, ids.coach!]);
    expect((await page("coach", `/messages/${elsewhere}/files/${sheet}`)).status).toBe(404);
  });
});
