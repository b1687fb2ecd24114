import { z } from "zod";
import { addDays, minutesOf, type WallTime } from "./zoned.ts";
/**
 * The plumbing of the booking setup forms: error codes per field, zones and times as typed.
 */

export const setupErrorCodes = [
  "timeZone",
  "noticeRange",
  "horizonRange",
  "maxPerDayRange",
  "stepRange",
  "timeMissing",
  "timeInvalid",
  "endBeforeStart",
  "overlap",
  "tooManyWindows",
  "dateInvalid",
  "dateInPast",
  "kindMissing",
  "nameMissing",
  "nameTooLong",
  "durationRange",
  "bufferRange",
  "locationMissing",
  "staffUnknown",
  "cancelNoticeRange",
  "reminderRange",
  "offerHoldRange",
  "countryUnknown",
  "closureTooLong",
  "lastDateBeforeFirst",
  "labelTooLong",
] as const;
export type SetupErrorCode = (typeof setupErrorCodes)[number];

/** What is wrong with one field; `other` names the window an overlapping one collides with. */
export type FieldError = { code: SetupErrorCode; other?: string };
export type FieldErrors = Record<string, FieldError>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** A form as the browser sent it: every value a string. */
export type FormFields = Record<string, string | undefined>;

export const text = (form: FormFields, name: string) => form[name] ?? "";

/** "Area/Location" as IANA writes it, every part starting with a capital, or "UTC". */
const zoneName = /^(?:UTC|[A-Z][A-Za-z_-]*(?:\/[A-Z0-9][A-Za-z0-9_+-]*)+)$/;

/**
 * An IANA zone name such as "Europe/Amsterdam" that this runtime knows. Offsets ("+01:00"),
 * abbreviations ("EST") and other spellings of a zone ("Europe/AMSTERDAM") are refused.
 */
export function isTimeZone(zone: string): boolean {
  if (!zoneName.test(zone)) return false;
  try {
    const known = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
    // The runtime may name a zone by its canonical alias; the same name in other capitals is a typo.
    return known === zone || known.toLowerCase() !== zone.toLowerCase();
  } catch {
    return false;
  }
}

/** The zones to choose from, with `current` among them even if the runtime lists it under another name. */
export function timeZoneChoices(current: string): string[] {
  const zones = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  if (isTimeZone(current)) zones.add(current);
  return [...zones].sort();
}

/** "9:00", "9.00" and "09:00" are the same time; anything else stays as typed (and is refused). */
function normaliseTime(value: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : value.trim();
}

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

const startTime = z
  .string()
  .trim()
  .min(1, "timeMissing")
  .transform(normaliseTime)
  .refine((value) => clock.test(value), "timeInvalid");

/** An end of "00:00" (what a time picker offers) or "24:00" is the midnight that ends the day. */
const endTime = z
  .string()
  .trim()
  .min(1, "timeMissing")
  .transform(normaliseTime)
  .transform((value) => (value === "00:00" ? "24:00" : value))
  .refine((value) => value === "24:00" || clock.test(value), "timeInvalid");

export const hours = z.object({ start: startTime, end: endTime }).refine(
  // Only two readable times can be in the wrong order; a malformed one has its own error.
  ({ start, end }) =>
    !clock.test(start) || !(end === "24:00" || clock.test(end)) || minutesOf(start) < minutesOf(end),
  { message: "endBeforeStart", path: ["end"] },
);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const calendarDate = z
  .string()
  .trim()
  .regex(isoDate, "dateInvalid")
  // 2026-02-30 is no date: it does not come back unchanged from the calendar. zod runs this check
  // after a failed pattern too, so it reads only what has the shape of a date.
  .refine((date) => !isoDate.test(date) || addDays(date, 0) === date, "dateInvalid");

/** A whole number from a form field, within bounds; anything else is `code`. */
export const wholeNumber = (min: number, max: number, code: SetupErrorCode) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, code)
    .transform(Number)
    .refine((value) => value >= min && value <= max, code);

const isErrorCode = (message: string): message is SetupErrorCode =>
  (setupErrorCodes as readonly string[]).includes(message);

/**
 * The first error per field, from zod's issues (their messages are the error codes); `field`
 * turns an issue's path into the form's field name.
 */
export function errorsOf(
  error: z.ZodError,
  field: (path: PropertyKey[]) => string = (path) => String(path[0]),
) {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (!isErrorCode(issue.message))
      throw new Error(`No error code for ${issue.path.join(".")}: ${issue.message}`);
    errors[field(issue.path)] ??= { code: issue.message };
  }
  return errors;
}

export const hoursText = ({ start, end }: { start: WallTime; end: WallTime }) => `${start}–${end}`;
