import { z } from "zod";
import type { Role } from "../kernel/auth/permissions.ts";
import type { Message } from "./ports.ts";

/**
 * The frames of a live conversation (ADR 0016), one union each way, shared by the room
 * (worker/messaging/chat/chat-room.ts) and the browser (web/components/chat/). The room sends with
 * `satisfies ServerFrame` and the browser switches over `type` exhaustively; what a browser sends
 * is checked with `clientFrame` before the room acts on it. Messages are the messaging core's own
 * (core/messaging/ports.ts): the page and the live room show the same thing. The browser imports only the types,
 * so zod stays out of its bundle.
 */

/** A participant as the others see them. */
export type ChatPerson = { accountId: string; displayName: string; role: Role };

/** How far a participant has received and read the conversation (sequence numbers). */
export type ChatReceipt = { accountId: string; delivered: number; read: number };

export type ServerFrame =
  | {
      type: "welcome";
      you: ChatPerson;
      /** Everyone who takes part, online or not: whose message stands where, whose receipts count. */
      participants: ChatPerson[];
      online: ChatPerson[];
      /** Everything after the sequence the browser said it has. */
      messages: Message[];
      receipts: ChatReceipt[];
      /** When this room's object last started: a later time after a quiet spell means it hibernated. */
      awakeSince: string;
    }
  | { type: "message"; message: Message }
  | { type: "history"; messages: Message[]; awakeSince: string }
  | { type: "presence"; online: ChatPerson[] }
  | { type: "typing"; person: ChatPerson; active: boolean }
  | { type: "receipt"; receipt: ChatReceipt }
  | { type: "refused"; reason: RefusalReason; clientMessageId: string | null };

export type RefusalReason = "invalid" | "empty" | "tooLong" | "rateLimited" | "failed";

/** The longest message the room accepts in one frame; the messaging core has the final word. */
export const maxFrameCharacters = 20_000;

/** A browser-chosen id: random, URL-safe, long enough not to collide (as the messaging core wants it). */
const clientMessageId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const sequence = z.number().int().nonnegative();

export const clientFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("send"), clientMessageId, body: z.string().max(maxFrameCharacters) }),
  z.object({ type: z.literal("typing"), active: z.boolean() }),
  z.object({ type: z.literal("delivered"), sequence }),
  z.object({ type: z.literal("read"), sequence }),
  /** "What did I miss after this sequence?": after a reconnect, or when a tab comes back. */
  z.object({ type: z.literal("sync"), after: sequence }),
]);

export type ClientFrame = z.infer<typeof clientFrame>;

export { keepalive } from "./chat-keepalive.ts";
