import { evictDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClientFrame, ServerFrame } from "../../core/chat/protocol.ts";
import { publish } from "../../core/messaging/conversation.ts";
import { platformData } from "../../db/platform.ts";
import { configOf } from "../env.ts";
import { buildServices } from "../services.ts";
import { seedDemoTenants, signIn, visit } from "../testing/fixtures.ts";
import { conversationWith } from "../testing/messaging.ts";
import { roomName } from "./room-address.ts";

const host = "coaching.localhost";
const sanne = "sanne.visser@example.nl";
const anouk = "anouk.devries@koerscoaching.nl";

type Person = { cookie: string; id: string };
let tenant: { id: string; cell: string };
let people: Record<"sanne" | "anouk" | "daan" | "marieke", Person>;
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

async function connect(person: Person, after = 0): Promise<Socket> {
  const response = await upgrade(`/chat/${conversationId}?after=${after}`, { cookie: person.cookie });
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

const room = () =>
  env.CHAT_ROOM.get(env.CHAT_ROOM.idFromName(roomName({ tenantId: tenant.id, conversationId })));

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

    // The room kept no messages of its own: only where its conversation lives and the receipts.
    client.send({ type: "sync", after: 0 });
    const history = await client.next("history");
    expect(history.awakeSince > awakeSince).toBe(true);
    expect(history.messages.map((message) => message.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await storedMessages()).map((message) => message.seq)).toEqual([1, 2, 3, 4, 5]);

    // The socket that slept through it still gets what a page publishes afterwards.
    const services = buildServices(env, configOf(env));
    const coaching = (await services.control.tenantById(tenant.id))!;
    const { loadTenant } = await import("../../core/tenants/tenant.ts");
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
