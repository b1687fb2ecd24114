import { hashSecret, parseSecretToken } from "../platform/secret-token.ts";
import type { Inbox } from "./inbox.ts";
import { definitionOf, isNotificationKind, type NotificationKind } from "./kinds.ts";

/** The person a mail went to and the kinds it was about. */
export type UnsubscribeTarget = { recipientId: string; kinds: NotificationKind[] };

export interface UnsubscribeLinks {
  unsubscribeTarget(batchId: string, hash: string): Promise<UnsubscribeTarget | null>;
}

/**
 * What an unsubscribe link may stop: the optional kinds of the mail it came in, for the person it
 * was sent to, narrowed to one kind when the link names it. A forged or foreign token finds
 * nothing (the secret's hash must match a mail of this tenant).
 */
export async function resolveUnsubscribe(
  links: UnsubscribeLinks,
  token: string,
  kind: string | null,
): Promise<UnsubscribeTarget | null> {
  const parsed = parseSecretToken(token);
  if (!parsed) return null;
  const target = await links.unsubscribeTarget(parsed.id, await hashSecret(parsed.secret));
  if (!target) return null;
  const optional = target.kinds.filter((each) => definitionOf(each).optional);
  const kinds =
    kind === null ? optional : optional.filter((each) => each === kind && isNotificationKind(kind));
  return kinds.length > 0 ? { recipientId: target.recipientId, kinds } : null;
}

/** Turns mail off for those kinds and leaves every other choice (SMS, other kinds) as it was. */
export async function unsubscribe(inbox: Inbox, target: UnsubscribeTarget, now: Date): Promise<void> {
  const choices = await inbox.choicesOf(target.recipientId);
  for (const kind of target.kinds) {
    const sms = choices.get(kind)?.sms ?? definitionOf(kind).defaults.sms;
    await inbox.setChoice(target.recipientId, kind, { mail: false, sms }, now);
  }
}
