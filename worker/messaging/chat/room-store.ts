import type {
  Conversation,
  Message,
  MessagingStore,
  NewMessage,
  Participant,
} from "../../../core/messaging/ports.ts";
import type { D1MessagingStore } from "../../../db/messaging/store.ts";
import type { KnownConversation } from "./known-conversation.ts";
import type { RoomWriter } from "./room-writer.ts";

type Steps = MessagingStore;

/**
 * The messaging store a chat room's core works with: the tenant's cell, except that the room's own
 * conversation and its participants come from what the room knows
 * (worker/messaging/chat/known-conversation.ts): the messaging core asks for them on every step,
 * and the room answers without a round trip. Its messages are numbered and written by the room
 * (worker/messaging/chat/room-writer.ts), and what the room sent on but has not written yet is
 * part of its history.
 */
export class RoomStore implements MessagingStore {
  readonly #cell: D1MessagingStore;
  readonly #known: KnownConversation;
  readonly #writer: RoomWriter;
  readonly #onWriteFailed: (error: unknown) => void;

  constructor(
    cell: D1MessagingStore,
    known: KnownConversation,
    writer: RoomWriter,
    onWriteFailed: (error: unknown) => void,
  ) {
    this.#cell = cell;
    this.#known = known;
    this.#writer = writer;
    this.#onWriteFailed = onWriteFailed;
  }

  #own(conversationId: string): boolean {
    return conversationId === this.#known.conversationId;
  }

  publish(draft: NewMessage): Promise<{ message: Message; created: boolean }> {
    if (!this.#own(draft.conversationId)) return this.#cell.publish(draft);
    return this.#writer.publishLive(draft, this.#onWriteFailed);
  }

  async messagesAfter(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    if (!this.#own(conversationId)) return this.#cell.messagesAfter(conversationId, afterSeq, limit);
    // Taken before the read: a message written meanwhile is then in one of the two, or in both.
    const unwritten = this.#writer.unwritten().filter((message) => message.seq > afterSeq);
    const stored = await this.#cell.messagesAfter(conversationId, afterSeq, limit);
    const bySeq = new Map([...stored, ...unwritten].map((message) => [message.seq, message]));
    return [...bySeq.values()].sort((one, other) => one.seq - other.seq).slice(0, limit);
  }

  async find(conversationId: string): Promise<Conversation | null> {
    if (!this.#own(conversationId)) return this.#cell.find(conversationId);
    return (await this.#known.current())?.conversation ?? null;
  }

  async participants(conversationId: string): Promise<Participant[]> {
    if (!this.#own(conversationId)) return this.#cell.participants(conversationId);
    return (await this.#known.current())?.participants ?? [];
  }

  async markRead(conversationId: string, userId: string, seq: number, at: string): Promise<void> {
    const own = this.#own(conversationId);
    // Receipts come once a second from every open tab; most of them change nothing.
    if (own && this.#known.holdsRead(userId, seq)) return;
    await this.#cell.markRead(conversationId, userId, seq, at);
    if (own) this.#known.read(userId, seq);
  }

  // Everything else is the cell's.
  create(...args: Parameters<Steps["create"]>) {
    return this.#cell.create(...args);
  }
  startedWith(...args: Parameters<Steps["startedWith"]>) {
    return this.#cell.startedWith(...args);
  }
  sentFile(...args: Parameters<Steps["sentFile"]>) {
    return this.#cell.sentFile(...args);
  }
  sent(...args: Parameters<Steps["sent"]>) {
    return this.#cell.sent(...args);
  }
  latest(...args: Parameters<Steps["latest"]>) {
    return this.#cell.latest(...args);
  }
  message(...args: Parameters<Steps["message"]>) {
    return this.#cell.message(...args);
  }
  edits(...args: Parameters<Steps["edits"]>) {
    return this.#cell.edits(...args);
  }
  edit(...args: Parameters<Steps["edit"]>) {
    return this.#cell.edit(...args);
  }
  draft(...args: Parameters<Steps["draft"]>) {
    return this.#cell.draft(...args);
  }
  saveDraft(...args: Parameters<Steps["saveDraft"]>) {
    return this.#cell.saveDraft(...args);
  }
  conversationsFor(...args: Parameters<Steps["conversationsFor"]>) {
    return this.#cell.conversationsFor(...args);
  }
  allConversations(...args: Parameters<Steps["allConversations"]>) {
    return this.#cell.allConversations(...args);
  }
  repliesTo(...args: Parameters<Steps["repliesTo"]>) {
    return this.#cell.repliesTo(...args);
  }
  clientsOf(...args: Parameters<Steps["clientsOf"]>) {
    return this.#cell.clientsOf(...args);
  }
  staff() {
    return this.#cell.staff();
  }
}
