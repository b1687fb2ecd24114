import { and, asc, eq, gt, isNull, lte } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { bookings } from "./schema.ts";

/**
 * Confirmed bookings of any tenant in the cell that start within the longest reminder time a
 * tenant can choose and have had no reminder yet; each tenant's own time is applied after.
 */
export async function bookingsAwaitingReminder(
  database: D1Database,
  now: Date,
  withinHours: number,
): Promise<{ tenantId: string; bookingId: string; startsAt: string }[]> {
  return drizzle(database)
    .select({ tenantId: bookings.tenantId, bookingId: bookings.id, startsAt: bookings.startsAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.status, "confirmed"),
        isNull(bookings.remindedAt),
        gt(bookings.startsAt, now.toISOString()),
        lte(bookings.startsAt, new Date(now.getTime() + withinHours * 3_600_000).toISOString()),
      ),
    )
    .orderBy(asc(bookings.startsAt))
    .limit(1000);
}
