import { and, eq, gt, isNull, lt, lte, or } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { DeliveryMessage } from "../../core/kernel/notifications/ports.ts";
import { invitations, notificationDeliveries as deliveries, outboxMessages } from "./schema.ts";

const minutes = (count: number) => count * 60_000;

/*
 * Maintenance over a whole cell, across its tenants: the scheduled jobs' view. Everything it
 * returns names its tenant, and the jobs continue per tenant through a TenantScope.
 */

/**
 * Finds
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

/** Open invitations of any tenant in the cell that are at least three days old. */
export async function invitationsAwaitingReminder(
  database: D1Database,
  now: Date,
): Promise<{ tenantId: string; invitationId: string }[]> {
  return drizzle(database)
    .select({ tenantId: invitations.tenantId, invitationId: invitations.id })
    .from(invitations)
    .where(
      and(
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        lt(invitations.remindersSent, 2),
        gt(invitations.expiresAt, now.toISOString()),
        lte(invitations.createdAt, new Date(now.getTime() - 3 * 24 * 60 * minutes(1)).toISOString()),
      ),
    )
    .limit(1000);
}
