import type {
  Conversation,
  Message,
  MessagingStore,
  NewMessage,
  Participant,
  Published,
} from "../../../core/messaging/ports.ts";
import type { D1MessagingStore } from "../../../db/messaging/store.ts";
import { stepsOf } from "./cell-steps.ts";
import type { KnownConversation } from "./known-conversation.ts";
import type { RoomWriter } from "./room-writer.ts";

/**
 * The messaging store a chat room's core works with: the tenant's cell, except that the room's own
 * conversation and its participants come from what the room knows
 * (worker/messaging/chat/known-conversation.ts): the messaging core asks for them on every step,
 * and the room answers without a round trip. Its messages are numbered and written by the room
 * (worker/messaging/chat/room-writer.ts), and what the room sent on but has not written yet is
 * part of its history.
 */
export function roomStore(
  cell: D1MessagingStore,
  known: KnownConversation,
  writer: RoomWriter,
  onWriteFailed: (error: unknown) => void,
): MessagingStore {
  const own = (conversationId: string): boolean => conversationId === known.conversationId;

  return {
    // Everything the room does not take over below is the cell's.
    ...stepsOf(cell),

    publish(draft: NewMessage): Promise<Published | null> {
      if (!own(draft.conversationId)) return cell.publish(draft);
      return writer.publishLive(draft, onWriteFailed);
    },

    async messagesAfter(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
      if (!own(conversationId)) return cell.messagesAfter(conversationId, afterSeq, limit);
      // Taken before the read: a message written meanwhile is then in one of the two, or in both.
      const unwritten = writer.unwritten().filter((message) => message.seq > afterSeq);
      const stored = await cell.messagesAfter(conversationId, afterSeq, limit);
      const bySeq = new Map([...stored, ...unwritten].map((message) => [message.seq, message]));
      return [...bySeq.values()].sort((one, other) => one.seq - other.seq).slice(0, limit);
    },

    async find(conversationId: string): Promise<Conversation | null> {
      if (!own(conversationId)) return cell.find(conversationId);
      return (await known.current())?.conversation ?? null;
    },

    async participants(conversationId: string): Promise<Participant[]> {
      if (!own(conversationId)) return cell.participants(conversationId);
      return (await known.current())?.participants ?? [];
    },

    async markRead(conversationId: string, userId: string, seq: number, at: string): Promise<void> {
      const isOwn = own(conversationId);
      // Receipts come once a second from every open tab; most of them change nothing.
      if (isOwn && known.holdsRead(userId, seq)) return;
      await cell.markRead(conversationId, userId, seq, at);
      if (isOwn) known.read(userId, seq);
    },
  };
}
