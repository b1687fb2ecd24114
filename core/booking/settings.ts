import { z } from "zod";

/**
 * The countries whose public holidays close booking (their rules are in
 * public-holidays.data.json, made by `npm run holidays`, ADR 0022).
 */
export const holidayCountries = ["NL", "BE", "LU", "DE", "FR", "AT", "CH", "GB", "IE", "DK"] as const;
export type HolidayCountry = (typeof holidayCountries)[number];
export const defaultHolidayCountry: HolidayCountry = "NL";

/** A tenant's booking rules, part of its tenant settings. */
export const bookingSettingsSchema = z.object({
  /** A client cannot cancel or move an appointment this close to its start; staff can, audited. */
  cancelNoticeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14),
  /** The reminder goes out this long before an appointment; 0: no reminders. */
  reminderHours: z.number().int().min(0).max(72),
  /** How long a waiting client's offer of freed time stays reserved for them. */
  offerHoldMinutes: z
    .number()
    .int()
    .min(10)
    .max(24 * 60),
  /** ISO 3166-1 alpha-2; settings stored before it existed have none and mean the default. */
  country: z.enum(holidayCountries).optional(),
});

export type BookingSettings = z.infer<typeof bookingSettingsSchema>;

export const defaultBookingSettings: BookingSettings = {
  cancelNoticeHours: 24,
  reminderHours: 24,
  offerHoldMinutes: 60,
  country: defaultHolidayCountry,
};

/** The country whose public holidays close the tenant's booking. */
export const holidayCountryOf = (settings: Pick<BookingSettings, "country"> | null): HolidayCountry =>
  settings?.country ?? defaultHolidayCountry;
