import type { RequestOrigin } from "../kernel/audit/audit.ts";
import { conversationFor, type MessagingDeps } from "./conversation.ts";
import type { Actor } from "./ports.ts";

/**
 * Whether this person may open this file of a conversation: it was sent in it, and they read and
 * write there (an admin who only knows the conversation exists may not). Audited, as every look
 * at a client's conversation is.
 */
export async function mayOpenAttachment(
  deps: MessagingDeps,
  actor: Actor,
  conversationId: string,
  fileId: string,
  inline: boolean,
  origin: RequestOrigin,
): Promise<boolean> {
  const found = await conversationFor(deps, actor, conversationId);
  if (!found || found.access === "existence") return false;
  if (!(await deps.store.sentFile(conversationId, fileId))) return false;
  await deps.audit.record({
    action: inline ? "messages.attachment.view" : "messages.attachment.download",
    result: "success",
    actorUserId: actor.id,
    clientUserId: found.conversation.clientUserId,
    targetType: "file",
    targetId: fileId,
    ...origin,
    detail: { conversation: conversationId },
  });
  return true;
}
