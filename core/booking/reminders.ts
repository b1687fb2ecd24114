import type { NotifyRequest } from "../kernel/notifications/notify.ts";
import type { Booking } from "./booking.ts";

/** Reminders before appointments, sent by the scheduled job through the notification pipeline. */

export interface ReminderStore {
  /** Notes the reminder of a confirmed booking that had none yet; null when it was not due any more. */
  markReminded(bookingId: string, now: Date): Promise<Booking | null>;
}

export type ReminderDeps = {
  store: ReminderStore;
  notify(request: NotifyRequest): Promise<unknown>;
  /** The tenant's reminder time (core/booking/settings.ts); 0: no reminders. */
  reminderHours: number;
  now(): Date;
};

export function reminderDue(startsAt: string, now: Date, reminderHours: number): boolean {
  const untilStart = Date.parse(startsAt) - now.getTime();
  return reminderHours > 0 && untilStart > 0 && untilStart <= reminderHours * 60 * 60_000;
}

/**
 * Reminds the client of one appointment, once: the booking is marked first, so a second run (or a
 * retried one) sends nothing, and a booking cancelled meanwhile gets no reminder.
 */
export async function remindOf(deps: ReminderDeps, bookingId: string, startsAt: string): Promise<boolean> {
  const now = deps.now();
  if (!reminderDue(startsAt, now, deps.reminderHours)) return false;
  const booking = await deps.store.markReminded(bookingId, now);
  if (!booking) return false;
  await deps.notify({
    kind: "booking-reminder",
    recipients: [booking.clientUserId],
    actorId: booking.staffUserId,
    link: `/booking/${booking.id}`,
  });
  return true;
}
