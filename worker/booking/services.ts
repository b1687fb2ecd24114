import { D1BookingRecords } from "../../db/booking/records.ts";
import { D1CalendarFeedStore } from "../../db/booking/calendar-feed-store.ts";
import { D1BookingSetupStore } from "../../db/booking/setup-store.ts";
import { D1WaitlistStore } from "../../db/booking/waitlist-store.ts";
import { D1AuditLog } from "../../db/kernel/audit-log.ts";
import { D1CareTeamStore } from "../../db/kernel/care-team-store.ts";
import type { BookingServices } from "../../web/booking/services.ts";
import type { ServicesOf } from "../capabilities.ts";
import { DurableAttemptLimiter } from "../kernel/auth/attempt-limiter.ts";
import { DurableStaffCalendars } from "./staff-calendars.ts";

/** Booking's services of one request: the staff calendars, their private feeds and the booking setup. */
export const bookingServices: ServicesOf<BookingServices> = ({ env, data, notificationsFor, now }) => ({
  bookingFor(tenant) {
    const scope = data.scopeIn(tenant.cell, tenant.id);
    return {
      calendars: new DurableStaffCalendars(env.STAFF_CALENDAR, tenant),
      records: new D1BookingRecords(scope),
      careTeams: new D1CareTeamStore(scope),
      waitlist: new D1WaitlistStore(scope),
      audit: new D1AuditLog(scope),
      notify: notificationsFor(tenant).notify,
      settings: tenant.settings.booking,
      now,
    };
  },
  calendarFeedsFor(tenant) {
    const scope = data.scopeIn(tenant.cell, tenant.id);
    return {
      feeds: new D1CalendarFeedStore(scope),
      events: new D1BookingRecords(scope),
      audit: new D1AuditLog(scope),
      limiter: new DurableAttemptLimiter(env.RATE_LIMITER, tenant.id),
      now,
    };
  },
  bookingSetupFor(tenant) {
    const scope = data.scopeIn(tenant.cell, tenant.id);
    return {
      store: new D1BookingSetupStore(scope),
      audit: new D1AuditLog(scope),
      settings: data.settingsIn(tenant.cell),
      tenantId: tenant.id,
      now,
    };
  },
});
