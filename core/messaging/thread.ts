import type { RequestOrigin } from "../kernel/audit/audit.ts";
import {
  accessTo,
  checkBody,
  conversationFor,
  historyLimit,
  type Access,
  type BodyError,
  type MessagingDeps,
} from "./conversation.ts";
import type { Actor, Conversation, Draft, Message, MessageEdit, Participant } from "./ports.ts";

/** A conversation as its page shows it. */
export type Thread =
  | {
      access: "participant" | "care-team";
      conversation: Conversation;
      participants: Participant[];
      messages: Message[];
      edits: MessageEdit[];
      draft: Draft | null;
      /** Ids of the reader's own messages that may still be changed (the tenant's edit window). */
      editable: string[];
    }
  /** An admin who takes no part: who and when, never what. */
  | { access: "existence"; conversation: Omit<Conversation, "subject">; participants: Participant[] };

/** Opens a conversation for reading: the audit log records every opening. Null: not found. */
export async function openThread(
  deps: MessagingDeps,
  actor: Actor,
  conversationId: string,
  origin: RequestOrigin,
): Promise<Thread | null> {
  const conversation = await deps.store.find(conversationId);
  if (!conversation) return null;
  const participants = await deps.store.participants(conversationId);
  const access: Access | null = await accessTo(deps, actor, conversation, participants);
  if (!access) return null;
  await deps.audit.record({
    action: access === "existence" ? "messages.conversation.overview" : "messages.conversation.read",
    result: "success",
    actorUserId: actor.id,
    clientUserId: conversation.clientUserId,
    targetType: "conversation",
    targetId: conversation.id,
    ...origin,
  });
  if (access === "existence") {
    const { id, clientUserId, createdByUserId, createdAt, lastSeq, lastMessageAt } = conversation;
    return {
      access,
      conversation: { id, clientUserId, createdByUserId, createdAt, lastSeq, lastMessageAt },
      participants,
    };
  }
  const [messages, edits, draft] = await Promise.all([
    deps.store.latest(conversationId, historyLimit),
    deps.store.edits(conversationId),
    deps.store.draft(conversationId, actor.id),
  ]);
  const now = deps.now();
  const editable = messages
    .filter((message) => mayEdit(deps, actor, message, now))
    .map((message) => message.id);
  return { access, conversation, participants, messages, edits, draft, editable };
}

function mayEdit(deps: Pick<MessagingDeps, "settings">, actor: Actor, message: Message, now: Date): boolean {
  const windowMs = deps.settings.editMinutes * 60_000;
  return message.senderUserId === actor.id && now.getTime() - Date.parse(message.sentAt) < windowMs;
}

export type DraftInput = { conversationId: string; body: string; notify: boolean };

export type DraftResult =
  | { ok: true; draft: Draft }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "invalid"; error: BodyError };

/**
 * Keeps what the person is writing, so that leaving the page or being signed out loses nothing.
 * An empty draft is kept too (the person cleared the box); only a too long one is refused.
 */
export async function saveDraft(deps: MessagingDeps, actor: Actor, input: DraftInput): Promise<DraftResult> {
  const found = await conversationFor(deps, actor, input.conversationId);
  if (!found || found.access === "existence") return { ok: false, reason: "notFound" };
  if (checkBody(input.body) === "tooLong") return { ok: false, reason: "invalid", error: "tooLong" };
  const draft: Draft = {
    conversationId: input.conversationId,
    body: input.body,
    notify: input.notify,
    updatedAt: deps.now().toISOString(),
  };
  await deps.store.saveDraft(actor.id, draft);
  return { ok: true, draft };
}

export type EditResult =
  | { ok: true }
  | { ok: false; reason: "notFound" | "closed" }
  | { ok: false; reason: "invalid"; error: BodyError };

/** The sender changes their message within the tenant's window; the old body stays on record. */
export async function editMessage(
  deps: MessagingDeps,
  actor: Actor,
  input: { conversationId: string; messageId: string; body: string },
  origin: RequestOrigin,
): Promise<EditResult> {
  const found = await conversationFor(deps, actor, input.conversationId);
  if (!found || found.access === "existence") return { ok: false, reason: "notFound" };
  const message = await deps.store.message(input.conversationId, input.messageId);
  if (!message || message.senderUserId !== actor.id) return { ok: false, reason: "notFound" };
  const now = deps.now();
  if (!mayEdit(deps, actor, message, now)) return { ok: false, reason: "closed" };
  const error = checkBody(input.body);
  if (error) return { ok: false, reason: "invalid", error };
  const body = input.body.trim();
  if (body === message.body) return { ok: true };
  await deps.store.edit(message.id, message.body, body, now.toISOString());
  await deps.audit.record({
    action: "messages.message.edit",
    result: "success",
    actorUserId: actor.id,
    clientUserId: found.conversation.clientUserId,
    targetType: "message",
    targetId: message.id,
    ...origin,
  });
  return { ok: true };
}
