import type { MessagingDeps } from "./conversation.ts";
import type { Actor, Reply } from "./ports.ts";

/**
 * "My correspondence" for a person's home page: how many messages wait unread and the newest
 * replies to them. It names who wrote in which conversation, never what, so it needs no audit line.
 */
export type Correspondence = { unread: number; replies: Reply[] };

export async function correspondenceOf(
  deps: Pick<MessagingDeps, "store">,
  actor: Actor,
  limit = 3,
): Promise<Correspondence> {
  const [conversations, replies] = await Promise.all([
    deps.store.conversationsFor({ userId: actor.id, withCareTeam: false, limit: 500 }),
    deps.store.repliesTo(actor.id, limit),
  ]);
  return { unread: conversations.reduce((sum, row) => sum + row.unread, 0), replies };
}
