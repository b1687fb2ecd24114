import { bookingSettingsSchema, holidayCountryOf, type BookingSettings } from "./settings.ts";
import { text, type FieldErrors, type FormFields, type Parsed, type SetupErrorCode } from "./setup-forms.ts";
/** The tenant's booking rules, from the admin's form. */

export type BookingRulesValues = {
  cancelNoticeHours: string;
  reminderHours: string;
  offerHoldMinutes: string;
  country: string;
};

const ruleCodes: Record<keyof BookingSettings, SetupErrorCode> = {
  cancelNoticeHours: "cancelNoticeRange",
  reminderHours: "reminderRange",
  offerHoldMinutes: "offerHoldRange",
  country: "countryUnknown",
};

export const bookingRulesValuesOf = (form: FormFields): BookingRulesValues => ({
  cancelNoticeHours: text(form, "cancelNoticeHours"),
  reminderHours: text(form, "reminderHours"),
  offerHoldMinutes: text(form, "offerHoldMinutes"),
  country: text(form, "country"),
});

export const bookingRulesValuesFrom = (settings: BookingSettings): BookingRulesValues => ({
  cancelNoticeHours: String(settings.cancelNoticeHours),
  reminderHours: String(settings.reminderHours),
  offerHoldMinutes: String(settings.offerHoldMinutes),
  country: holidayCountryOf(settings),
});

const wholeNumber = (value: string) => (/^\d{1,6}$/.test(value.trim()) ? Number(value) : NaN);

/** The rules' bounds are those of the tenant settings' own schema, so the two cannot drift apart. */
export function parseBookingRules(values: BookingRulesValues): Parsed<BookingSettings> {
  const parsed = bookingSettingsSchema.required().safeParse({
    cancelNoticeHours: wholeNumber(values.cancelNoticeHours),
    reminderHours: wholeNumber(values.reminderHours),
    offerHoldMinutes: wholeNumber(values.offerHoldMinutes),
    country: values.country.trim(),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof BookingSettings;
    errors[field] ??= { code: ruleCodes[field] };
  }
  return { ok: false, errors };
}
