import { newId } from "../ids.ts";
import type { FeatureKey } from "../tenants/features.ts";
import { definitionOf, type NotificationKind } from "./kinds.ts";
import type { DeliveryQueue, NewDelivery, NewNotification, NotificationStore } from "./ports.ts";
import { channelsFor } from "./preferences.ts";
import type { NotificationSettings } from "./settings.ts";

export type NotifyDeps = {
  tenantId: string;
  store: NotificationStore;
  queue: DeliveryQueue;
  settings: NotificationSettings;
  features: readonly FeatureKey[];
  now(): Date;
};

export type NotifyRequest = {
  kind: NotificationKind;
  /** User ids of this tenant; unknown and disabled ones are passed over. */
  recipients: readonly string[];
  /** Who caused it (named in the mail when the tenant allows), or null for the system. */
  actorId: string | null;
  /** Where the item leads: a path inside the portal, never another site. */
  link: string;
};

export type NotifyResult = { notificationIds: string[]; deliveryIds: string[] };

/** A path on the tenant's own host: "/x", not "//other.site" or "https://...". */
export function isPortalPath(link: string): boolean {
  return /^\/(?![/\\])[^\s]*$/.test(link);
}

/**
 * The one entry every capability uses to tell people something waits for them. It writes the
 * in-app items and the deliveries in one atomic batch and puts only their ids on the queue; the
 * request never waits for a mail or SMS provider. Non-urgent deliveries wait the tenant's digest
 * window so that several for one person go out as one mail.
 */
export async function notify(deps: NotifyDeps, request: NotifyRequest): Promise<NotifyResult> {
  if (!isPortalPath(request.link)) throw new Error(`A notification links inside the portal: ${request.link}`);
  const definition = definitionOf(request.kind);
  const empty = { notificationIds: [], deliveryIds: [] };
  if (definition.feature && !deps.features.includes(definition.feature)) return empty;
  const ids = [...new Set(request.recipients)].filter((id) => id !== request.actorId);
  if (ids.length === 0) return empty;

  const [recipients, preferences] = await Promise.all([
    deps.store.recipients(ids),
    definition.optional ? deps.store.preferences(ids, request.kind) : new Map(),
  ]);
  const now = deps.now();
  const createdAt = now.toISOString();
  const delaySeconds = definition.urgent ? 0 : deps.settings.digestMinutes * 60;
  const notBefore = new Date(now.getTime() + delaySeconds * 1000).toISOString();

  const notifications: NewNotification[] = [];
  const deliveries: NewDelivery[] = [];
  for (const recipient of recipients) {
    if (recipient.status === "disabled") continue;
    const notificationId = definition.inApp ? newId("notification", now.getTime()) : null;
    if (notificationId) {
      notifications.push({
        id: notificationId,
        recipientId: recipient.id,
        kind: request.kind,
        actorId: request.actorId,
        link: request.link,
        createdAt,
      });
    }
    const channels = channelsFor(request.kind, deps.settings, preferences.get(recipient.id));
    const addresses = { mail: recipient.email, sms: recipient.phone };
    for (const channel of ["mail", "sms"] as const) {
      if (!channels[channel] || !addresses[channel]) continue;
      deliveries.push({
        id: newId("delivery", now.getTime()),
        notificationId,
        recipientId: recipient.id,
        kind: request.kind,
        actorId: request.actorId,
        link: request.link,
        channel,
        urgent: definition.urgent,
        notBefore,
        createdAt,
      });
    }
  }
  if (notifications.length === 0 && deliveries.length === 0) return empty;
  await deps.store.save(notifications, deliveries);
  if (deliveries.length > 0) {
    await deps.queue.enqueue(
      deliveries.map((delivery) => ({
        body: { tenantId: deps.tenantId, deliveryId: delivery.id },
        delaySeconds,
      })),
    );
  }
  return { notificationIds: notifications.map((n) => n.id), deliveryIds: deliveries.map((d) => d.id) };
}
