import type { AuditEvent, AuditLog, RequestOrigin } from "../kernel/audit/audit.ts";
import { inCareTeam, type CareTeamStore } from "../kernel/care-team/care-team.ts";
import { chooseFiles, type LinkableFiles } from "../kernel/files/links.ts";
import { newId } from "../kernel/ids.ts";
import type { NotifyRequest } from "../kernel/notifications/notify.ts";
import type { Actor, Conversation, LiveRoom, Message, MessagingStore, Participant } from "./ports.ts";
import { messageLimits, type MessagingSettings } from "./settings.ts";

/**
 * What anyone may do with a conversation, whichever door they come in by (page, API, live room).
 * Those who take part read and write; staff of the client's care team read and write too (and
 * take part from their first message); an admin outside both sees that a conversation exists,
 * never what is in it. Anyone else finds nothing, so ids leak nothing.
 */

export type MessagingDeps = {
  store: MessagingStore;
  live: LiveRoom;
  careTeams: Pick<CareTeamStore, "coachesOf">;
  files: LinkableFiles;
  audit: AuditLog;
  notify(request: NotifyRequest): Promise<unknown>;
  settings: MessagingSettings;
  now(): Date;
};

export type Access = "participant" | "care-team" | "existence";

export type BodyError = "empty" | "tooLong";
export type FilesError = "tooMany" | "unknown" | "taken";

/** How many messages one read returns at most (history on connect, a page of the thread). */
export const historyLimit = 200;

/** A message needs text, unless files alone say it (`withFiles`). */
export function checkBody(body: string, withFiles = false): BodyError | null {
  const trimmed = body.trim();
  if (trimmed.length === 0) return withFiles ? null : "empty";
  if (trimmed.length > messageLimits.bodyMaxLength) return "tooLong";
  return null;
}

export async function accessTo(
  deps: Pick<MessagingDeps, "careTeams">,
  actor: Actor,
  conversation: Conversation,
  participants: readonly Participant[],
): Promise<Access | null> {
  if (participants.some((participant) => participant.userId === actor.id)) return "participant";
  if (actor.role !== "staff" && actor.role !== "admin") return null;
  if (await inCareTeam(deps.careTeams, actor.id, conversation.clientUserId)) return "care-team";
  return actor.role === "admin" ? "existence" : null;
}

/** The conversation and its people when this person may read and write in it; null otherwise. */
export async function conversationFor(
  deps: MessagingDeps,
  actor: Actor,
  conversationId: string,
): Promise<{ conversation: Conversation; participants: Participant[]; access: Access } | null> {
  const conversation = await deps.store.find(conversationId);
  if (!conversation) return null;
  const participants = await deps.store.participants(conversationId);
  const access = await accessTo(deps, actor, conversation, participants);
  return access ? { conversation, participants, access } : null;
}

/**
 * Whether this account may join the conversation live (the websocket upgrade asks before the
 * connection reaches the room). The deps are built for one tenant, so a conversation of another
 * tenant is not found.
 */
export async function mayTakePart(
  deps: MessagingDeps,
  actor: Actor,
  conversationId: string,
): Promise<boolean> {
  const found = await conversationFor(deps, actor, conversationId);
  return found !== null && found.access !== "existence";
}

async function auditRead(
  deps: MessagingDeps,
  actor: Actor,
  conversation: Conversation,
  origin: RequestOrigin,
  detail: Record<string, string | number>,
): Promise<void> {
  await deps.audit.record({
    action: "messages.conversation.read",
    result: "success",
    actorUserId: actor.id,
    clientUserId: conversation.clientUserId,
    targetType: "conversation",
    targetId: conversation.id,
    ...origin,
    detail,
  });
}

/** Messages after `afterSeq` (history on connect and on reconnect); null when not allowed. Audited. */
export async function history(
  deps: MessagingDeps,
  actor: Actor,
  conversationId: string,
  afterSeq: number,
  origin: RequestOrigin,
): Promise<Message[] | null> {
  const found = await conversationFor(deps, actor, conversationId);
  if (!found || found.access === "existence") return null;
  const messages = await deps.store.messagesAfter(conversationId, Math.max(0, afterSeq), historyLimit);
  await auditRead(deps, actor, found.conversation, origin, { afterSeq, messages: messages.length });
  return messages;
}

export type PublishInput = {
  conversationId: string;
  /** Chosen by the sender's page or app; the same id again returns the stored message. */
  clientMessageId: string;
  body: string;
  /** Tell the others by mail/SMS (unticked: they find it when they next look). */
  notify: boolean;
  /** The sender's finished uploads (core/files) to send with it. */
  fileIds?: readonly string[];
};

export type PublishResult =
  | { ok: true; message: Message; created: boolean }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "invalid"; error: BodyError }
  | { ok: false; reason: "invalidFiles"; error: FilesError };

/** The audit line of a sent message, written in the message's own batch. */
export function sendAudit(
  sent: {
    actorId: string;
    messageId: string;
    conversation: Pick<Conversation, "id" | "clientUserId">;
    notified: boolean;
  },
  origin: RequestOrigin,
): AuditEvent {
  return {
    action: "messages.message.send",
    result: "success",
    actorUserId: sent.actorId,
    clientUserId: sent.conversation.clientUserId,
    targetType: "message",
    targetId: sent.messageId,
    ...origin,
    detail: { conversation: sent.conversation.id, notified: sent.notified },
  };
}

export const clientMessageIdPattern = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Stores a message, announces it to the live room, and tells the others once. Sending the same
 * client message id again (a retry, a reconnect) returns the stored message and tells nobody
 * again, even though its files are taken by then. Notifications carry a link, never the text.
 */
export async function publish(
  deps: MessagingDeps,
  actor: Actor,
  input: PublishInput,
  origin: RequestOrigin,
): Promise<PublishResult> {
  const found = await conversationFor(deps, actor, input.conversationId);
  if (!found || found.access === "existence") return { ok: false, reason: "notFound" };
  if (!clientMessageIdPattern.test(input.clientMessageId))
    throw new Error("A client message id is 8-64 letters, digits, - or _");
  const fileIds = input.fileIds ?? [];
  const error = checkBody(input.body, fileIds.length > 0);
  if (error) return { ok: false, reason: "invalid", error };
  const chosen = await chooseFiles(deps.files, actor.id, fileIds, messageLimits.files);
  if (!chosen.ok) {
    const earlier = await deps.store.sent(input.conversationId, actor.id, input.clientMessageId);
    if (earlier) return { ok: true, message: earlier, created: false };
    return { ok: false, reason: "invalidFiles", error: chosen.error };
  }

  const now = deps.now();
  const id = newId("message", now.getTime());
  const published = await deps.store.publish({
    id,
    conversationId: input.conversationId,
    senderUserId: actor.id,
    clientMessageId: input.clientMessageId,
    body: input.body.trim(),
    notified: input.notify,
    sentAt: now.toISOString(),
    fileIds: chosen.files.map((file) => file.id),
    audit: sendAudit(
      { actorId: actor.id, messageId: id, conversation: found.conversation, notified: input.notify },
      origin,
    ),
  });
  if (!published) return { ok: false, reason: "invalidFiles", error: "taken" };
  const { message, created } = published;
  if (!created) return { ok: true, message, created };

  // Those who have the conversation open see it first; the notifications are still sent before
  // this returns.
  await deps.live.announce(input.conversationId, message);
  if (input.notify) {
    await deps.notify({
      kind: "message",
      recipients: found.participants.map((participant) => participant.userId),
      actorId: actor.id,
      link: `/messages/${input.conversationId}`,
    });
  }
  return { ok: true, message, created };
}

/**
 * Moves the reader's position forward (read receipts); false when not allowed. A care-team
 * member who reads takes part from then on, so their unread count and receipts work as anyone's.
 */
export async function markRead(
  deps: MessagingDeps,
  actor: Actor,
  conversationId: string,
  seq: number,
): Promise<boolean> {
  const found = await conversationFor(deps, actor, conversationId);
  if (!found || found.access === "existence") return false;
  const upTo = Math.min(Math.max(0, Math.floor(seq)), found.conversation.lastSeq);
  await deps.store.markRead(conversationId, actor.id, upTo, deps.now().toISOString());
  return true;
}
