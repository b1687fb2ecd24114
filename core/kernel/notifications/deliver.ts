import { newId } from "../ids.ts";
import { hashSecret, newSecretToken } from "../platform/secret-token.ts";
import { definitionOf } from "./kinds.ts";
import {
  DeliveryError,
  type Delivery,
  type DeliveryStore,
  type MailAttachments,
  type MailContent,
  type MailProvider,
  type MessageRenderer,
  type NotificationStore,
  type SecretLinks,
  type SmsProvider,
} from "./ports.ts";
import { channelsFor } from "./preferences.ts";
import { quietUntil } from "./quiet-hours.ts";
import type { NotificationSettings } from "./settings.ts";

export type DeliverDeps = {
  notifications: NotificationStore;
  deliveries: DeliveryStore;
  settings: NotificationSettings;
  renderer: MessageRenderer;
  secretLinks: SecretLinks;
  attachments: MailAttachments;
  mail: MailProvider;
  sms: SmsProvider;
  tenant: { id: string; name: string; origin: string };
  senders: { mail: string; sms: string };
  now(): Date;
};

/** What the queue consumer does with the message afterwards. */
export type DeliveryOutcome =
  | { kind: "sent"; deliveries: number }
  | { kind: "nothing-to-do" }
  | { kind: "skipped"; reason: string }
  | { kind: "later"; delaySeconds: number }
  | { kind: "retry"; delaySeconds: number; error: string }
  | { kind: "dead"; error: string };

/** 30 s, 60 s, 120 s, ... up to an hour between attempts after temporary failures. */
export function backoffSeconds(attempt: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempt - 1), 3600);
}

/**
 * Sends one delivery, together with every other due, non-urgent delivery of the same person and
 * channel (a digest). Idempotent: a delivery that is no longer queued is left alone, so a queue
 * message delivered twice sends once.
 */
export async function deliver(
  deps: DeliverDeps,
  deliveryId: string,
  attempt: number,
): Promise<DeliveryOutcome> {
  const delivery = await deps.deliveries.find(deliveryId);
  if (!delivery || delivery.status !== "queued") return { kind: "nothing-to-do" };
  const [recipient] = await deps.notifications.recipients([delivery.recipientId]);
  if (!recipient || recipient.status === "disabled") {
    await deps.deliveries.markSkipped([delivery.id], "recipient unavailable");
    return { kind: "skipped", reason: "recipient unavailable" };
  }
  const now = deps.now();
  const quietEnd = delivery.urgent ? null : quietUntil(now, recipient.timeZone, deps.settings.quietHours);
  if (quietEnd) {
    await deps.deliveries.defer(delivery.id, quietEnd);
    return { kind: "later", delaySeconds: Math.ceil((quietEnd.getTime() - now.getTime()) / 1000) };
  }

  // A batch keeps its id over retries: it is the provider's idempotency key.
  const unsubscribe = newSecretToken("batch", delivery.batchId ?? newId("batch"));
  const claimed = await deps.deliveries.claim(
    delivery,
    unsubscribe.id,
    await hashSecret(unsubscribe.secret),
    now,
  );
  if (!claimed.some((row) => row.id === delivery.id)) return { kind: "nothing-to-do" };

  // Choices may have changed since the notification was made: honour them as they are now.
  const choices = await deps.notifications.choicesOf(recipient.id);
  const chosen = claimed.filter(
    (row) => channelsFor(row.kind, deps.settings, choices.get(row.kind))[row.channel],
  );
  const unwanted = claimed.filter((row) => !chosen.includes(row));
  if (unwanted.length > 0) {
    await deps.deliveries.markSkipped(
      unwanted.map((row) => row.id),
      "turned off",
    );
  }
  const wanted = await withSecretLinks(deps, chosen, now);
  if (wanted.length === 0)
    return { kind: "skipped", reason: chosen.length > 0 ? "link no longer valid" : "turned off" };

  const content = await contentOf(deps, recipient, wanted, unsubscribe.token);
  let providerId: string;
  try {
    providerId = await send(deps, delivery, wanted, content, unsubscribe.id, attempt, now);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof DeliveryError && error.permanent) return { kind: "dead", error: message };
    await deps.deliveries.release(unsubscribe.id, message);
    return { kind: "retry", delaySeconds: backoffSeconds(attempt), error: message };
  }
  await deps.deliveries.markSent(unsubscribe.id, providerId, now);
  return { kind: "sent", deliveries: wanted.length };
}

/** Rows whose kind carries a secret get it now; one whose object ended (a revoked invitation) is skipped. */
async function withSecretLinks(deps: DeliverDeps, rows: Delivery[], now: Date): Promise<Delivery[]> {
  const ready: Delivery[] = [];
  for (const row of rows) {
    if (!definitionOf(row.kind).secretLink) {
      ready.push(row);
      continue;
    }
    const link = await deps.secretLinks.issue(row, now);
    if (link) ready.push({ ...row, link });
    else await deps.deliveries.markSkipped([row.id], "link no longer valid");
  }
  return ready;
}

async function contentOf(
  deps: DeliverDeps,
  recipient: MailContent["recipient"],
  rows: Delivery[],
  unsubscribeToken: string,
): Promise<MailContent> {
  const actorIds = deps.settings.showSender ? rows.flatMap((row) => (row.actorId ? [row.actorId] : [])) : [];
  const names =
    actorIds.length > 0 ? await deps.deliveries.displayNames(actorIds) : new Map<string, string>();
  const origin = deps.tenant.origin;
  const optionalKinds = [...new Set(rows.map((row) => row.kind))].filter(
    (kind) => definitionOf(kind).optional,
  );
  return {
    recipient,
    items: rows.map((row) => ({
      kind: row.kind,
      actorName: (row.actorId && names.get(row.actorId)) || null,
      url: `${origin}${row.link}`,
    })),
    unsubscribe: optionalKinds.map((kind) => ({
      kind,
      url: `${origin}/unsubscribe/${unsubscribeToken}?kind=${encodeURIComponent(kind)}`,
    })),
    preferencesUrl: `${origin}/account/notifications`,
  };
}

async function send(
  deps: DeliverDeps,
  delivery: Delivery,
  rows: Delivery[],
  content: MailContent,
  batchId: string,
  attempt: number,
  now: Date,
): Promise<string> {
  const common = { tenantId: deps.tenant.id, idempotencyKey: batchId, attempt };
  if (delivery.channel === "sms") {
    const to = content.recipient.phone;
    if (!to) throw new DeliveryError("no mobile number", true);
    const sent = await deps.sms.sendSms({
      ...common,
      to,
      from: deps.senders.sms,
      text: deps.renderer.sms(content),
    });
    return sent.id;
  }
  const [rendered, attachments] = await Promise.all([
    deps.renderer.mail(content),
    deps.attachments.for(content.recipient, rows, now),
  ]);
  // One-click unsubscribe (RFC 8058) for mail about optional kinds; it stops every kind in this mail.
  const oneClick = content.unsubscribe[0]?.url.replace(/\?kind=.*$/, "");
  const headers: Record<string, string> = oneClick
    ? { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
    : {};
  const sent = await deps.mail.sendMail({
    ...common,
    to: content.recipient.email,
    from: `${deps.tenant.name.replace(/["<>]/g, "")} <${deps.senders.mail}>`,
    headers,
    ...rendered,
    ...(attachments.length > 0 ? { attachments } : {}),
  });
  return sent.id;
}
