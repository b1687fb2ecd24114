import type { ChatPerson, RefusalReason } from "../../core/chat/protocol.ts";
import { history, markRead, publish, type MessagingDeps } from "../../core/messaging/conversation.ts";
import type { LiveRoom, Message, Participant } from "../../core/messaging/ports.ts";
import { loadTenant, type Tenant } from "../../core/tenants/tenant.ts";
import { platformData } from "../../db/platform.ts";
import { configOf, type Env } from "../env.ts";
import { buildServices } from "../services.ts";
import type { RoomAddress } from "./room-address.ts";

/** What a chat room does with its conversation: the messaging core's own steps, nothing of its own. */
export type RoomBackend = {
  participants(): Promise<Participant[]>;
  history(person: ChatPerson, after: number): Promise<Message[]>;
  publish(
    person: ChatPerson,
    clientMessageId: string,
    body: string,
    notify: boolean,
  ): Promise<{ ok: true; message: Message; created: boolean } | { ok: false; reason: RefusalReason }>;
  markRead(person: ChatPerson, sequence: number): Promise<void>;
};

/** The room's lines in the audit log say where they came from: the live conversation. */
const origin = { ipAddress: null, userAgent: "live conversation" };

// A room works for one tenant; its settings are read again after a short while, as the site does.
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
 * The messaging core for one room: the same deps as a page of the tenant gets (worker/services.ts),
 * except that the live announcement of a message sent here is the room's own broadcast.
 */
export async function roomBackend(
  env: Env,
  address: RoomAddress,
  room: { announce(message: Message): Promise<void> },
): Promise<RoomBackend> {
  const tenant = await tenantOf(env, address.tenantId);
  const live: LiveRoom = { announce: (_conversationId, message) => room.announce(message) };
  const deps: MessagingDeps = { ...buildServices(env, configOf(env)).messagingFor(tenant), live };
  const { conversationId } = address;
  return {
    participants: () => deps.store.participants(conversationId),
    history: async (person, after) =>
      (await history(deps, actorOf(person), conversationId, after, origin)) ?? [],
    async publish(person, clientMessageId, body, notify) {
      const outcome = await publish(
        deps,
        actorOf(person),
        { conversationId, clientMessageId, body, notify },
        origin,
      );
      if (outcome.ok) return outcome;
      return { ok: false, reason: outcome.reason === "invalid" ? outcome.error : "failed" };
    },
    async markRead(person, sequence) {
      await markRead(deps, actorOf(person), conversationId, sequence);
    },
  };
}

const actorOf = (person: ChatPerson) => ({ id: person.accountId, role: person.role });
