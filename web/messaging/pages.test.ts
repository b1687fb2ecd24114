import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultNotificationSettings } from "../../core/kernel/notifications/settings.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { careTeamRow } from "../../db/kernel/care-team-store.ts";
import { careTeamMembers } from "../../db/kernel/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import {
  addUser,
  createTenant,
  deliverQueuedMail,
  post,
  signIn,
  visit,
} from "../../worker/kernel/testing/fixtures.ts";
import { countRows } from "../../worker/messaging/testing.ts";
import { correspondenceOf } from "../../core/messaging/summary.ts";
import { D1MessagingStore } from "../../db/messaging/store.ts";

const password = "een lang en sterk wachtwoord";
const host = "messages-pages.localhost";
const otherHost = "messages-pages-b.localhost";

let tenant: TenantRecord;
let other: TenantRecord;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
let conversation = "";

const page = (as: string, path: string, onHost = host) =>
  visit(onHost, path, { headers: { cookie: cookies[as]! } });
const send = (as: string, path: string, fields: Record<string, string>) =>
  post(host, path, fields, { cookie: cookies[as]! });

/** The text of a page without its markup, to read what a person reads. */
const textOf = async (response: Response) =>
  (await response.text())
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

beforeAll(async () => {
  const notifications = { ...defaultNotificationSettings, quietHours: null, digestMinutes: 0 };
  const settings = {
    secondFactor: { required: [] },
    notifications,
    messaging: { editMinutes: 5, clientsWriteToAllStaff: false },
  };
  tenant = await createTenant("messages-pages", "TENANT_DB_1", { settings });
  other = await createTenant("messages-pages-b", "TENANT_DB_2", { settings });
  const people = {
    coach: { email: "coach@messages-pages.test", role: "staff" },
    colleague: { email: "colleague@messages-pages.test", role: "staff" },
    admin: { email: "admin@messages-pages.test", role: "admin" },
    client: { email: "sanne@messages-pages.test", role: "client" },
    stranger: { email: "daan@messages-pages.test", role: "client" },
  } as const;
  for (const [who, person] of Object.entries(people)) {
    ids[who] = await addUser(tenant, { ...person, password });
    cookies[who] = await signIn(host, person.email, password);
  }
  ids.foreign = await addUser(other, { email: "client@messages-pages-b.test", password });
  cookies.foreign = await signIn(otherHost, "client@messages-pages-b.test", password);
  await platformData(env)
    .scopeIn(tenant.cell, tenant.id)
    .insert(careTeamMembers, careTeamRow(ids.client!, ids.coach!, new Date()));
});

describe("the message pages", () => {
  it("lets a client start a conversation with their coach, who finds it unread in the inbox", async () => {
    const form = await page("client", "/messages/new");
    expect(form.status).toBe(200);
    const options = await textOf(form);
    expect(options).toContain("coach");
    expect(options).not.toContain("colleague");
    const started = await send("client", "/messages/new", {
      to: ids.coach!,
      subject: "Over mijn doelen",
      body: "Hoi Anouk, ik wil het over mijn doelen hebben.",
      notify: "yes",
      clientMessageId: "start-0000001",
    });
    expect(started.status).toBe(302);
    const location = started.headers.get("location")!;
    conversation = /\/messages\/(cnv_[^?]+)/.exec(location)![1]!;
    const inbox = await textOf(await page("coach", "/messages?filter=unread"));
    expect(inbox).toContain("Over mijn doelen");
    expect(inbox).toContain("1 ongelezen");
    expect(await countRows(tenant, "notifications", "kind = 'message' AND recipient_id = ?", ids.coach)).toBe(
      1,
    );
    const mail = await deliverQueuedMail(tenant, "coach@messages-pages.test");
    expect(`${mail?.subject} ${mail?.text} ${mail?.html}`).not.toContain("doelen hebben");
  });

  it("keeps a draft through leaving and coming back, and publishes it later", async () => {
    const saved = await send("client", `/messages/${conversation}`, {
      intent: "draft",
      body: "Nog niet af: ik twijfel over",
      notify: "yes",
      clientMessageId: "draft-00000001",
    });
    expect(saved.status).toBe(302);
    const back = await textOf(await page("client", `/messages/${conversation}`));
    expect(back).toContain("Concept");
    expect(back).toContain("Nog niet af: ik twijfel over");
    expect(await countRows(tenant, "messages", "conversation_id = ?", conversation)).toBe(1);
    const published = await send("client", `/messages/${conversation}`, {
      intent: "publish",
      body: "Nu af: ik twijfel over stap twee.",
      notify: "yes",
      clientMessageId: "publish-000001",
    });
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe(`/messages/${conversation}?sent=1#message-2`);
    const after = await textOf(await page("client", `/messages/${conversation}`));
    expect(after).toContain("Nu af: ik twijfel over stap twee.");
    expect(after).not.toContain("Nog niet af");
    expect(await countRows(tenant, "message_drafts", "conversation_id = ?", conversation)).toBe(0);
  });

  it("publishes a resent form once and notifies once", async () => {
    const before = await countRows(tenant, "notifications", "recipient_id = ?", ids.coach);
    const fields = {
      intent: "publish",
      body: "Dubbel geklikt",
      notify: "yes",
      clientMessageId: "twice-0000001",
    };
    expect((await send("client", `/messages/${conversation}`, fields)).status).toBe(302);
    expect((await send("client", `/messages/${conversation}`, fields)).status).toBe(302);
    expect(await countRows(tenant, "messages", "body = 'Dubbel geklikt'")).toBe(1);
    expect(await countRows(tenant, "notifications", "recipient_id = ?", ids.coach)).toBe(before + 1);
  });

  it("refuses an empty or too long message at the field and keeps what was typed", async () => {
    const empty = await send("client", `/messages/${conversation}`, {
      intent: "publish",
      body: "  ",
      notify: "yes",
      clientMessageId: "empty-0000001",
    });
    expect(empty.status).toBe(400);
    expect(await textOf(empty)).toContain("Schrijf eerst een bericht.");
    const typed = `Mijn lange verhaal ${"x".repeat(10_000)}`;
    const long = await send("client", `/messages/${conversation}`, {
      intent: "publish",
      body: typed,
      notify: "yes",
      clientMessageId: "long-00000001",
    });
    expect(long.status).toBe(400);
    const html = await long.text();
    expect(html).toContain("Een bericht is hoogstens 10000 tekens; dit zijn er 10019.");
    expect(html).toContain(typed);
    expect(await countRows(tenant, "messages", "body LIKE 'Mijn lange verhaal%'")).toBe(0);
  });

  it("refuses a made-up recipient at its field and a made-up message id, keeping the text and storing nothing", async () => {
    const refused = await send("client", "/messages/new", {
      to: "usr_bestaatniet",
      subject: "Verzonnen ontvanger",
      body: "Dit bericht gaat nergens heen.",
      notify: "yes",
      clientMessageId: "madeup-000001",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Kies uit de lijst.");
    expect(html).toContain('value="Verzonnen ontvanger"');
    expect(html).toContain("Dit bericht gaat nergens heen.");
    expect(await countRows(tenant, "conversations", "subject = 'Verzonnen ontvanger'")).toBe(0);
    const badId = await send("client", `/messages/${conversation}`, {
      intent: "publish",
      body: "Met een kapotte sleutel",
      clientMessageId: "kort",
    });
    expect(badId.status).toBe(400);
    expect(await countRows(tenant, "messages", "body = 'Met een kapotte sleutel'")).toBe(0);
  });

  it("shows the coach's reply on the left and the client's own messages with read receipts", async () => {
    const reply = await send("coach", `/messages/${conversation}`, {
      intent: "publish",
      body: "Goed dat je het vraagt, Sanne.",
      notify: "yes",
      clientMessageId: "reply-0000001",
    });
    expect(reply.status).toBe(302);
    const html = await (await page("client", `/messages/${conversation}`)).text();
    expect(html).toMatch(/bubble bubble--coach[^>]*>[\s\S]*Goed dat je het vraagt/);
    expect(html).toContain("Gelezen door coach");
  });

  it("lets the sender change a message within the window and keeps the earlier text visible", async () => {
    const thread = await (await page("coach", `/messages/${conversation}`)).text();
    const messageId = /name="messageId" value="(msg_[^"]+)"/.exec(thread)![1]!;
    const edited = await send("coach", `/messages/${conversation}`, {
      intent: "edit",
      messageId,
      body: "Goed dat je het vraagt, Sanne. Zullen we bellen?",
    });
    expect(edited.status).toBe(302);
    const seen = await textOf(await page("client", `/messages/${conversation}`));
    expect(seen).toContain("Zullen we bellen?");
    expect(seen).toContain("Eerdere versies");
    expect(await countRows(tenant, "message_edits", "message_id = ?", messageId)).toBe(1);
    const notTheirs = await send("client", `/messages/${conversation}`, {
      intent: "edit",
      messageId,
      body: "x",
    });
    expect(notTheirs.status).toBe(404);
  });

  it("records every reading of the conversation in the audit log", async () => {
    const before = await countRows(
      tenant,
      "audit_events",
      "action = 'messages.conversation.read' AND target_id = ?",
      conversation,
    );
    await page("coach", `/messages/${conversation}`);
    expect(
      await countRows(
        tenant,
        "audit_events",
        "action = 'messages.conversation.read' AND target_id = ?",
        conversation,
      ),
    ).toBe(before + 1);
  });

  it("finds the inbox by client name and subject, and filters on unread", async () => {
    expect(await textOf(await page("coach", "/messages?q=sanne"))).toContain("Over mijn doelen");
    expect(await textOf(await page("coach", "/messages?q=doelen"))).toContain("Over mijn doelen");
    expect(await textOf(await page("coach", "/messages?q=Zullen"))).toContain("Geen gesprekken gevonden.");
    expect(await textOf(await page("coach", "/messages?filter=unread"))).toContain(
      "Geen gesprekken gevonden.",
    );
  });

  it("shows nothing to another client, other staff or another tenant", async () => {
    for (const as of ["stranger", "colleague"]) {
      expect((await page(as, `/messages/${conversation}`)).status).toBe(404);
      const written = await send(as, `/messages/${conversation}`, {
        intent: "publish",
        body: "Mag ik meelezen?",
        notify: "yes",
        clientMessageId: `intruder-${as}`,
      });
      expect(written.status).toBe(404);
      expect(await textOf(await page(as, "/messages"))).not.toContain("Over mijn doelen");
    }
    expect((await page("foreign", `/messages/${conversation}`, otherHost)).status).toBe(404);
    expect(await countRows(tenant, "messages", "body = 'Mag ik meelezen?'")).toBe(0);
  });

  it("lets an admin see that the conversation exists but not what is in it", async () => {
    const inbox = await textOf(await page("admin", "/messages"));
    expect(inbox).toContain("Gesprek met sanne");
    expect(inbox).not.toContain("Over mijn doelen");
    const opened = await textOf(await page("admin", `/messages/${conversation}`));
    expect(opened).toContain("alleen dat het bestaat is zichtbaar");
    expect(opened).not.toContain("Over mijn doelen");
    expect(opened).not.toContain("Goed dat je het vraagt");
  });

  it("answers 404 where the tenant has no messages", async () => {
    await platformData(env).control.savePlan({
      id: "no-messages-pages",
      name: "Zonder",
      features: ["documents"],
    });
    const lacking = await createTenant("messages-pages-c", "TENANT_DB_1", {
      planId: "no-messages-pages",
      settings: { secondFactor: { required: [] } },
    });
    await addUser(lacking, { email: "client@messages-pages-c.test", password });
    cookies.lacking = await signIn("messages-pages-c.localhost", "client@messages-pages-c.test", password);
    expect((await page("lacking", "/messages", "messages-pages-c.localhost")).status).toBe(404);
    expect((await page("lacking", "/messages/new", "messages-pages-c.localhost")).status).toBe(404);
  });

  it("sums up the client's correspondence for their home: unread count and newest replies, without text", async () => {
    await send("coach", `/messages/${conversation}`, {
      intent: "publish",
      body: "Tot donderdag!",
      notify: "",
      clientMessageId: "summary-00001",
    });
    const store = new D1MessagingStore(platformData(env).scopeIn(tenant.cell, tenant.id));
    const summary = await correspondenceOf({ store }, { id: ids.client!, role: "client" });
    expect(summary.unread).toBe(1);
    expect(summary.replies[0]).toMatchObject({
      conversationId: conversation,
      subject: "Over mijn doelen",
      senderName: "coach",
    });
    expect(JSON.stringify(summary)).not.toContain("donderdag");
    // A second reply in the same conversation moves its line up instead of adding one.
    await send("coach", `/messages/${conversation}`, {
      intent: "publish",
      body: "En neem je werkboek mee.",
      notify: "",
      clientMessageId: "summary-00002",
    });
    const after = await correspondenceOf({ store }, { id: ids.client!, role: "client" });
    expect(after.replies.filter((reply) => reply.conversationId === conversation)).toHaveLength(1);
    expect(after.replies[0]!.seq).toBeGreaterThan(summary.replies[0]!.seq);
    expect(
      await countRows(tenant, "notifications", "recipient_id = ? AND kind = 'message'", ids.client),
    ).toBe(1);
  });

  it("sends anyone signed out to the sign-in page", async () => {
    const response = await visit(host, `/messages/${conversation}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/login");
  });
});
