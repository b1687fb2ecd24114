import {
  addDays,
  inZone,
  instantOf,
  weekdayOf,
  type LocalDate,
  type WallTime,
  type Weekday,
} from "./zoned.ts";

/**
 * When a staff member can be booked. Their hours are wall-clock times in their own time zone;
 * the free slots that come out are instants (ISO UTC) that every viewer reads in their own zone.
 * Everything here is pure: the callers bring the schedule, the existing bookings and the clock.
 */

export const locations = ["online", "onSite", "phone"] as const;
export type Location = (typeof locations)[number];

/** A window that repeats every week, e.g. Monday 09:00-12:00. */
export type WeeklyWindow = { weekday: Weekday; start: WallTime; end: WallTime };

/** A day off drops that date's weekly windows; extra hours add a window on one date. */
export type AvailabilityException =
  | { kind: "dayOff"; date: LocalDate }
  | { kind: "extraHours"; date: LocalDate; start: WallTime; end: WallTime };

export type StaffSchedule = {
  timeZone: string;
  weekly: readonly WeeklyWindow[];
  exceptions: readonly AvailabilityException[];
  /**
   * The tenant's public holidays and closure days (closure-days.ts): like a day off, they drop the
   * weekly windows, but extra hours the staff member sets on such a date open it on purpose.
   */
  closedDates?: ReadonlySet<LocalDate>;
};

/** The part of an appointment type that decides how much time it takes. */
export type AppointmentLength = {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
};

export type BookingRules = {
  /** How long before its start a slot can still be booked. */
  minimumNoticeMinutes: number;
  /** How far ahead slots can be booked. */
  horizonDays: number;
  /** At most this many appointments start on one day of the staff member's calendar; null: no limit. */
  maxPerDay: number | null;
  /** Slots start this often from the start of a window. */
  slotStepMinutes: number;
};

/** A held or confirmed booking: the appointment and the time it blocks with its buffers. */
export type BusyTime = { startsAt: string; blockedFrom: string; blockedUntil: string };

export type Slot = { startsAt: string; endsAt: string };

export type AvailabilityQuery = {
  schedule: StaffSchedule;
  type: AppointmentLength;
  rules: BookingRules;
  busy: readonly BusyTime[];
  from: Date;
  until: Date;
  now: Date;
  /** Stop after the first this many slots. */
  limit?: number;
};

const minute = 60_000;
const day = 24 * 60 * minute;

/** The times an appointment of this type starting at `startsAt` takes and blocks. */
export function blockedTime(type: AppointmentLength, startsAt: Date) {
  const start = startsAt.getTime();
  const end = start + type.durationMinutes * minute;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
    blockedFrom: new Date(start - type.bufferBeforeMinutes * minute).toISOString(),
    blockedUntil: new Date(end + type.bufferAfterMinutes * minute).toISOString(),
  };
}

/**
 * Two bookings collide when the times they block overlap, buffers included: a buffer after one
 * appointment and a buffer before the next both stay free. The database's guard uses the same rule.
 */
export function overlaps(a: { blockedFrom: string; blockedUntil: string }, b: BusyTime): boolean {
  return a.blockedFrom < b.blockedUntil && b.blockedFrom < a.blockedUntil;
}

/** The free slots that start in [from, until), in time order (the first `limit` of them). */
export function freeSlots(query: AvailabilityQuery): Slot[] {
  const { schedule, type, rules, busy, now } = query;
  const earliest = Math.max(query.from.getTime(), now.getTime() + rules.minimumNoticeMinutes * minute);
  const latest = Math.min(query.until.getTime(), now.getTime() + rules.horizonDays * day + 1);
  if (earliest >= latest) return [];

  const zone = schedule.timeZone;
  const startsPerDay = new Map<LocalDate, number>();
  for (const booking of busy) {
    const date = inZone(booking.startsAt, zone).date;
    startsPerDay.set(date, (startsPerDay.get(date) ?? 0) + 1);
  }

  const slots = new Map<number, Slot>();
  const lastDate = inZone(new Date(latest), zone).date;
  const limit = query.limit ?? Infinity;
  // Every slot of a date starts before those of the next date, so a date's slots can end the search.
  for (
    let date = inZone(new Date(earliest), zone).date;
    date <= lastDate && slots.size < limit;
    date = addDays(date, 1)
  ) {
    if (rules.maxPerDay !== null && (startsPerDay.get(date) ?? 0) >= rules.maxPerDay) continue;
    for (const window of windowsOn(schedule, date)) {
      const windowEnd = instantOf(date, window.end, zone).getTime();
      const step = rules.slotStepMinutes * minute;
      for (
        let start = instantOf(date, window.start, zone).getTime();
        start + type.durationMinutes * minute <= windowEnd;
        start += step
      ) {
        if (start < earliest || start >= latest || slots.has(start)) continue;
        const candidate = blockedTime(type, new Date(start));
        if (busy.some((booking) => overlaps(candidate, booking))) continue;
        slots.set(start, { startsAt: candidate.startsAt, endsAt: candidate.endsAt });
      }
    }
  }
  return [...slots.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, limit)
    .map(([, slot]) => slot);
}

/** Whether a booking may start at `startsAt`: it is one of the free slots. */
export function isFreeSlot(query: Omit<AvailabilityQuery, "from" | "until">, startsAt: Date): boolean {
  const slots = freeSlots({ ...query, from: startsAt, until: new Date(startsAt.getTime() + 1) });
  return slots[0]?.startsAt === startsAt.toISOString();
}

/** The windows of one date in the staff member's calendar. */
function windowsOn(schedule: StaffSchedule, date: LocalDate): { start: WallTime; end: WallTime }[] {
  const onDate = schedule.exceptions.filter((exception) => exception.date === date);
  const dayOff = schedule.closedDates?.has(date) || onDate.some((exception) => exception.kind === "dayOff");
  const weekday = weekdayOf(date);
  return [
    ...(dayOff ? [] : schedule.weekly.filter((window) => window.weekday === weekday)),
    ...onDate.flatMap((exception) => (exception.kind === "extraHours" ? [exception] : [])),
  ];
}
