import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import type { CalendarFeedDeps, FeedEvents } from "../../core/booking/calendar-feed.ts";
import type { DeskDeps } from "../../core/booking/desk.ts";
import type { BookingSetupDeps } from "../../core/booking/setup.ts";

/** Booking's part of what pages may use, built per request by `worker/booking/services.ts`. */
export type BookingServices = {
  /** Appointments: the staff calendars and everything around them (core/booking/desk.ts). */
  bookingFor(tenant: Tenant): DeskDeps;
  /** Staff members' private calendar feeds (ADR 0013). */
  calendarFeedsFor(tenant: Tenant): CalendarFeedDeps & { events: FeedEvents };
  /** Staff hours, appointment types and the tenant's booking rules. */
  bookingSetupFor(tenant: Tenant): BookingSetupDeps;
};
