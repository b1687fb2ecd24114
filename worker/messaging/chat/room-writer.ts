import type { Message, NewMessage, Published } from "../../../core/messaging/ports.ts";
import type { D1MessagingStore } from "../../../db/messaging/store.ts";
import type { KnownConversation } from "./known-conversation.ts";
import type { MessageLog, Unwritten } from "./message-log.ts";

type Stored = Published | null;

/**
 * The chat room as the one writer of its conversation (ADR 0016). A message typed in the live
 * view is numbered, kept in the room's log and sent on at once; the cell gets it a moment later,
 * in the order of the numbers, so everyone sees it without waiting for the write. A message from
 * a page or the API (it may carry files, and the page shows the cell right after) is written at
 * once, after everything numbered before it; while that happens nothing else is numbered.
 */
export class RoomWriter {
  readonly #log: MessageLog;
  readonly #known: KnownConversation;
  readonly #cell: () => Promise<D1MessagingStore>;
  #queue: Unwritten[];
  #writing: Promise<void> | null = null;
  #exclusive: Promise<unknown> | null = null;
  #imported: Promise<void> | null = null;

  constructor(log: MessageLog, known: KnownConversation, cell: () => Promise<D1MessagingStore>) {
    this.#log = log;
    this.#known = known;
    this.#cell = cell;
    this.#queue = log.unwritten();
  }

  /** Sent on but not yet in the cell, oldest first. */
  unwritten(): Message[] {
    return this.#queue.map((entry) => entry.message);
  }

  /**
   * A message from the live view: numbered and kept now, written soon after (`write` says when
   * that failed). A resend comes back as it was stored. A sender the room does not know yet, or a
   * message with files, is written at once instead, so its name and files come from the cell.
   */
  async publishLive(draft: NewMessage, onWriteFailed: (error: unknown) => void): Promise<Stored> {
    await this.#importOnce();
    const known = await this.#known.current();
    const sender = known?.participants.find((one) => one.userId === draft.senderUserId);
    if (!known || !sender || draft.fileIds.length > 0) return this.publishNow(draft);
    while (this.#exclusive) await this.#exclusive.catch(() => undefined);

    // From here to `add` nothing waits, so two messages never take the same number and a resend
    // never takes a second one.
    const earlier = this.#log.numberOf(draft.senderUserId, draft.clientMessageId);
    if (earlier !== null) return { message: await this.#stored(draft, earlier), created: false };
    const seq = Math.max(this.#log.newest(), known.conversation.lastSeq) + 1;
    const message: Message = {
      id: draft.id,
      conversationId: draft.conversationId,
      seq,
      senderUserId: draft.senderUserId,
      senderName: sender.displayName,
      clientMessageId: draft.clientMessageId,
      body: draft.body,
      sentAt: draft.sentAt,
      editedAt: null,
      attachments: [],
    };
    const entry = { seq, draft, message };
    this.#log.add(entry);
    this.#queue.push(entry);
    this.write().catch(onWriteFailed);
    return { message, created: true };
  }

  /** A message written to the cell before this returns, numbered after everything before it. */
  async publishNow(draft: NewMessage): Promise<Stored> {
    while (this.#exclusive) await this.#exclusive.catch(() => undefined);
    const turn = (async () => {
      await this.write();
      const known = await this.#known.current();
      const seq = Math.max(this.#log.newest(), known?.conversation.lastSeq ?? 0) + 1;
      const stored = await (await this.#cell()).write(draft, seq);
      if (stored?.created) this.#log.remember([{ ...draft, seq }]);
      return stored;
    })();
    this.#exclusive = turn;
    try {
      return await turn;
    } finally {
      if (this.#exclusive === turn) this.#exclusive = null;
    }
  }

  /** Writes what is not in the cell yet, in order; one write at a time. */
  write(): Promise<void> {
    // With nothing to write the loop below would end before `#writing` is set, and keep it set.
    if (this.#queue.length === 0) return this.#writing ?? Promise.resolve();
    this.#writing ??= (async () => {
      try {
        while (this.#queue.length > 0) {
          const entry = this.#queue[0]!;
          // A message the cell holds already (the room stopped between the write and the log)
          // comes back as stored, and writing it again changes nothing.
          await (await this.#cell()).write(entry.draft, entry.seq);
          this.#log.written(entry.seq);
          this.#queue.shift();
        }
      } finally {
        this.#writing = null;
      }
    })();
    return this.#writing;
  }

  get hasUnwritten(): boolean {
    return this.#queue.length > 0;
  }

  /** A resent message, from the log while it waits to be written, or from the cell. */
  async #stored(draft: NewMessage, seq: number): Promise<Message> {
    const waiting = this.#queue.find((entry) => entry.seq === seq);
    if (waiting) return waiting.message;
    const stored = await (
      await this.#cell()
    ).sent(draft.conversationId, draft.senderUserId, draft.clientMessageId);
    if (!stored) throw new Error(`The message numbered ${seq} is in the room's log but not in the cell`);
    return stored;
  }

  /** Once per room: the numbers of what the cell held before the room kept its log. */
  #importOnce(): Promise<void> {
    this.#imported ??= (async () => {
      if (this.#log.imported) return;
      const keys = await (await this.#cell()).sentKeys(this.#known.conversationId);
      this.#log.remember(keys);
      this.#log.markImported();
    })().catch((error: unknown) => {
      this.#imported = null;
      throw error;
    });
    return this.#imported;
  }
}
