import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ClientFrame, ServerFrame } from "../../../core/messaging/chat-protocol.ts";
import { publish, sendAudit } from "../../../core/messaging/conversation.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { configOf } from "../../env.ts";
import { buildServices } from "../../services.ts";
import { seedDemoTenants, signIn, visit } from "../../kernel/testing/fixtures.ts";
import { conversationWith, countRows } from "../testing.ts";
import { ChatRoom } from "./chat-room.ts";
import { roomName } from "./room-address.ts";

const host = "coaching.localhost";
const sanne = "sanne.visser@example.nl";
const anouk = "anouk.devries@koerscoaching.nl";

type Person = { cookie: string; id: string };
let tenant: { id: string; cell: string };
let people: Record<"sanne" | "anouk" | "daan" | "marieke" | "fatima" | "jeroen", Person>;
let conversationId: string;

/** A browser's websocket to a conversation: every frame it received, and a way to wait for the next. */
class Socket {
  frames: ServerFrame[] = [];
  #waiting: (() => void)[] = [];
  constructor(readonly ws: WebSocket) {
    ws.accept();
    ws.addEventListener("message", (event) => {
      if (event.data === "pong") return;
      this.frames.push(JSON.parse(String(event.data)) as ServerFrame);
      for (const wake of this.#waiting.splice(0)) wake();
    });
  }

  send(frame: ClientFrame) {
    this.ws.send(JSON.stringify(frame));
  }

  /** The first frame of this type (that `where` accepts) received from now on or already waiting unread. */
  async next<T extends ServerFrame["type"]>(
    type: T,
    where: (frame: Extract<ServerFrame, { type: T }>) => boolean = () => true,
  ): Promise<Extract<ServerFrame, { type: T }>> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const index = this.frames.findIndex((frame) => frame.type === type && where(frame as never));
      if (index >= 0) return this.frames.splice(index, 1)[0] as Extract<ServerFrame, { type: T }>;
      if (Date.now() > deadline) throw new Error(`no ${type} frame; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        this.#waiting.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** Drops what was received so far (frames a test does not look at). */
  clear() {
    this.frames = [];
  }

  close() {
    this.ws.close(1000, "done");
  }
}

function upgrade(path: string, headers: Record<string, string>, on = host) {
  return visit(on, path, { headers: { upgrade: "websocket", origin: `http://${on}`, ...headers } });
}

async function connect(person: Person, after = 0, conversation = conversationId): Promise<Socket> {
  const response = await upgrade(`/chat/${conversation}?after=${after}`, { cookie: person.cookie });
  expect(response.status).toBe(101);
  return new Socket(response.webSocket!);
}

async function accountId(email: string): Promise<string> {
  const row = await env[tenant.cell as "TENANT_DB_1"]
    .prepare("SELECT id FROM users WHERE tenant_id = ? AND email = ?")
    .bind(tenant.id, email)
    .first<{ id: string }>();
  return row!.id;
}

async function storedMessages(): Promise<{ body: string; seq: number }[]> {
  const { results } = await env[tenant.cell as "TENANT_DB_1"]
    .prepare("SELECT body, seq FROM messages WHERE tenant_id = ? AND conversation_id = ? ORDER BY seq")
    .bind(tenant.id, conversationId)
    .all<{ body: string; seq: number }>();
  return results;
}

async function readSeqOf(person: Person, conversation: string): Promise<number | null> {
  const row = await env[tenant.cell as "TENANT_DB_1"]
    .prepare(
      "SELECT read_seq AS seq FROM conversation_participants WHERE tenant_id = ? AND conversation_id = ? AND user_id = ?",
    )
    .bind(tenant.id, conversation, person.id)
    .first<{ seq: number }>();
  return row?.seq ?? null;
}

const room = (conversation = conversationId) =>
  env.CHAT_ROOM.get(
    env.CHAT_ROOM.idFromName(roomName({ tenantId: tenant.id, conversationId: conversation })),
  );

/** A message sent through the conversation page or the API (the messaging core, not the room). */
async function publishThroughPage(
  person: Person,
  role: "client" | "staff",
  conversation: string,
  body: string,
) {
  const services = buildServices(env, configOf(env));
  const { loadTenant } = await import("../../../core/kernel/tenants/tenant.ts");
  const full = (await loadTenant((await services.control.tenantById(tenant.id))!, services))!;
  const published = await publish(
    services.messagingFor(full),
    { id: person.id, role },
    { conversationId: conversation, clientMessageId: `page-${crypto.randomUUID()}`, body, notify: false },
    { ipAddress: null, userAgent: null },
  );
  expect(published.ok).toBe(true);
}

beforeAll(async () => {
  await seedDemoTenants();
  const record = (await platformData(env).control.tenantBySlug("coaching"))!;
  tenant = record;
  const person = async (email: string) => ({ cookie: await signIn(host, email), id: await accountId(email) });
  people = {
    sanne: await person(sanne),
    anouk: await person(anouk),
    daan: await person("daan.mulder@example.nl"),
    marieke: await person("marieke.jansen@koerscoaching.nl"),
    fatima: await person("fatima.elamrani@example.com"),
    jeroen: await person("jeroen.bakker@koerscoaching.nl"),
  };
  conversationId = await conversationWith(tenant, people.sanne.id, [people.sanne.id, people.anouk.id]);
});

describe("a live conversation", () => {
  it("shows who is online, fans a message out to both, and passes typing and receipts on", async () => {
    const client = await connect(people.sanne);
    const welcome = await client.next("welcome");
    expect(welcome.you.accountId).toBe(people.sanne.id);
    expect(welcome.online.map((person) => person.displayName)).toEqual(["Sanne Visser"]);
    expect(welcome.participants.map((person) => [person.displayName, person.role]).sort()).toEqual([
      ["Anouk de Vries", "staff"],
      ["Sanne Visser", "client"],
    ]);

    const coach = await connect(people.anouk);
    const coachWelcome = await coach.next("welcome");
    expect(coachWelcome.online.map((person) => person.displayName).sort()).toEqual([
      "Anouk de Vries",
      "Sanne Visser",
    ]);
    const presence = await client.next("presence");
    expect(presence.online).toHaveLength(2);

    client.send({
      type: "send",
      clientMessageId: "client-message-1",
      body: "Hoi Anouk, kunnen we het morgen over mijn doelen hebben?",
    });
    const atCoach = await coach.next("message");
    const atClient = await client.next("message");
    expect(atCoach.message).toMatchObject({
      seq: 1,
      senderUserId: people.sanne.id,
      senderName: "Sanne Visser",
    });
    expect(atClient.message.id).toBe(atCoach.message.id);
    expect(atClient.message.clientMessageId).toBe("client-message-1");

    coach.send({ type: "typing", active: true });
    expect((await client.next("typing")).person.displayName).toBe("Anouk de Vries");

    coach.send({ type: "delivered", sequence: 1 });
    expect((await client.next("receipt")).receipt).toEqual({
      accountId: people.anouk.id,
      delivered: 1,
      read: 0,
    });
    coach.send({ type: "read", sequence: 1 });
    expect((await client.next("receipt", (frame) => frame.receipt.read === 1)).receipt).toEqual({
      accountId: people.anouk.id,
      delivered: 1,
      read: 1,
    });

    coach.close();
    expect((await client.next("presence")).online.map((person) => person.displayName)).toEqual([
      "Sanne Visser",
    ]);
    client.close();
  });

  it("stores a resent client message id once and delivers it once", async () => {
    const client = await connect(people.sanne, 1);
    const coach = await connect(people.anouk, 1);
    await client.next("welcome");
    await coach.next("welcome");
    const frame: ClientFrame = { type: "send", clientMessageId: "client-message-2", body: "Nog één vraag." };
    client.send(frame);
    const first = (await coach.next("message")).message;
    await client.next("message");
    client.send(frame);
    const again = (await client.next("message")).message;
    expect(again.id).toBe(first.id);
    // A last, different message marks the end: the coach got nothing in between.
    client.send({ type: "send", clientMessageId: "client-message-3", body: "Tot morgen!" });
    expect((await coach.next("message")).message.seq).toBe(3);
    expect(coach.frames.filter((one) => one.type === "message")).toEqual([]);
    expect((await storedMessages()).filter((message) => message.body === "Nog één vraag.")).toHaveLength(1);
    // Its audit line was written with it, once: the resend wrote none.
    const sends = "action = 'messages.message.send' AND target_id = ? AND actor_user_id = ?";
    expect(await countRows(tenant, "audit_events", sends, first.id, people.sanne.id)).toBe(1);
    client.close();
    coach.close();
  });

  it("numbers messages that arrive together in order, storing, auditing and delivering each once", async () => {
    const conversation = await conversationWith(tenant, people.sanne.id, [people.sanne.id, people.anouk.id]);
    const client = await connect(people.sanne, 0, conversation);
    const coach = await connect(people.anouk, 0, conversation);
    await client.next("welcome");
    await coach.next("welcome");
    // Sent at once from both sides, one of them twice.
    for (let index = 1; index <= 6; index++) {
      client.send({ type: "send", clientMessageId: `together-client-${index}`, body: `Klant ${index}` });
      coach.send({ type: "send", clientMessageId: `together-coach-${index}`, body: `Coach ${index}` });
    }
    client.send({ type: "send", clientMessageId: "together-client-1", body: "Klant 1" });
    client.send({ type: "send", clientMessageId: "together-client-end", body: "Klaar" });
    await coach.next("message", (frame) => frame.message.body === "Klaar");

    const { results: stored } = await env[tenant.cell as "TENANT_DB_1"]
      .prepare("SELECT body, seq FROM messages WHERE tenant_id = ? AND conversation_id = ? ORDER BY seq")
      .bind(tenant.id, conversation)
      .all<{ body: string; seq: number }>();
    expect(stored.map((message) => message.seq)).toEqual([...Array(13).keys()].map((index) => index + 1));
    // Each side's messages keep the order they were sent in.
    for (const side of ["Klant", "Coach"])
      expect(
        stored.filter((message) => message.body.startsWith(side)).map((message) => message.body),
      ).toEqual([1, 2, 3, 4, 5, 6].map((index) => `${side} ${index}`));
    const sends = "action = 'messages.message.send' AND json_extract(detail, '$.conversation') = ?";
    expect(await countRows(tenant, "audit_events", sends, conversation)).toBe(13);
    const atCoach = coach.frames.flatMap((frame) => (frame.type === "message" ? [frame.message.body] : []));
    expect(atCoach.filter((body) => body.startsWith("Klant")).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((index) => `Klant ${index}`),
    );
    client.close();
    coach.close();
  });

  it("gives someone who was away what they missed when they come back", async () => {
    const coach = await connect(people.anouk, 3);
    await coach.next("welcome");
    coach.send({ type: "send", clientMessageId: "coach-message-1", body: "Prima, ik zet het op de agenda." });
    coach.send({ type: "send", clientMessageId: "coach-message-2", body: "Neem je je werkboek mee?" });
    await coach.next("message", (frame) => frame.message.seq === 5);

    const client = await connect(people.sanne, 3);
    const welcome = await client.next("welcome");
    expect(welcome.messages.map((message) => [message.seq, message.body])).toEqual([
      [4, "Prima, ik zet het op de agenda."],
      [5, "Neem je je werkboek mee?"],
    ]);
    client.close();
    coach.close();
  });

  it("keeps its connections and its history when the room hibernates: the messages come from D1", async () => {
    const client = await connect(people.sanne, 5);
    const { awakeSince } = await client.next("welcome");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await evictDurableObject(room(), { webSockets: "hibernate" });

    // Everything the room sent on is in the cell by now; the history after the wake comes from there.
    client.send({ type: "sync", after: 0 });
    const history = await client.next("history");
    expect(history.awakeSince > awakeSince).toBe(true);
    expect(history.messages.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await storedMessages()).map((message) => message.seq)).toEqual([1, 2, 3, 4, 5]);

    // The socket that slept through it still gets what a page publishes afterwards.
    const services = buildServices(env, configOf(env));
    const coaching = (await services.control.tenantById(tenant.id))!;
    const { loadTenant } = await import("../../../core/kernel/tenants/tenant.ts");
    const full = (await loadTenant(coaching, services))!;
    const published = await publish(
      services.messagingFor(full),
      { id: people.anouk.id, role: "staff" },
      { conversationId, clientMessageId: "page-message-1", body: "Via de pagina verstuurd.", notify: false },
      { ipAddress: null, userAgent: null },
    );
    expect(published.ok).toBe(true);
    expect((await client.next("message")).message).toMatchObject({
      seq: 6,
      body: "Via de pagina verstuurd.",
    });
    client.close();
  });

  it("refuses frames that are not the protocol's, messages that are empty, and floods", async () => {
    const client = await connect(people.sanne, 6);
    await client.next("welcome");
    client.ws.send("not json");
    expect((await client.next("refused")).reason).toBe("invalid");
    client.send({ type: "send", clientMessageId: "empty-message", body: "   " });
    expect(await client.next("refused")).toEqual({
      type: "refused",
      reason: "empty",
      clientMessageId: "empty-message",
    });
    client.send({ type: "send", clientMessageId: "long-message", body: "x".repeat(10_001) });
    expect((await client.next("refused")).reason).toBe("tooLong");
    for (let i = 0; i < 30; i++) client.send({ type: "typing", active: true });
    expect((await client.next("refused")).reason).toBe("rateLimited");
    expect((await storedMessages()).map((message) => message.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    client.close();
  });
});

describe("what a room knows of its conversation between reads", () => {
  it("keeps receipts right from its own writes and from what pages publish, before and after hibernation", async () => {
    const conversation = await conversationWith(tenant, people.sanne.id, [people.sanne.id, people.anouk.id]);
    const client = await connect(people.sanne, 0, conversation);
    await client.next("welcome");
    const coach = await connect(people.anouk, 0, conversation);
    await coach.next("welcome");
    client.send({ type: "send", clientMessageId: "known-message-1", body: "Eén" });
    client.send({ type: "send", clientMessageId: "known-message-2", body: "Twee" });
    await coach.next("message", (frame) => frame.message.seq === 2);
    const receiptOf = (read: number) => client.next("receipt", (frame) => frame.receipt.read === read);

    coach.send({ type: "delivered", sequence: 2 });
    coach.send({ type: "read", sequence: 2 });
    expect((await receiptOf(2)).receipt).toEqual({ accountId: people.anouk.id, delivered: 2, read: 2 });
    expect(await readSeqOf(people.anouk, conversation)).toBe(2);
    // An older read, and one past the newest message, move nothing back or forward: no receipt.
    client.clear();
    coach.send({ type: "read", sequence: 1 });
    coach.send({ type: "read", sequence: 99 });
    coach.send({ type: "sync", after: 2 });
    await coach.next("history");
    expect(await readSeqOf(people.anouk, conversation)).toBe(2);
    expect(client.frames.filter((frame) => frame.type === "receipt")).toEqual([]);

    // A message from the page is the newest for the room too: reading it is stored.
    await publishThroughPage(people.sanne, "client", conversation, "Via de pagina");
    expect((await coach.next("message", (frame) => frame.message.seq === 3)).message.body).toBe(
      "Via de pagina",
    );
    // A page in view sends read alone: what was read has been delivered too.
    coach.send({ type: "read", sequence: 3 });
    expect((await receiptOf(3)).receipt).toEqual({ accountId: people.anouk.id, delivered: 3, read: 3 });
    expect(await readSeqOf(people.anouk, conversation)).toBe(3);
    // Received, not yet read: the room keeps that itself.
    client.send({ type: "send", clientMessageId: "known-message-4", body: "Vier" });
    await coach.next("message", (frame) => frame.message.seq === 4);
    coach.send({ type: "delivered", sequence: 4 });
    await client.next("receipt", (frame) => frame.receipt.delivered === 4);
    client.close();

    // After hibernation the room reads the cell again and its own storage for what was received.
    await evictDurableObject(room(conversation), { webSockets: "hibernate" });
    const back = await connect(people.sanne, 4, conversation);
    const { receipts } = await back.next("welcome");
    const byPerson = Object.fromEntries(receipts.map((receipt) => [receipt.accountId, receipt]));
    expect(byPerson).toEqual({
      [people.anouk.id]: { accountId: people.anouk.id, delivered: 4, read: 3 },
      [people.sanne.id]: { accountId: people.sanne.id, delivered: 4, read: 4 },
    });
    back.close();
    coach.close();
  });

  it("learns of a care-team member who joined through the page, and notifies them while they are away", async () => {
    const conversation = await conversationWith(tenant, people.fatima.id, [
      people.fatima.id,
      people.anouk.id,
    ]);
    const client = await connect(people.fatima, 0, conversation);
    await client.next("welcome");
    const coach = await connect(people.anouk, 0, conversation);
    await coach.next("welcome");
    client.send({ type: "send", clientMessageId: "team-message-1", body: "Iedereen is er" });
    await coach.next("message", (frame) => frame.message.seq === 1);
    const notified = () =>
      countRows(tenant, "notifications", "kind = 'message' AND recipient_id = ?", people.jeroen.id);
    expect(await notified()).toBe(0);

    // Jeroen is in Fatima's care team and writes from the page: from then on he takes part.
    await publishThroughPage(people.jeroen, "staff", conversation, "Ik kijk ook mee");
    expect((await client.next("message", (frame) => frame.message.seq === 2)).message.senderName).toBe(
      "Jeroen Bakker",
    );
    client.send({ type: "send", clientMessageId: "team-message-3", body: "Fijn, dank je" });
    await coach.next("message", (frame) => frame.message.seq === 3);
    // The notification follows the announcement (core/messaging/conversation.ts).
    await expect.poll(notified).toBe(1);
    client.close();
    coach.close();
  });
});

describe("the room as the one writer of its conversation", () => {
  const bodiesIn = async (conversation: string) => {
    const { results } = await env[tenant.cell as "TENANT_DB_1"]
      .prepare("SELECT body, seq FROM messages WHERE tenant_id = ? AND conversation_id = ? ORDER BY seq")
      .bind(tenant.id, conversation)
      .all<{ body: string; seq: number }>();
    return results;
  };
  const until = async (done: () => Promise<boolean>) => {
    const deadline = Date.now() + 5_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error("not done in time");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it("writes what it sent on but had not written when it stopped, after its next start", async () => {
    const conversation = await conversationWith(tenant, people.sanne.id, [people.sanne.id, people.anouk.id]);
    const client = await connect(people.sanne, 0, conversation);
    await client.next("welcome");
    // A message the room numbered and sent on, kept in its log, and then the room stopped.
    const sentAt = new Date().toISOString();
    const draft = {
      id: "message_unwritten_1",
      conversationId: conversation,
      senderUserId: people.sanne.id,
      clientMessageId: "unwritten-1",
      body: "Nog niet in de cel.",
      notified: false,
      sentAt,
      fileIds: [],
      audit: sendAudit(
        {
          actorId: people.sanne.id,
          messageId: "message_unwritten_1",
          conversation: { id: conversation, clientUserId: people.sanne.id },
          notified: false,
        },
        { ipAddress: null, userAgent: "live conversation" },
      ),
    };
    await runInDurableObject(room(conversation), (instance: ChatRoom) => {
      instance.messageLog.add({
        seq: 1,
        draft,
        message: { ...draft, seq: 1, senderName: "Sanne Visser", editedAt: null, attachments: [] },
      });
    });
    expect(await bodiesIn(conversation)).toEqual([]);
    await evictDurableObject(room(conversation), { webSockets: "hibernate" });

    client.send({ type: "sync", after: 0 });
    expect((await client.next("history")).messages.map((message) => message.body)).toEqual([
      "Nog niet in de cel.",
    ]);
    await until(async () => (await bodiesIn(conversation)).length === 1);
    expect(await bodiesIn(conversation)).toEqual([{ body: "Nog niet in de cel.", seq: 1 }]);
    // The next message takes the next number, and the log keeps no text of what the cell holds.
    client.send({ type: "send", clientMessageId: "unwritten-2", body: "Daarna." });
    expect((await client.next("message")).message.seq).toBe(2);
    await until(async () => (await bodiesIn(conversation)).length === 2);
    const unwritten = await runInDurableObject(room(conversation), (instance: ChatRoom) =>
      instance.messageLog.unwritten(),
    );
    expect(unwritten).toEqual([]);
    client.close();
  });

  it("numbers messages from a page and the live view at once, each once and without gaps", async () => {
    const conversation = await conversationWith(tenant, people.sanne.id, [people.sanne.id, people.anouk.id]);
    const client = await connect(people.sanne, 0, conversation);
    const coach = await connect(people.anouk, 0, conversation);
    await client.next("welcome");
    await coach.next("welcome");
    const pages: Promise<void>[] = [];
    for (let index = 1; index <= 5; index++) {
      client.send({ type: "send", clientMessageId: `both-live-${index}`, body: `Live ${index}` });
      pages.push(publishThroughPage(people.anouk, "staff", conversation, `Pagina ${index}`));
    }
    await Promise.all(pages);
    await coach.next("message", (frame) => frame.message.body === "Live 5");
    await until(async () => (await bodiesIn(conversation)).length === 10);

    const stored = await bodiesIn(conversation);
    expect(stored.map((message) => message.seq)).toEqual([...Array(10).keys()].map((index) => index + 1));
    expect(stored.map((message) => message.body).sort()).toEqual(
      [1, 2, 3, 4, 5].flatMap((index) => [`Live ${index}`, `Pagina ${index}`]).sort(),
    );
    // The cell's newest number is the room's: the next page message follows on.
    await publishThroughPage(people.anouk, "staff", conversation, "Pagina 6");
    expect((await bodiesIn(conversation)).at(-1)).toEqual({ body: "Pagina 6", seq: 11 });
    client.close();
    coach.close();
  });

  it("takes a message from a page in one call that numbers, writes and sends it on", async () => {
    const conversation = await conversationWith(tenant, people.sanne.id, [people.sanne.id, people.anouk.id]);
    const client = await connect(people.sanne, 0, conversation);
    await client.next("welcome");
    // Every call that reaches the room goes through one of the methods its class declares.
    const methods = ChatRoom.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const spies = Object.getOwnPropertyNames(methods)
      .filter((name) => name !== "constructor")
      .map((name) => ({ name, spy: vi.spyOn(methods, name) }));
    let calls: string[];
    try {
      await publishThroughPage(people.anouk, "staff", conversation, "In één keer");
      calls = spies.flatMap(({ name, spy }) => spy.mock.calls.map(() => name));
    } finally {
      vi.restoreAllMocks();
    }
    expect(calls).toEqual(["publish"]);
    expect(await bodiesIn(conversation)).toEqual([{ body: "In één keer", seq: 1 }]);
    expect((await client.next("message")).message).toMatchObject({ seq: 1, body: "In één keer" });
    client.close();
  });

  it("knows a resent message after the room hibernated, and after it wrote it", async () => {
    const conversation = await conversationWith(tenant, people.sanne.id, [people.sanne.id, people.anouk.id]);
    const client = await connect(people.sanne, 0, conversation);
    await client.next("welcome");
    const frame: ClientFrame = { type: "send", clientMessageId: "resent-after-wake", body: "Eén keer." };
    client.send(frame);
    const first = (await client.next("message")).message;
    await until(async () => (await bodiesIn(conversation)).length === 1);
    await evictDurableObject(room(conversation), { webSockets: "hibernate" });

    client.send(frame);
    const again = (await client.next("message")).message;
    expect(again).toMatchObject({ id: first.id, seq: 1, body: "Eén keer." });
    client.send({ type: "send", clientMessageId: "after-resend", body: "Twee." });
    expect((await client.next("message")).message.seq).toBe(2);
    await until(async () => (await bodiesIn(conversation)).length === 2);
    expect(await bodiesIn(conversation)).toEqual([
      { body: "Eén keer.", seq: 1 },
      { body: "Twee.", seq: 2 },
    ]);
    client.close();
  });
});

describe("the way into a live conversation", () => {
  it("lets nobody in without a session (401)", async () => {
    expect((await upgrade(`/chat/${conversationId}`, {})).status).toBe(401);
  });

  it("finds nothing for another client of the same tenant (404)", async () => {
    expect((await upgrade(`/chat/${conversationId}`, { cookie: people.daan.cookie })).status).toBe(404);
  });

  it("takes who someone is from their session only, never from a header of their own", async () => {
    const forged = btoa(
      JSON.stringify({ person: { accountId: people.sanne.id, displayName: "Sanne Visser" } }),
    );
    const response = await upgrade(`/chat/${conversationId}`, {
      cookie: people.daan.cookie,
      "x-portaal-chat-member": forged,
    });
    expect(response.status).toBe(404);
  });

  it("refuses an admin who may know the conversation exists but not read it (403)", async () => {
    expect((await upgrade(`/chat/${conversationId}`, { cookie: people.marieke.cookie })).status).toBe(403);
  });

  it("finds nothing for a person of another tenant, on their own host or with their cookie here (404/401)", async () => {
    const ggz = "ggz.localhost";
    const lotte = await signIn(ggz, "lotte.deboer@example.nl");
    expect((await upgrade(`/chat/${conversationId}`, { cookie: lotte }, ggz)).status).toBe(404);
    expect((await upgrade(`/chat/${conversationId}`, { cookie: lotte })).status).toBe(401);
  });

  it("refuses an upgrade from a page of another site, and a plain request", async () => {
    const crossSite = await visit(host, `/chat/${conversationId}`, {
      headers: { upgrade: "websocket", origin: "https://evil.example", cookie: people.sanne.cookie },
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = await visit(host, `/chat/${conversationId}`, {
      headers: { upgrade: "websocket", cookie: people.sanne.cookie },
    });
    expect(noOrigin.status).toBe(403);
    expect(
      (await visit(host, `/chat/${conversationId}`, { headers: { cookie: people.sanne.cookie } })).status,
    ).toBe(426);
  });

  it("lets an app in with its bearer session token and no Origin", async () => {
    const token = people.sanne.cookie.split("=")[1]!;
    const response = await visit(host, `/chat/${conversationId}`, {
      headers: { upgrade: "websocket", authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(101);
    const socket = new Socket(response.webSocket!);
    expect((await socket.next("welcome")).you.displayName).toBe("Sanne Visser");
    socket.close();
  });
});
