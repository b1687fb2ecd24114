import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { locations } from "../../core/booking/availability.ts";
import { bookingStatuses, waitlistStatuses } from "../../core/booking/booking.ts";

/** Booking's tables (core/booking, ADR 0012): staff's hours, what can be booked, the bookings. */

/** A staff member's booking rules; their weekly hours are read in `time_zone`. */
export const bookingProfiles = sqliteTable(
  "booking_profiles",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    staffUserId: text("staff_user_id").notNull(),
    timeZone: text("time_zone").notNull(),
    minimumNoticeMinutes: integer("minimum_notice_minutes").notNull(),
    horizonDays: integer("horizon_days").notNull(),
    maxPerDay: integer("max_per_day"),
    slotStepMinutes: integer("slot_step_minutes").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (table) => [uniqueIndex("booking_profiles_staff_idx").on(table.tenantId, table.staffUserId)],
);

/** Weekly recurring hours: weekday 1 (Monday) to 7, wall-clock "HH:MM" in the profile's zone. */
export const availabilityWindows = sqliteTable(
  "availability_windows",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    staffUserId: text("staff_user_id").notNull(),
    weekday: integer("weekday").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("availability_windows_staff_idx").on(table.tenantId, table.staffUserId),
    check("availability_windows_weekday", sql`${table.weekday} between 1 and 7`),
    check("availability_windows_order", sql`${table.startTime} < ${table.endTime}`),
  ],
);

/** A day off, or extra hours on one date of the staff member's calendar. */
export const availabilityExceptions = sqliteTable(
  "availability_exceptions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    staffUserId: text("staff_user_id").notNull(),
    date: text("date").notNull(),
    kind: text("kind", { enum: ["dayOff", "extraHours"] }).notNull(),
    startTime: text("start_time"),
    endTime: text("end_time"),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("availability_exceptions_staff_idx").on(table.tenantId, table.staffUserId, table.date),
    check(
      "availability_exceptions_hours",
      sql`(${table.kind} = 'dayOff' and ${table.startTime} is null and ${table.endTime} is null) or (${table.kind} = 'extraHours' and ${table.startTime} < ${table.endTime})`,
    ),
  ],
);

/** What can be booked: for the whole tenant, or for one staff member when `staff_user_id` is set. */
export const appointmentTypes = sqliteTable(
  "appointment_types",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    staffUserId: text("staff_user_id"),
    name: text("name").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    location: text("location", { enum: locations }).notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("appointment_types_tenant_idx").on(table.tenantId, table.staffUserId),
    check(
      "appointment_types_minutes",
      sql`${table.durationMinutes} > 0 and ${table.bufferBeforeMinutes} >= 0 and ${table.bufferAfterMinutes} >= 0`,
    ),
  ],
);

/**
 * Appointments with a staff member. `blocked_from`/`blocked_until` include the type's buffers;
 * held and confirmed rows of one staff member never overlap there. Every insert goes through
 * the guarded statement of db/booking/store.ts (ADR 0012). Times are ISO UTC strings, so
 * comparing them as text compares the instants.
 */
export const bookings = sqliteTable(
  "bookings",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    staffUserId: text("staff_user_id").notNull(),
    clientUserId: text("client_user_id").notNull(),
    appointmentTypeId: text("appointment_type_id").notNull(),
    location: text("location", { enum: locations }).notNull(),
    startsAt: text("starts_at").notNull(),
    endsAt: text("ends_at").notNull(),
    blockedFrom: text("blocked_from").notNull(),
    blockedUntil: text("blocked_until").notNull(),
    status: text("status", { enum: bookingStatuses }).notNull(),
    holdExpiresAt: text("hold_expires_at"),
    idempotencyKey: text("idempotency_key").notNull(),
    createdByUserId: text("created_by_user_id").notNull(),
    createdAt: text("created_at").notNull(),
    confirmedAt: text("confirmed_at"),
    cancelledByUserId: text("cancelled_by_user_id"),
    cancelledAt: text("cancelled_at"),
    reason: text("reason"),
    /** When the reminder before the appointment was sent; null until then. */
    remindedAt: text("reminded_at"),
  },
  (table) => [
    uniqueIndex("bookings_idempotency_idx").on(table.tenantId, table.idempotencyKey),
    index("bookings_staff_idx").on(table.tenantId, table.staffUserId, table.blockedFrom),
    index("bookings_client_idx").on(table.tenantId, table.clientUserId, table.startsAt),
    check(
      "bookings_times",
      sql`${table.blockedFrom} <= ${table.startsAt} and ${table.startsAt} < ${table.endsAt} and ${table.endsAt} <= ${table.blockedUntil}`,
    ),
    check("bookings_hold", sql`${table.status} <> 'held' or ${table.holdExpiresAt} is not null`),
  ],
);

/**
 * A client waiting for time with a staff member on one day (the day as the client sees it, kept
 * as the instants it spans). When time frees up there, the first one waiting gets it held as an
 * offer (`offered`, with the held booking); booked or lapsed offers end the entry.
 */
export const waitlistEntries = sqliteTable(
  "waitlist_entries",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    staffUserId: text("staff_user_id").notNull(),
    clientUserId: text("client_user_id").notNull(),
    appointmentTypeId: text("appointment_type_id").notNull(),
    /** The client's date, shown back to them as they chose it. */
    date: text("date").notNull(),
    fromAt: text("from_at").notNull(),
    untilAt: text("until_at").notNull(),
    status: text("status", { enum: waitlistStatuses }).notNull(),
    offeredBookingId: text("offered_booking_id"),
    createdAt: text("created_at").notNull(),
    endedAt: text("ended_at"),
  },
  (table) => [
    index("waitlist_entries_staff_idx").on(table.tenantId, table.staffUserId, table.status, table.createdAt),
    index("waitlist_entries_client_idx").on(table.tenantId, table.clientUserId, table.status),
    check("waitlist_entries_span", sql`${table.fromAt} < ${table.untilAt}`),
  ],
);

/** A staff member's private calendar feed: only the SHA-256 of its token is kept; revoked ones stay for the record. */
export const calendarFeeds = sqliteTable(
  "calendar_feeds",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    staffUserId: text("staff_user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: text("created_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (table) => [
    uniqueIndex("calendar_feeds_token_idx").on(table.tokenHash),
    index("calendar_feeds_staff_idx").on(table.tenantId, table.staffUserId),
  ],
);

/**
 * A day or a range of days on which nobody of the tenant can be booked (set by its admin), with
 * an optional label such as "Teamdag". Dates are the tenant's calendar dates, both included.
 */
export const closureDays = sqliteTable(
  "closure_days",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    firstDate: text("first_date").notNull(),
    lastDate: text("last_date").notNull(),
    label: text("label"),
    createdByUserId: text("created_by_user_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("closure_days_tenant_idx").on(table.tenantId, table.lastDate),
    check("closure_days_order", sql`${table.firstDate} <= ${table.lastDate}`),
  ],
);
