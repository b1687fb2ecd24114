import { z } from "zod";

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
});

export type BookingSettings = z.infer<typeof bookingSettingsSchema>;

export const defaultBookingSettings: BookingSettings = {
  cancelNoticeHours: 24,
  reminderHours: 24,
  offerHoldMinutes: 60,
};
