import { z } from "zod";
import type { BookingRules, WeeklyWindow } from "./availability.ts";
import { minutesOf, type WallTime, type Weekday } from "./zoned.ts";
import {
  errorsOf,
  hours,
  hoursText,
  isTimeZone,
  text,
  wholeNumber,
  type FieldErrors,
  type FormFields,
  type Parsed,
} from "./setup-forms.ts";
import type { BookingProfile, StaffAvailability } from "./setup.ts";
/** A staff member's profile (zone and rules) and weekly hours, from the hours form. */

export const weekdays: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
/** More windows than this on one weekday is a mistake, not a schedule. */
export const maxWindowsPerDay = 12;

export const profileLimits = {
  minimumNoticeHours: { min: 0, max: 24 * 30 },
  horizonDays: { min: 1, max: 730 },
  maxPerDay: { min: 1, max: 50 },
  slotStepMinutes: { min: 5, max: 60 },
} as const;

/** What a new staff member starts from: a day's notice is often too much, none too little. */
export const defaultProfileRules: BookingRules = {
  minimumNoticeMinutes: 12 * 60,
  horizonDays: 60,
  maxPerDay: null,
  slotStepMinutes: 15,
};

export type WindowValues = { start: string; end: string };
/** The hours form as typed: the profile's fields, and per weekday (Monday first) its rows. */
export type AvailabilityValues = {
  timeZone: string;
  minimumNoticeHours: string;
  horizonDays: string;
  maxPerDay: string;
  slotStepMinutes: string;
  week: WindowValues[][];
};

/** The form field of one edge of one window: `day1-0-start` is Monday's first start. */
export const windowField = (weekday: Weekday, index: number, edge: "start" | "end") =>
  `day${weekday}-${index}-${edge}`;
/** Where an error about a whole weekday is shown. */
export const dayField = (weekday: Weekday) => `day${weekday}`;

const profileSchema = z.object({
  timeZone: z.string().trim().refine(isTimeZone, "timeZone"),
  minimumNoticeHours: wholeNumber(
    profileLimits.minimumNoticeHours.min,
    profileLimits.minimumNoticeHours.max,
    "noticeRange",
  ),
  horizonDays: wholeNumber(profileLimits.horizonDays.min, profileLimits.horizonDays.max, "horizonRange"),
  /** Empty: no daily maximum. */
  maxPerDay: z
    .string()
    .trim()
    .refine(
      (value) =>
        value === "" ||
        (/^\d{1,6}$/.test(value) &&
          Number(value) >= profileLimits.maxPerDay.min &&
          Number(value) <= profileLimits.maxPerDay.max),
      "maxPerDayRange",
    )
    .transform((value) => (value === "" ? null : Number(value))),
  slotStepMinutes: wholeNumber(
    profileLimits.slotStepMinutes.min,
    profileLimits.slotStepMinutes.max,
    "stepRange",
  ),
});

/** The stored hours as the form shows them; a staff member without a profile starts in their own zone. */
export function availabilityValuesFrom(availability: StaffAvailability, ownZone: string): AvailabilityValues {
  const profile = availability.profile ?? { ...defaultProfileRules, timeZone: ownZone };
  return {
    timeZone: profile.timeZone,
    minimumNoticeHours: String(Math.round(profile.minimumNoticeMinutes / 60)),
    horizonDays: String(profile.horizonDays),
    maxPerDay: profile.maxPerDay === null ? "" : String(profile.maxPerDay),
    slotStepMinutes: String(profile.slotStepMinutes),
    week: weekdays.map((weekday) =>
      availability.weekly
        .filter((window) => window.weekday === weekday)
        .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
        .map(({ start, end }) => ({ start, end })),
    ),
  };
}

/** The hours form's values from the posted fields, rows in the order they were on the page. */
export function availabilityValuesOf(form: FormFields): AvailabilityValues {
  return {
    timeZone: text(form, "timeZone"),
    minimumNoticeHours: text(form, "minimumNoticeHours"),
    horizonDays: text(form, "horizonDays"),
    maxPerDay: text(form, "maxPerDay"),
    slotStepMinutes: text(form, "slotStepMinutes"),
    week: weekdays.map((weekday) => {
      const rows: WindowValues[] = [];
      // A crafted form cannot make the page endless: rows beyond a few more than allowed are dropped.
      for (let index = 0; index <= maxWindowsPerDay + 4; index++) {
        const start = form[windowField(weekday, index, "start")];
        const end = form[windowField(weekday, index, "end")];
        if (start === undefined && end === undefined) break;
        rows.push({ start: start ?? "", end: end ?? "" });
      }
      return rows;
    }),
  };
}

/** One more (empty) row on a weekday, for the form without client scripts. */
export function withRowAdded(values: AvailabilityValues, weekday: Weekday): AvailabilityValues {
  return {
    ...values,
    week: values.week.map((rows, day) =>
      day === weekday - 1 && rows.length < maxWindowsPerDay ? [...rows, { start: "", end: "" }] : rows,
    ),
  };
}

export function withRowRemoved(
  values: AvailabilityValues,
  weekday: Weekday,
  index: number,
): AvailabilityValues {
  return {
    ...values,
    week: values.week.map((rows, day) =>
      day === weekday - 1 ? rows.filter((_, row) => row !== index) : rows,
    ),
  };
}

/**
 * The profile and the weekly windows of a hours form. A row left empty on both ends is no window;
 * every other row needs a start before its end, and windows of one weekday may touch but not overlap.
 */
export function parseAvailability(
  values: AvailabilityValues,
): Parsed<{ profile: BookingProfile; weekly: WeeklyWindow[] }> {
  const profile = profileSchema.safeParse(values);
  const errors: FieldErrors = profile.success ? {} : errorsOf(profile.error);
  const weekly: WeeklyWindow[] = [];
  weekdays.forEach((weekday) => {
    const rows = values.week[weekday - 1] ?? [];
    const filled = rows.filter((row) => row.start.trim() || row.end.trim());
    if (filled.length > maxWindowsPerDay) errors[dayField(weekday)] = { code: "tooManyWindows" };
    const accepted: { index: number; start: WallTime; end: WallTime }[] = [];
    rows.forEach((row, index) => {
      if (!row.start.trim() && !row.end.trim()) return;
      const parsed = hours.safeParse(row);
      if (!parsed.success) {
        Object.assign(
          errors,
          errorsOf(parsed.error, (path) => windowField(weekday, index, path[0] === "end" ? "end" : "start")),
        );
        return;
      }
      const clash = accepted.find(
        (other) =>
          minutesOf(other.start) < minutesOf(parsed.data.end) &&
          minutesOf(parsed.data.start) < minutesOf(other.end),
      );
      if (clash) {
        errors[windowField(weekday, index, "start")] = { code: "overlap", other: hoursText(clash) };
        return;
      }
      accepted.push({ index, ...parsed.data });
      weekly.push({ weekday, ...parsed.data });
    });
  });
  if (!profile.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const { minimumNoticeHours, ...rules } = profile.data;
  return {
    ok: true,
    value: {
      profile: { ...rules, minimumNoticeMinutes: minimumNoticeHours * 60 },
      weekly: weekly.sort((a, b) => a.weekday - b.weekday || minutesOf(a.start) - minutesOf(b.start)),
    },
  };
}
