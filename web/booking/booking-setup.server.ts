import type { AppLoadContext } from "@remix-run/cloudflare";
import type { Account } from "../../core/kernel/auth/accounts.ts";
import type { Access } from "../../core/kernel/auth/access.ts";
import { bookingSettingsSchema, holidayCountries, type HolidayCountry } from "../../core/booking/settings.ts";
import { labelMaxLength, longestClosureDays, type ClosedDay } from "../../core/booking/closure-days.ts";
import type { FieldErrors, SetupErrorCode } from "../../core/booking/setup-forms.ts";
import { maxWindowsPerDay, profileLimits } from "../../core/booking/setup-hours.ts";
import { typeLimits } from "../../core/booking/setup-types.ts";
import type { SetupActor } from "../../core/booking/setup.ts";
import type { Language } from "../../core/kernel/tenants/languages.ts";
import { guard, originOf } from "../kernel/auth.server.ts";
import type { ShownErrors } from "./components/BookingSetupFields.tsx";
import type { ShownClosedDay } from "./components/ClosedDayList.tsx";

/**
 * What the booking setup pages share: the guard (the access a page declares, which names the
 * booking feature), and dates as the viewer reads them.
 */
export function requireBookingSetup(
  context: AppLoadContext,
  request: Request,
  access: Access & { feature: "booking" },
) {
  const user = guard({ context, request }, access);
  return { ...user, deps: context.services.bookingSetupFor(user.tenant) };
}

export const actorOf = (account: Account, request: Request): SetupActor => ({
  userId: account.id,
  timeZone: account.timeZone,
  origin: originOf(request),
});

const locales: Record<Language, string> = { nl: "nl-NL", en: "en-GB" };

/** "maandag 24 december 2026": a calendar date of the staff member's own calendar, as such. */
export function dateLabel(language: Language) {
  const format = new Intl.DateTimeFormat(locales[language], {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return (date: string) => format.format(new Date(`${date}T12:00:00Z`));
}

/** The closed days as the setup pages list them, their dates written out in the page's language. */
export function shownClosedDays(days: readonly ClosedDay[], language: Language): ShownClosedDay[] {
  const label = dateLabel(language);
  return days.map((day) => {
    const dates = {
      first: label(day.firstDate),
      last: day.lastDate === day.firstDate ? null : label(day.lastDate),
    };
    return day.kind === "holiday"
      ? { kind: "holiday", key: `holiday-${day.firstDate}-${day.name}`, ...dates, name: day.name }
      : { kind: "closure", key: day.id, ...dates, label: day.label };
  });
}

/** A country's name in the page's language ("Nederland", "Netherlands"). */
export const countryName = (language: Language) => {
  const names = new Intl.DisplayNames([locales[language]], { type: "region" });
  return (country: HolidayCountry) => names.of(country) ?? country;
};

/** The countries whose public holidays a tenant can choose, by name. */
export function countryChoices(language: Language) {
  const name = countryName(language);
  return holidayCountries
    .map((country) => ({ value: country, label: name(country) }))
    .sort((a, b) => a.label.localeCompare(b.label, locales[language]));
}

/** The bounds a range error names, so the message says what is allowed. */
const settingsBounds = (field: "cancelNoticeHours" | "reminderHours" | "offerHoldMinutes") => ({
  min: bookingSettingsSchema.shape[field].minValue ?? 0,
  max: bookingSettingsSchema.shape[field].maxValue ?? 0,
});
const bounds: Partial<Record<SetupErrorCode, { min: number; max: number }>> = {
  noticeRange: profileLimits.minimumNoticeHours,
  horizonRange: profileLimits.horizonDays,
  maxPerDayRange: profileLimits.maxPerDay,
  stepRange: profileLimits.slotStepMinutes,
  tooManyWindows: { min: 1, max: maxWindowsPerDay },
  nameTooLong: { min: 1, max: typeLimits.name.max },
  durationRange: typeLimits.durationMinutes,
  bufferRange: typeLimits.bufferMinutes,
  cancelNoticeRange: settingsBounds("cancelNoticeHours"),
  reminderRange: settingsBounds("reminderHours"),
  offerHoldRange: settingsBounds("offerHoldMinutes"),
  closureTooLong: { min: 1, max: longestClosureDays },
  labelTooLong: { min: 0, max: labelMaxLength },
};

export function shownErrors(errors: FieldErrors): ShownErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, error]) => [
      field,
      {
        key: `bookingSetup.errors.${error.code}`,
        values: { ...bounds[error.code], ...(error.other ? { other: error.other } : {}) },
      },
    ]),
  );
}
