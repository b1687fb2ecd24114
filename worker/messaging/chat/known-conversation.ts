import type { Conversation, Message, Participant } from "../../../core/messaging/ports.ts";

/** The conversation and who takes part in it, with how far each has read. */
export type Snapshot = { conversation: Conversation; participants: Participant[] };

/**
 * How long a room trusts what it read of its conversation. Within this time the room follows its
 * own writes and every announcement; what only a page or the API changes without an announcement
 * (someone read the thread there, a care-team member joined by reading) reaches the room's
 * receipts and notifications within this time.
 */
export const freshMillis = 10_000;

/**
 * What a chat room knows of its conversation between reads of the cell, so a message, a receipt
 * or a read costs no read of the conversation and its participants (they were two D1 round trips
 * per frame). This stays right because of how the data changes: a conversation is never removed,
 * nobody stops taking part, and `lastSeq` and every `readSeq` only grow. So the room's access
 * decision from this copy can only be more cautious than the cell's (someone who joined since is
 * not yet in it; the messaging core then asks the care team, as it did before), and the numbers
 * are merged by taking the larger, whichever arrives first: a read that started before a write
 * the room saw cannot move them back.
 */
export class KnownConversation {
  #snapshot: Snapshot | null = null;
  #readAt = Number.NEGATIVE_INFINITY;
  #reading: Promise<Snapshot | null> | null = null;

  constructor(
    readonly conversationId: string,
    private readonly load: () => Promise<Snapshot | null>,
  ) {}

  /** The conversation as known, read again when that is older than `freshMillis` or was cut short. */
  current(): Promise<Snapshot | null> {
    if (this.#snapshot && Date.now() - this.#readAt < freshMillis) return Promise.resolve(this.#snapshot);
    return this.refresh();
  }

  /** Reads the cell now (a person connects: they see who takes part as it is); one read at a time. */
  refresh(): Promise<Snapshot | null> {
    this.#reading ??= (async () => {
      const startedAt = Date.now();
      try {
        const read = await this.load();
        this.#snapshot = read && merged(this.#snapshot, read);
        this.#readAt = startedAt;
        return this.#snapshot;
      } finally {
        this.#reading = null;
      }
    })();
    return this.#reading;
  }

  /**
   * A message was stored, here or through a page or the API: it is the newest, and its sender has
   * read it (the store marks that in the same batch). A sender the room does not know yet joined
   * just now: the next use reads the participants again.
   */
  stored(message: Message) {
    const snapshot = this.#snapshot;
    if (!snapshot || message.conversationId !== this.conversationId) return;
    snapshot.conversation.lastSeq = Math.max(snapshot.conversation.lastSeq, message.seq);
    snapshot.conversation.lastMessageAt = message.sentAt;
    this.#hasRead(message.senderUserId, message.seq);
  }

  /** Whether the cell already holds this read position (it never moves back), so writing it changes nothing. */
  holdsRead(userId: string, seq: number): boolean {
    const participant = this.#snapshot?.participants.find((one) => one.userId === userId);
    return participant !== undefined && participant.readSeq >= seq;
  }

  /** The person's read position was written to the cell. */
  read(userId: string, seq: number) {
    this.#hasRead(userId, seq);
  }

  #hasRead(userId: string, seq: number) {
    const participant = this.#snapshot?.participants.find((one) => one.userId === userId);
    if (participant) participant.readSeq = Math.max(participant.readSeq, seq);
    else this.#readAt = Number.NEGATIVE_INFINITY;
  }
}

function merged(known: Snapshot | null, read: Snapshot): Snapshot {
  if (!known) return read;
  const readSeqOf = new Map(known.participants.map((one) => [one.userId, one.readSeq]));
  return {
    conversation:
      known.conversation.lastSeq > read.conversation.lastSeq
        ? {
            ...read.conversation,
            lastSeq: known.conversation.lastSeq,
            lastMessageAt: known.conversation.lastMessageAt,
          }
        : read.conversation,
    participants: read.participants.map((one) => ({
      ...one,
      readSeq: Math.max(one.readSeq, readSeqOf.get(one.userId) ?? 0),
    })),
  };
}
