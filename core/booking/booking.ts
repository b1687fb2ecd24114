import type { Location } from "./availability.ts";

/**
 * A booking moves from `held` (a client chose a slot and is confirming) to `confirmed`, and from
 * either to `cancelled`; a hold that is not confirmed in time becomes `expired`. Only held and
 * confirmed bookings take time in the staff member's calendar.
 */
export const bookingStatuses = ["held", "confirmed", "cancelled", "expired"] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export const blockingStatuses = ["held", "confirmed"] as const satisfies readonly BookingStatus[];

export type Booking = {
  id: string;
  staffUserId: string;
  clientUserId: string;
  appointmentTypeId: string;
  location: Location;
  startsAt: string;
  endsAt: string;
  /** The appointment with its buffers: the time no other booking of this staff member may touch. */
  blockedFrom: string;
  blockedUntil: string;
  status: BookingStatus;
  holdExpiresAt: string | null;
  idempotencyKey: string;
  createdByUserId: string;
  createdAt: string;
  confirmedAt: string | null;
  cancelledByUserId: string | null;
  cancelledAt: string | null;
  reason: string | null;
  /** When the reminder before the appointment went out. */
  remindedAt?: string | null;
};

/**
 * A waitlist entry waits until time frees up, is then `offered` a held booking, and ends as
 * `booked` (the client confirmed), `lapsed` (the offer ran out) or `withdrawn` (the client left).
 */
export const waitlistStatuses = ["waiting", "offered", "booked", "lapsed", "withdrawn"] as const;
export type WaitlistStatus = (typeof waitlistStatuses)[number];
