import { and, eq, gt, lt, or } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { DeliveryMessage } from "../../core/notifications/ports.ts";
import { notificationDeliveries as deliveries, outboxMessages } from "./schema.ts";

const minutes = (count: number) => count * 60_000;

/**
 * Maintenance over a whole cell, across its tenants: the scheduled job's view. It finds
 * deliveries whose queue message was lost (never attempted long after they were due), whose
 * retry message was lost (no attempt for two hours, longer than the longest backoff), or whose
 * consumer stopped halfway (sending for a quarter of an hour), and puts them back to queued.
 */
export async function reclaimParkedDeliveries(database: D1Database, now: Date): Promise<DeliveryMessage[]> {
  const db = drizzle(database);
  const since = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const parked = or(
    and(
      eq(deliveries.status, "queued"),
      eq(deliveries.attempts, 0),
      lt(deliveries.notBefore, since(minutes(15))),
    ),
    and(
      eq(deliveries.status, "queued"),
      gt(deliveries.attempts, 0),
      lt(deliveries.claimedAt, since(minutes(120))),
    ),
    and(eq(deliveries.status, "sending"), lt(deliveries.claimedAt, since(minutes(15)))),
  );
  const rows = await db
    .update(deliveries)
    .set({ status: "queued", claimedAt: now.toISOString(), notBefore: now.toISOString() })
    .where(parked)
    .returning({ tenantId: deliveries.tenantId, deliveryId: deliveries.id });
  return rows;
}

/** The local outbox keeps a week of mail. */
export async function purgeOutbox(database: D1Database, now: Date): Promise<number> {
  const rows = await drizzle(database)
    .delete(outboxMessages)
    .where(lt(outboxMessages.createdAt, new Date(now.getTime() - 7 * 24 * 60 * minutes(1)).toISOString()))
    .returning({ id: outboxMessages.id });
  return rows.length;
}
