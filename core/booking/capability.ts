import { declareCapability } from "../kernel/capability.ts";
import { bookingSettingsSchema, defaultBookingSettings } from "./settings.ts";

/** Appointments with staff, their hours, the waiting list and calendar files (ADR 0012, 0013). */
export const booking = declareCapability({
  name: "booking",
  feature: { key: "booking", path: "/booking", plans: ["begeleiding"] },
  ids: {
    booking: "bkg",
    bookingProfile: "bpr",
    availabilityWindow: "avw",
    availabilityException: "avx",
    appointmentType: "apt",
    waitlistEntry: "wle",
    calendarFeed: "cfd",
    closureDay: "cld",
  },
  notificationKinds: {
    booking: { inApp: true, optional: true, urgent: false, defaults: { mail: true, sms: false } },
    // Before an appointment (cron, core/booking/reminders.ts).
    "booking-reminder": { inApp: true, optional: true, urgent: false, defaults: { mail: true, sms: false } },
    // Time freed up on a day a client waits for; the offer runs out soon, so it never waits.
    "waitlist-offer": { inApp: true, optional: true, urgent: true, defaults: { mail: true, sms: false } },
  },
  settings: { schema: bookingSettingsSchema, defaults: defaultBookingSettings },
  permissions: {
    "appointments:book": ["client"],
    "agenda:manage-own": ["staff", "admin"],
    "appointment-types:manage": ["admin"],
    "closure-days:manage": ["admin"],
  },
  auditActions: [
    "booking.created",
    "booking.confirmed",
    "booking.cancelled",
    "booking.restored",
    "booking.closure-added",
    "booking.closure-removed",
    "booking.moved",
    "booking.viewed",
    "booking.agenda-viewed",
    "booking.waitlist-joined",
    "booking.waitlist-offered",
    "booking.hours-changed",
    "booking.exception-added",
    "booking.exception-removed",
    "booking.type-created",
    "booking.type-changed",
    "booking.type-deactivated",
    "booking.type-reactivated",
    "booking.rules-changed",
    "booking.feed-issue",
    "booking.feed-read",
    "booking.feed-revoke",
  ],
});
