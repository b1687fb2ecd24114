import { bookingSettingsSchema, type BookingSettings } from "./settings.ts";
import { text, type FieldErrors, type FormFields, type Parsed, type SetupErrorCode } from "./setup-forms.ts";
/** The tenant's booking rules, from the admin's form. */

export type BookingRulesValues = {
  cancelNoticeHours: string;
  reminderHours: string;
  offerHoldMinutes: string;
};

const ruleCodes: Record<keyof BookingSettings, SetupErrorCode> = {
  cancelNoticeHours: "cancelNoticeRange",
  reminderHours: "reminderRange",
  offerHoldMinutes: "offerHoldRange",
};

export const bookingRulesValuesOf = (form: FormFields): BookingRulesValues => ({
  cancelNoticeHours: text(form, "cancelNoticeHours"),
  reminderHours: text(form, "reminderHours"),
  offerHoldMinutes: text(form, "offerHoldMinutes"),
});

export const bookingRulesValuesFrom = (settings: BookingSettings): BookingRulesValues => ({
  cancelNoticeHours: String(settings.cancelNoticeHours),
  reminderHours: String(settings.reminderHours),
  offerHoldMinutes: String(settings.offerHoldMinutes),
});

/** The rules' bounds are those of the tenant settings' own schema, so the two cannot drift apart. */
export function parseBookingRules(values: BookingRulesValues): Parsed<BookingSettings> {
  const numbers = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, /^\d{1,6}$/.test(value.trim()) ? Number(value) : NaN]),
  );
  const parsed = bookingSettingsSchema.safeParse(numbers);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof BookingSettings;
    errors[field] ??= { code: ruleCodes[field] };
  }
  return { ok: false, errors };
}
