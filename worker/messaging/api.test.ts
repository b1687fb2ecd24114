import { beforeAll, describe, expect, it } from "vitest";
import { defaultNotificationSettings } from "../../core/kernel/notifications/settings.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { callApi, addUser, createTenant, deliverQueuedMail, signIn } from "../kernel/testing/fixtures.ts";
import { pdfOf, uploadedBy } from "../kernel/testing/files.ts";
import { conversationWith, countRows } from "./testing.ts";
import { careTeamRow } from "../../db/kernel/care-team-store.ts";
import { careTeamMembers } from "../../db/kernel/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { env } from "cloudflare:workers";

const password = "een lang en sterk wachtwoord";
const host = "messages-api.localhost";
const secret = "Mijn geheime tekst over de afspraak";

let tenant: TenantRecord;
let other: TenantRecord;
let without: TenantRecord;
let ids: Record<string, string> = {};
let conversation: string;
const cookies: Record<string, string> = {};

const call = (as: string, path: string, init: { method?: string; body?: unknown; host?: string } = {}) =>
  callApi(init.host ?? host, path, { cookie: cookies[as], method: init.method ?? "GET", json: init.body });

const send = (as: string, body: string, clientMessageId: string = crypto.randomUUID(), notify = true) =>
  call(as, `/conversations/${conversation}/messages`, {
    method: "POST",
    body: { clientMessageId, body, notify },
  });

beforeAll(async () => {
  // Mail goes out at once, day and night, so the test can read it in the outbox.
  const notifications = { ...defaultNotificationSettings, quietHours: null, digestMinutes: 0 };
  const settings = { secondFactor: { required: [] }, notifications };
  tenant = await createTenant("messages-api", "TENANT_DB_1", { settings });
  other = await createTenant("messages-api-b", "TENANT_DB_2", { settings });
  const control = platformData(env).control;
  await control.savePlan({ id: "no-messages", name: "Zonder", features: ["documents"] });
  without = await createTenant("messages-api-c", "TENANT_DB_1", { settings, planId: "no-messages" });
  ids = {
    coach: await addUser(tenant, { email: "coach@messages-api.test", role: "staff", password }),
    colleague: await addUser(tenant, { email: "colleague@messages-api.test", role: "staff", password }),
    admin: await addUser(tenant, { email: "admin@messages-api.test", role: "admin", password }),
    client: await addUser(tenant, { email: "client@messages-api.test", password }),
    stranger: await addUser(tenant, { email: "stranger@messages-api.test", password }),
    foreign: await addUser(other, { email: "client@messages-api-b.test", password }),
    lacking: await addUser(without, { email: "client@messages-api-c.test", password }),
  };
  await platformData(env)
    .scopeIn(tenant.cell, tenant.id)
    .insert(careTeamMembers, careTeamRow(ids.client!, ids.coach!, new Date()));
  conversation = await conversationWith(tenant, ids.client!, [ids.client!, ids.coach!]);
  for (const [who, email] of [
    ["coach", "coach@messages-api.test"],
    ["colleague", "colleague@messages-api.test"],
    ["admin", "admin@messages-api.test"],
    ["client", "client@messages-api.test"],
    ["stranger", "stranger@messages-api.test"],
  ] as const)
    cookies[who] = await signIn(host, email, password);
  cookies.foreign = await signIn("messages-api-b.localhost", "client@messages-api-b.test", password);
  cookies.lacking = await signIn("messages-api-c.localhost", "client@messages-api-c.test", password);
});

describe("the messaging API", () => {
  it("publishes once per client message id and notifies once, without the text", async () => {
    const clientMessageId = "retry-me-0001";
    const first = await send("client", secret, clientMessageId);
    expect(first.status).toBe(201);
    const stored = ((await first.json()) as { message: { id: string; seq: number; body: string } }).message;
    expect(stored).toMatchObject({ seq: 1, body: secret });
    const again = await send("client", secret, clientMessageId);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { message: { id: string } }).message.id).toBe(stored.id);

    expect(await countRows(tenant, "messages", "conversation_id = ?", conversation)).toBe(1);
    expect(await countRows(tenant, "notifications", "kind = 'message' AND recipient_id = ?", ids.coach)).toBe(
      1,
    );
    expect(await countRows(tenant, "notifications", "recipient_id = ?", ids.client)).toBe(0);
    expect(await countRows(tenant, "notification_deliveries", "recipient_id = ?", ids.coach)).toBe(1);
    const mail = await deliverQueuedMail(tenant, "coach@messages-api.test");
    expect(mail).toBeDefined();
    expect(`${mail!.subject} ${mail!.text} ${mail!.html}`).not.toContain("geheime");
    expect(mail!.text).toContain(`/messages/${conversation}`);
  });

  it("sends without telling anyone when the sender unticks it", async () => {
    const before = await countRows(tenant, "notifications", "recipient_id = ?", ids.client);
    expect((await send("coach", "Stil antwoord", undefined, false)).status).toBe(201);
    expect(await countRows(tenant, "notifications", "recipient_id = ?", ids.client)).toBe(before);
  });

  it("shows the conversation to those who take part and records every read", async () => {
    const response = await call("coach", `/conversations/${conversation}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { messages: { body: string; seq: number }[]; subject: string };
    expect(body.subject).toBe("Een vraag");
    expect(body.messages.map((m) => m.body)).toEqual([secret, "Stil antwoord"]);
    const after = (await (await call("client", `/conversations/${conversation}?after=1`)).json()) as {
      messages: { seq: number }[];
    };
    expect(after.messages.map((m) => m.seq)).toEqual([2]);
    expect(
      await countRows(
        tenant,
        "audit_events",
        "action = 'messages.conversation.read' AND target_id = ?",
        conversation,
      ),
    ).toBe(2);
  });

  it("keeps a draft until the message is published", async () => {
    const saved = await call("client", `/conversations/${conversation}/draft`, {
      method: "PUT",
      body: { body: "Half af", notify: false },
    });
    expect(saved.status).toBe(200);
    const read = (await (await call("client", `/conversations/${conversation}`)).json()) as {
      draft: { body: string; notify: boolean } | null;
    };
    expect(read.draft).toMatchObject({ body: "Half af", notify: false });
    expect((await send("client", "Half af, nu heel")).status).toBe(201);
    const after = (await (await call("client", `/conversations/${conversation}`)).json()) as {
      draft: unknown;
    };
    expect(after.draft).toBeNull();
  });

  it("counts unread messages and marks them read", async () => {
    const list = async () =>
      (
        (await (await call("coach", "/conversations?filter=unread")).json()) as {
          conversations: { id: string; unread: number }[];
        }
      ).conversations;
    expect((await list()).find((row) => row.id === conversation)?.unread).toBeGreaterThan(0);
    expect(
      (await call("coach", `/conversations/${conversation}/read`, { method: "POST", body: {} })).status,
    ).toBe(200);
    expect(await list()).toEqual([]);
  });

  it("refuses empty and too long messages at the body field and stores nothing", async () => {
    const before = await countRows(tenant, "messages");
    const empty = await send("client", "   ");
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: "empty", field: "body" } });
    const long = await send("client", "x".repeat(10_001));
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ error: { code: "too_long", field: "body" } });
    expect(await countRows(tenant, "messages")).toBe(before);
  });

  it("sends the sender's finished uploads with a message and refuses anyone else's", async () => {
    const file = await uploadedBy(tenant, ids.client!, "verslag.pdf", pdfOf());
    const theirs = await uploadedBy(tenant, ids.stranger!, "anders.pdf", pdfOf());
    const path = `/conversations/${conversation}/messages`;
    const refused = await call("client", path, {
      method: "POST",
      body: { clientMessageId: "api-files-0002", body: "Met bijlage", fileIds: [file, theirs] },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string; field: string } }).error).toMatchObject({
      code: "unknown_file",
      field: "fileIds",
    });
    const sent = await call("client", path, {
      method: "POST",
      body: { clientMessageId: "api-files-0001", body: "", fileIds: [file] },
    });
    expect(sent.status).toBe(201);
    const { message } = (await sent.json()) as { message: { attachments: unknown[] } };
    expect(message.attachments).toEqual([
      { id: file, fileName: "verslag.pdf", contentType: "application/pdf", size: 1_000, inline: true },
    ]);
  });

  it("finds nothing for another client, another tenant or a tenant without messages", async () => {
    for (const as of ["stranger", "colleague"]) {
      expect((await call(as, `/conversations/${conversation}`)).status).toBe(404);
      expect((await send(as, "hallo")).status).toBe(404);
      expect(
        (await call(as, `/conversations/${conversation}/draft`, { method: "PUT", body: { body: "x" } }))
          .status,
      ).toBe(404);
      expect(
        (await call(as, `/conversations/${conversation}/read`, { method: "POST", body: {} })).status,
      ).toBe(404);
      const listed = (await (await call(as, "/conversations")).json()) as { conversations: unknown[] };
      expect(listed.conversations).toEqual([]);
    }
    const foreign = await call("foreign", `/conversations/${conversation}`, {
      host: "messages-api-b.localhost",
    });
    expect(foreign.status).toBe(404);
    const lacking = await call("lacking", "/conversations", { host: "messages-api-c.localhost" });
    expect(lacking.status).toBe(404);
    expect((await call("nobody", "/conversations")).status).toBe(401);
  });

  it("lets an admin see that a conversation exists, not what is in it", async () => {
    const listed = (await (await call("admin", "/conversations")).json()) as {
      conversations: { id: string; subject: string | null; clientName: string }[];
    };
    expect(listed.conversations).toEqual([
      expect.objectContaining({ id: conversation, subject: null, clientName: "client" }),
    ]);
    const opened = await call("admin", `/conversations/${conversation}`);
    expect(opened.status).toBe(403);
    expect(await opened.text()).not.toContain("geheime");
    expect((await send("admin", "ik lees mee")).status).toBe(404);
  });

  it("is in the OpenAPI document", async () => {
    const document = (await (await call("nobody", "/openapi.json")).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.values(document.paths).flatMap((path) =>
      Object.values(path).map((operation) => operation.operationId),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "listConversations",
        "getConversation",
        "sendMessage",
        "saveDraft",
        "markConversationRead",
      ]),
    );
  });
});
