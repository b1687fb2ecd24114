import type { ChatPerson, RefusalReason } from "../../../core/messaging/chat-protocol.ts";
import { history, markRead, publish, type MessagingDeps } from "../../../core/messaging/conversation.ts";
import type { LiveRoom, Message, NewMessage, Participant, Published } from "../../../core/messaging/ports.ts";
import { loadTenant, type Tenant } from "../../../core/kernel/tenants/tenant.ts";
import { D1MessagingStore } from "../../../db/messaging/store.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import type { Env } from "../../env.ts";
import { KnownConversation } from "./known-conversation.ts";
import type { MessageLog } from "./message-log.ts";
import { messagingOn } from "./messaging-deps.ts";
import type { RoomAddress } from "./room-address.ts";
import { roomStore } from "./room-store.ts";
import { RoomWriter } from "./room-writer.ts";

/** What a chat room does with its conversation: the messaging core's own steps, nothing of its own. */
export type RoomBackend = {
  /** Everyone who takes part, with how far each has read: as the room knows it, or `fresh` from the cell. */
  participants(fresh?: boolean): Promise<Participant[]>;
  /** The number of the newest message, as the room knows it. */
  newest(): Promise<number>;
  history(person: ChatPerson, after: number): Promise<Message[]>;
  publish(
    person: ChatPerson,
    clientMessageId: string,
    body: string,
    notify: boolean,
  ): Promise<{ ok: true; message: Message; created: boolean } | { ok: false; reason: RefusalReason }>;
  markRead(person: ChatPerson, sequence: number): Promise<void>;
  /** A message of this conversation was stored and announced (here, or by a page or the API). */
  stored(message: Message): void;
  /** A message from a page or the API, numbered by the room and in the cell when this returns. */
  writeNow(draft: NewMessage): Promise<Published | null>;
  /** Writes to the cell what the room sent on before; rejects when the cell could not take it. */
  writeUnwritten(): Promise<void>;
  readonly hasUnwritten: boolean;
};

/** The room's lines in the audit log say where they came from: the live conversation. */
const origin = { ipAddress: null, userAgent: "live conversation" };

// A room works for one tenant; its settings are read again after a short while, as the site does,
// so a suspended tenant's rooms stop within that while.
const tenantMillis = 30_000;
const tenants = new Map<string, { tenant: Tenant; until: number }>();

async function tenantOf(env: Env, tenantId: string): Promise<Tenant> {
  const cached = tenants.get(tenantId);
  if (cached && cached.until > Date.now()) return cached.tenant;
  const data = platformData(env);
  const record = await data.control.tenantById(tenantId);
  const tenant = record && record.status === "active" ? await loadTenant(record, data) : null;
  if (!tenant) throw new Error("The tenant of this chat room is gone or suspended");
  tenants.set(tenantId, { tenant, until: Date.now() + tenantMillis });
  return tenant;
}

/**
 * The messaging core for one room: the same deps as a page of the tenant gets
 * (worker/messaging/chat/messaging-deps.ts), except that the live announcement of a message sent
 * here is the room's own broadcast and the conversation is read through what the room knows.
 * Built once per wake-up of the room; the deps are built again when the tenant's settings are.
 */
export function roomBackend(
  env: Env,
  address: RoomAddress,
  room: {
    /** Sends a stored message on to everyone connected. */
    announce(message: Message): void;
    messageLog: MessageLog;
    /** Writing what was sent on failed; it stays in the log for the next try. */
    writeFailed(error: unknown): void;
  },
): RoomBackend {
  const { conversationId } = address;
  const live: LiveRoom = { announce: async (_conversationId, message) => room.announce(message) };
  let built: Built | null = null;
  const current = async (): Promise<Built> => {
    const tenant = await tenantOf(env, address.tenantId);
    if (built?.tenant !== tenant) {
      const scope = platformData(env).scopeIn(tenant.cell, tenant.id);
      const cell = new D1MessagingStore(scope);
      const store = roomStore(cell, known, writer, (error) => room.writeFailed(error));
      built = { tenant, deps: messagingOn(env, scope, tenant, { store, live }), cell };
    }
    return built;
  };
  const depsNow = async () => (await current()).deps;
  const known: KnownConversation = new KnownConversation(conversationId, async () => {
    const { cell } = await current();
    const [conversation, participants] = await Promise.all([
      cell.find(conversationId),
      cell.participants(conversationId),
    ]);
    return conversation && { conversation, participants };
  });
  const writer: RoomWriter = new RoomWriter(
    room.messageLog,
    known,
    async (): Promise<D1MessagingStore> => (await current()).cell,
  );

  return {
    participants: async (fresh = false) =>
      (await (fresh ? known.refresh() : known.current()))?.participants ?? [],
    newest: async () => (await known.current())?.conversation.lastSeq ?? 0,
    history: async (person, after) =>
      (await history(await depsNow(), actorOf(person), conversationId, after, origin)) ?? [],
    async publish(person, clientMessageId, body, notify) {
      const outcome = await publish(
        await depsNow(),
        actorOf(person),
        { conversationId, clientMessageId, body, notify },
        origin,
      );
      if (outcome.ok) return outcome;
      return { ok: false, reason: outcome.reason === "invalid" ? outcome.error : "failed" };
    },
    async markRead(person, sequence) {
      await markRead(await depsNow(), actorOf(person), conversationId, sequence);
    },
    stored: (message) => known.stored(message),
    writeNow: (draft) => writer.publishNow(draft),
    writeUnwritten: () => writer.write(),
    get hasUnwritten() {
      return writer.hasUnwritten;
    },
  };
}

/** The room's messaging core for the tenant's current settings, and the cell it writes to. */
type Built = { tenant: Tenant; deps: MessagingDeps; cell: D1MessagingStore };

const actorOf = (person: ChatPerson) => ({ id: person.accountId, role: person.role });
