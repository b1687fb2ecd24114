import { TZDate } from "@date-fns/tz";

/**
 * Wall-clock values in a named time zone. Every conversion between an instant and a zone's
 * calendar goes through TZDate, which knows each zone's daylight-saving rules: no offsets are
 * computed here by hand.
 */

/** A calendar date "YYYY-MM-DD" in some zone. */
export type LocalDate = string;
/** A wall-clock time "HH:MM" in some zone; "24:00" is the midnight that ends a day. */
export type WallTime = string;
/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Minutes since midnight of a wall time. */
export function minutesOf(time: WallTime): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

const pad = (value: number) => String(value).padStart(2, "0");

/** How an instant reads on a clock in `zone`. */
export function inZone(
  instant: Date | string,
  zone: string,
): { date: LocalDate; time: WallTime; weekday: Weekday } {
  const local = new TZDate(new Date(instant).getTime(), zone);
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
    weekday: (local.getDay() === 0 ? 7 : local.getDay()) as Weekday,
  };
}

/**
 * The instant at which the clocks of `zone` show `time` on `date`. A time skipped by the switch to
 * summer time moves forward past the gap; a time that occurs twice in autumn is its later instance.
 */
export function instantOf(date: LocalDate, time: WallTime, zone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  const minutes = minutesOf(time);
  const local = new TZDate(
    year ?? 0,
    (month ?? 1) - 1,
    day ?? 1,
    Math.floor(minutes / 60),
    minutes % 60,
    zone,
  );
  return new Date(local.getTime());
}

/** The day of the week of a calendar date (the same in every zone). */
export function weekdayOf(date: LocalDate): Weekday {
  const [year, month, day] = date.split("-").map(Number);
  const weekday = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).getUTCDay();
  return (weekday === 0 ? 7 : weekday) as Weekday;
}

/** The calendar date `days` after `date` (negative: before), counted on the calendar, not in hours. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = date.split("-").map(Number);
  const next = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days));
  return next.toISOString().slice(0, 10);
}

/**
 * The first and last calendar date that any zone shows between two instants: every zone's date
 * lies within a day of UTC's.
 */
export function datesAround(from: Date, until: Date): { first: LocalDate; last: LocalDate } {
  const utc = (instant: Date) => instant.toISOString().slice(0, 10);
  return { first: addDays(utc(from), -1), last: addDays(utc(until), 1) };
}
