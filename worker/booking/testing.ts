import { newId } from "../../core/kernel/ids.ts";
import type { Booking } from "../../core/booking/booking.ts";
import { blockedTime, type AppointmentLength } from "../../core/booking/availability.ts";
import { publicHolidaysBetween } from "../../core/booking/public-holidays.ts";
import {
  appointmentTypes,
  availabilityExceptions,
  availabilityWindows,
  bookingProfiles,
} from "../../db/booking/schema.ts";
import type { TenantScope } from "../../db/kernel/scope.ts";
import { addDays, inZone, instantOf, type LocalDate } from "../../core/booking/zoned.ts";

/**
 * A staff member who takes bookings every day 00:00-24:00 Amsterdam time, in 15-minute steps, with
 * no notice, a year ahead; and appointment types of the given lengths (tenant-wide). They open
 * every Dutch public holiday of that year on purpose, so a test's "in three days" is bookable
 * whatever the date it runs on.
 */
export async function bookableStaff(
  scope: TenantScope,
  staffUserId: string,
  types: Record<string, AppointmentLength>,
): Promise<Record<string, string>> {
  const now = new Date().toISOString();
  const typeIds = Object.fromEntries(Object.keys(types).map((name) => [name, newId("appointmentType")]));
  await scope.batch([
    scope.insert(bookingProfiles, {
      id: newId("bookingProfile"),
      staffUserId,
      timeZone: "Europe/Amsterdam",
      minimumNoticeMinutes: 0,
      horizonDays: 365,
      maxPerDay: null,
      slotStepMinutes: 15,
      updatedAt: now,
    }),
    scope.insert(
      availabilityWindows,
      ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
        id: newId("availabilityWindow"),
        staffUserId,
        weekday,
        startTime: "00:00",
        endTime: "24:00",
        createdAt: now,
      })),
    ),
    scope.insert(
      availabilityExceptions,
      publicHolidaysBetween("NL", dateIn(-1), dateIn(366), "en").map(({ date }) => ({
        id: newId("availabilityException"),
        staffUserId,
        date,
        kind: "extraHours" as const,
        startTime: "00:00",
        endTime: "24:00",
        createdAt: now,
      })),
    ),
    ...Object.entries(types).map(([name, length]) =>
      scope.insert(appointmentTypes, {
        id: typeIds[name]!,
        staffUserId: null,
        name,
        location: "online" as const,
        ...length,
        createdAt: now,
      }),
    ),
  ]);
  return typeIds;
}

/** A confirmed booking row as the calendar would write it. */
export function bookingAt(
  staffUserId: string,
  startsAt: string,
  length: AppointmentLength,
  changes: Partial<Booking> = {},
): Booking {
  return {
    id: newId("booking"),
    staffUserId,
    clientUserId: "usr_client",
    appointmentTypeId: "apt_type",
    location: "online",
    ...blockedTime(length, new Date(startsAt)),
    status: "confirmed",
    holdExpiresAt: null,
    idempotencyKey: crypto.randomUUID(),
    createdByUserId: "usr_client",
    createdAt: new Date().toISOString(),
    confirmedAt: new Date().toISOString(),
    cancelledByUserId: null,
    cancelledAt: null,
    reason: null,
    ...changes,
  };
}

/** The zone of the test calendars above. */
export const testZone = "Europe/Amsterdam";

/** The calendar date `days` from today, in Amsterdam. */
export const dateIn = (days: number): LocalDate => addDays(inZone(new Date(), testZone).date, days);

/** The instant (ISO) at `time` Amsterdam time, `days` from today. */
export const at = (days: number, time = "10:00") => instantOf(dateIn(days), time, testZone).toISOString();

/**
 * An instant on the half hour about `hours` from now, inside the 24-hour cancel notice, whose
 * appointment (up to 90 minutes) ends on the Amsterdam day it starts: the test calendars' hours
 * end at midnight, so a time after 22:00 moves to 00:30 the next day.
 */
export function soonAt(hours: number): string {
  const soon = new Date(Date.now() + hours * 60 * 60_000);
  soon.setUTCMinutes(soon.getUTCMinutes() < 30 ? 30 : 60, 0, 0);
  const local = inZone(soon, testZone);
  if (local.time < "22:00") return soon.toISOString();
  return instantOf(addDays(local.date, 1), "00:30", testZone).toISOString();
}
