import type { Slot } from "./availability.ts";
import type { Coach } from "../kernel/care-team/care-team.ts";
import { availability, bookableCoaches, type Actor, type BookableCoach, type DeskDeps } from "./desk.ts";
import { addDays, inZone, instantOf, weekdayOf, type LocalDate } from "./zoned.ts";

/**
 * What a person picks a time from: a month of their own calendar with the free slots of one staff
 * member and appointment type on each of its days. The days are the viewer's own dates (a slot at
 * 23:30 in Amsterdam is on the next day for someone in Tokyo), so every grouping goes through the
 * viewer's zone, daylight-saving changes included.
 */

/** A calendar month "YYYY-MM". */
export type Month = string;

export const isMonth = (value: string): value is Month => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** A real calendar date "YYYY-MM-DD" (no 31 April). */
export const isLocalDate = (value: string): value is LocalDate =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;

export const monthOf = (date: LocalDate): Month => date.slice(0, 7);

export function addMonths(month: Month, months: number): Month {
  const [year, number] = month.split("-").map(Number);
  const index = (year ?? 0) * 12 + (number ?? 1) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The instants between which a span of the zone's calendar days lies: [first day 00:00, day after the last 00:00). */
export function daysRange(first: LocalDate, days: number, zone: string): { from: Date; until: Date } {
  return { from: instantOf(first, "00:00", zone), until: instantOf(addDays(first, days), "00:00", zone) };
}

/** The Monday of the week a date falls in. */
export const mondayOf = (date: LocalDate): LocalDate => addDays(date, 1 - weekdayOf(date));

/** The weeks (Monday first) that show a month, with the neighbouring months' days that fill them. */
export function weeksOf(month: Month): LocalDate[][] {
  const weeks: LocalDate[][] = [];
  let monday = mondayOf(`${month}-01`);
  do {
    const start = monday;
    weeks.push(Array.from({ length: 7 }, (_, day) => addDays(start, day)));
    monday = addDays(monday, 7);
  } while (monthOf(monday) === month);
  return weeks;
}

/** Slots by the date they start on in `zone`, each date's in time order. */
export function slotsByDate(slots: readonly Slot[], zone: string): Map<LocalDate, Slot[]> {
  const byDate = new Map<LocalDate, Slot[]>();
  for (const slot of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const date = inZone(slot.startsAt, zone).date;
    byDate.set(date, [...(byDate.get(date) ?? []), slot]);
  }
  return byDate;
}

/** How far ahead the month view lets anyone page, whatever a staff member's horizon. */
const furthestMonths = 24;

export type FreeMonth = {
  month: Month;
  /** The viewer's today. */
  today: LocalDate;
  /** `full`: the day has hours, but no free time left. */
  weeks: { date: LocalDate; inMonth: boolean; free: number; full: boolean }[][];
  /** The free slots of each date of the month that has any. */
  byDate: Record<LocalDate, Slot[]>;
  /** The month before, unless it lies wholly in the past. */
  previous: Month | null;
  /** The month after, when it has free time. */
  next: Month | null;
};

/**
 * The free time of a staff member and type in one month of the viewer's calendar: which days have
 * slots and how many, and whether the next month has any (so a "next month" link never leads to
 * an empty page beyond the staff member's horizon). Null when the person may not book them.
 * A month before the current one, or too far ahead, becomes the nearest allowed month.
 */
export async function freeMonth(
  deps: DeskDeps,
  actor: Actor,
  query: { staffUserId: string; appointmentTypeId: string; month: Month | null; zone: string },
): Promise<FreeMonth | null> {
  const today = inZone(deps.now(), query.zone).date;
  const current = monthOf(today);
  const last = addMonths(current, furthestMonths);
  const wanted = query.month && isMonth(query.month) ? query.month : current;
  const month = wanted < current ? current : wanted > last ? last : wanted;
  const from = instantOf(`${month}-01`, "00:00", query.zone);
  const until = instantOf(`${addMonths(month, 2)}-01`, "00:00", query.zone);
  const slots = await availability(deps, actor, {
    staffUserId: query.staffUserId,
    appointmentTypeId: query.appointmentTypeId,
    from,
    until,
  });
  if (!slots) return null;
  const byDate = slotsByDate(slots, query.zone);
  // Days of this month, from today on, with hours but every slot taken: a client may wait for one.
  const closedOrFull = weeksOf(month)
    .flat()
    .filter((date) => monthOf(date) === month && date >= today && !byDate.has(date));
  const open =
    closedOrFull.length > 0
      ? slotsByDate(
          (await availability(deps, actor, {
            staffUserId: query.staffUserId,
            appointmentTypeId: query.appointmentTypeId,
            from,
            until: instantOf(`${addMonths(month, 1)}-01`, "00:00", query.zone),
            kind: "open",
          })) ?? [],
          query.zone,
        )
      : new Map<LocalDate, Slot[]>();
  const inThisMonth = Object.fromEntries([...byDate].filter(([date]) => monthOf(date) === month));
  const nextHasTime = [...byDate.keys()].some((date) => monthOf(date) > month);
  return {
    month,
    today,
    weeks: weeksOf(month).map((week) =>
      week.map((date) => ({
        date,
        inMonth: monthOf(date) === month,
        free: monthOf(date) === month ? (byDate.get(date)?.length ?? 0) : 0,
        full: closedOrFull.includes(date) && open.has(date),
      })),
    ),
    byDate: inThisMonth,
    previous: month > current ? addMonths(month, -1) : null,
    next: nextHasTime && month < last ? addMonths(month, 1) : null,
  };
}

/**
 * Whom a client can book, and the people of their care team who cannot be booked yet (no hours
 * or no appointment types), so the page can say whom to ask instead of showing nothing.
 */
export async function bookingChoices(
  deps: DeskDeps,
  client: Actor,
): Promise<{ coaches: BookableCoach[]; notBookable: Coach[] }> {
  if (client.role !== "client") return { coaches: [], notBookable: [] };
  const [coaches, team] = await Promise.all([
    bookableCoaches(deps, client),
    deps.careTeams.coachesOf(client.id),
  ]);
  const bookable = new Set(coaches.map((coach) => coach.userId));
  return { coaches, notBookable: team.filter((coach) => !bookable.has(coach.userId)) };
}
