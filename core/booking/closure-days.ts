import { z } from "zod";
import type { Language } from "../kernel/tenants/languages.ts";
import { publicHolidaysBetween } from "./public-holidays.ts";
import type { HolidayCountry } from "./settings.ts";
import {
  calendarDate,
  errorsOf,
  text,
  type FieldErrors,
  type FormFields,
  type Parsed,
} from "./setup-forms.ts";
import { addDays, type LocalDate } from "./zoned.ts";

/**
 * Days nobody of the tenant can be booked: the public holidays of its country and the closure
 * days its admin sets (a date or a range of dates, e.g. "Teamdag"). A staff member still opens
 * such a day on purpose with extra hours on that date (availability.ts).
 */

export type ClosureDay = { id: string; firstDate: LocalDate; lastDate: LocalDate; label: string | null };
export type NewClosureDay = Omit<ClosureDay, "id">;

/** What closes the tenant's days: its country's holidays and its own closure days. */
export type TenantClosures = { country: HolidayCountry; closureDays: readonly NewClosureDay[] };

/** The closed dates from `first` to `last` (both included). */
export function closedDatesBetween(
  closures: TenantClosures,
  first: LocalDate,
  last: LocalDate,
): Set<LocalDate> {
  // The language only names the holidays, which this does not need.
  const closed = new Set(publicHolidaysBetween(closures.country, first, last, "en").map(({ date }) => date));
  for (const closure of closures.closureDays) {
    const from = closure.firstDate > first ? closure.firstDate : first;
    const until = closure.lastDate < last ? closure.lastDate : last;
    for (let date = from; date <= until; date = addDays(date, 1)) closed.add(date);
  }
  return closed;
}

/** A closed day as the pages show it: a public holiday with its name, or a closure day with its label. */
export type ClosedDay =
  | { kind: "holiday"; firstDate: LocalDate; lastDate: LocalDate; name: string }
  | { kind: "closure"; id: string; firstDate: LocalDate; lastDate: LocalDate; label: string | null };

/** The holidays and closure days that touch `first` to `last`, in date order. */
export function closedDaysBetween(
  country: HolidayCountry,
  closureDays: readonly ClosureDay[],
  first: LocalDate,
  last: LocalDate,
  language: Language,
): ClosedDay[] {
  const holidays = publicHolidaysBetween(country, first, last, language).map(({ date, name }): ClosedDay => ({
    kind: "holiday",
    firstDate: date,
    lastDate: date,
    name,
  }));
  const own = closureDays
    .filter((closure) => closure.lastDate >= first && closure.firstDate <= last)
    .map((closure): ClosedDay => ({ kind: "closure", ...closure }));
  return [...holidays, ...own].sort((a, b) => a.firstDate.localeCompare(b.firstDate));
}

/** A closure of more days than this is no closure but a pause of the whole practice. */
export const longestClosureDays = 366;
export const labelMaxLength = 80;

export type ClosureDayValues = { firstDate: string; lastDate: string; label: string };

export const closureDayValuesOf = (form: FormFields): ClosureDayValues => ({
  firstDate: text(form, "firstDate").trim(),
  lastDate: text(form, "lastDate").trim(),
  label: text(form, "label").trim(),
});

/**
 * A closure from `today` (the tenant's date) on: one date, or a range when the last date is given.
 * A last date before the first is refused at the last date.
 */
export function parseClosureDay(values: ClosureDayValues, today: LocalDate): Parsed<NewClosureDay> {
  const first = calendarDate.refine((value) => value >= today, "dateInPast").safeParse(values.firstDate);
  const last = values.lastDate === "" ? null : calendarDate.safeParse(values.lastDate);
  const label = z.string().max(labelMaxLength, "labelTooLong").safeParse(values.label);
  const errors: FieldErrors = {
    ...(first.success ? {} : errorsOf(first.error, () => "firstDate")),
    ...(last && !last.success ? errorsOf(last.error, () => "lastDate") : {}),
    ...(label.success ? {} : errorsOf(label.error, () => "label")),
  };
  if (first.success && last?.success) {
    if (last.data < first.data) errors.lastDate = { code: "lastDateBeforeFirst" };
    else if (last.data > addDays(first.data, longestClosureDays - 1))
      errors.lastDate = { code: "closureTooLong" };
  }
  if (!first.success || (last && !last.success) || !label.success || Object.keys(errors).length > 0)
    return { ok: false, errors };
  return {
    ok: true,
    value: { firstDate: first.data, lastDate: last?.data ?? first.data, label: label.data || null },
  };
}
