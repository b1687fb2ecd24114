import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { blockingStatuses, type Booking } from "../../core/booking/booking.ts";
import type {
  BookingStore,
  CalendarState,
  CalendarStateRequest,
  Replaced,
} from "../../core/booking/calendar.ts";
import type { ReminderStore } from "../../core/booking/reminders.ts";
import { holidayCountryOf } from "../../core/booking/settings.ts";
import { datesAround, type Weekday } from "../../core/booking/zoned.ts";
import {
  appointmentTypes,
  availabilityExceptions,
  availabilityWindows,
  bookingProfiles,
  bookings,
  closureDays,
} from "./schema.ts";
import { tenantSettings } from "../kernel/schema.ts";
import type { TenantScope } from "../kernel/scope.ts";

export class D1BookingStore implements BookingStore, ReminderStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async calendarState(request: CalendarStateRequest): Promise<CalendarState | null> {
    const scope = this.#scope;
    const { staffUserId } = request;
    const dates = datesAround(request.from, request.until);
    const [, [profile], windows, exceptions, [type], busy, [settings], closures] = await scope.batch([
      this.#expireHoldsStatement(staffUserId, request.now),
      scope.select(bookingProfiles, { where: eq(bookingProfiles.staffUserId, staffUserId), limit: 1 }),
      scope.select(availabilityWindows, {
        where: eq(availabilityWindows.staffUserId, staffUserId),
        limit: 500,
      }),
      scope.select(availabilityExceptions, {
        where: eq(availabilityExceptions.staffUserId, staffUserId),
        orderBy: asc(availabilityExceptions.date),
        limit: 1_000,
      }),
      scope.select(appointmentTypes, {
        where: and(
          eq(appointmentTypes.id, request.appointmentTypeId),
          eq(appointmentTypes.active, true),
          or(isNull(appointmentTypes.staffUserId), eq(appointmentTypes.staffUserId, staffUserId)),
        ),
        limit: 1,
      }),
      scope.select(bookings, {
        where: and(
          eq(bookings.staffUserId, staffUserId),
          request.except ? ne(bookings.id, request.except) : undefined,
          inArray(bookings.status, blockingStatuses),
          lt(bookings.blockedFrom, request.until.toISOString()),
          gt(bookings.blockedUntil, request.from.toISOString()),
        ),
        orderBy: asc(bookings.blockedFrom),
        limit: 5_000,
      }),
      scope.select(tenantSettings, { limit: 1 }),
      scope.select(closureDays, {
        where: and(gte(closureDays.lastDate, dates.first), lte(closureDays.firstDate, dates.last)),
        orderBy: asc(closureDays.firstDate),
        limit: 1_000,
      }),
    ]);
    if (!profile || !type) return null;
    return {
      schedule: {
        timeZone: profile.timeZone,
        weekly: windows.map((window) => ({
          weekday: window.weekday as Weekday,
          start: window.startTime,
          end: window.endTime,
        })),
        exceptions: exceptions.map((exception) =>
          exception.kind === "extraHours" && exception.startTime && exception.endTime
            ? { kind: "extraHours", date: exception.date, start: exception.startTime, end: exception.endTime }
            : { kind: "dayOff", date: exception.date },
        ),
      },
      rules: {
        minimumNoticeMinutes: profile.minimumNoticeMinutes,
        horizonDays: profile.horizonDays,
        maxPerDay: profile.maxPerDay,
        slotStepMinutes: profile.slotStepMinutes,
      },
      type: {
        id: type.id,
        name: type.name,
        location: type.location,
        durationMinutes: type.durationMinutes,
        bufferBeforeMinutes: type.bufferBeforeMinutes,
        bufferAfterMinutes: type.bufferAfterMinutes,
      },
      busy: busy.map(({ startsAt, blockedFrom, blockedUntil }) => ({ startsAt, blockedFrom, blockedUntil })),
      closures: {
        country: holidayCountryOf(settings?.settings.booking ?? null),
        closureDays: closures.map(({ firstDate, lastDate, label }) => ({ firstDate, lastDate, label })),
      },
    };
  }

  async findById(id: string): Promise<Booking | null> {
    const row = await this.#scope.findById(bookings, id);
    return row ? toBooking(row) : null;
  }

  async findByKey(idempotencyKey: string): Promise<Booking | null> {
    const row = await this.#scope.findOne(bookings, eq(bookings.idempotencyKey, idempotencyKey));
    return row ? toBooking(row) : null;
  }

  /**
   * The database's own guard against double bookings: one statement that inserts only when no
   * held or confirmed booking of the same staff member overlaps the new one's blocked time. A
   * reused idempotency key inserts nothing either (the caller reads the earlier booking). A
   * replaced booking is left out of the check and cancelled in the same batch, on condition that
   * the new row exists, so a refused move changes nothing.
   */
  async insertUnlessOverlapping(booking: Booking, replacing?: Replaced): Promise<boolean> {
    const overlapping = and(
      eq(bookings.staffUserId, booking.staffUserId),
      inArray(bookings.status, blockingStatuses),
      lt(bookings.blockedFrom, booking.blockedUntil),
      gt(bookings.blockedUntil, booking.blockedFrom),
      replacing ? ne(bookings.id, replacing.id) : undefined,
    )!;
    const insert = this.#scope.insertUnless(bookings, booking, overlapping).onConflictDoNothing();
    if (!replacing) return (await insert).meta.changes === 1;
    const { id, status, ...cancelled } = replacing;
    const [inserted] = await this.#scope.batch([
      insert,
      this.#scope.updateWhere(
        bookings,
        and(
          eq(bookings.id, id),
          eq(bookings.status, status),
          sql`exists (select 1 from bookings as moved where moved.id = ${booking.id} and moved.tenant_id = ${this.#scope.tenantId})`,
        )!,
        { ...cancelled, status: "cancelled" },
      ),
    ]);
    return inserted.meta.changes === 1;
  }

  async restoreUnlessOverlapping(booking: Booking): Promise<boolean> {
    const taken = sql`exists (select 1 from ${bookings} as other
      where other.tenant_id = ${this.#scope.tenantId} and other.staff_user_id = ${booking.staffUserId}
      and other.status in ('held', 'confirmed') and other.id <> ${booking.id}
      and other.blocked_from < ${booking.blockedUntil} and other.blocked_until > ${booking.blockedFrom})`;
    const result = await this.#scope.updateWhere(
      bookings,
      and(eq(bookings.id, booking.id), eq(bookings.status, "cancelled"), sql`not ${taken}`)!,
      { status: "confirmed", cancelledAt: null, cancelledByUserId: null, reason: null },
    );
    return result.meta.changes === 1;
  }

  async transition(id: string, from: Booking["status"], changes: Partial<Booking>): Promise<boolean> {
    const result = await this.#scope.updateWhere(
      bookings,
      and(eq(bookings.id, id), eq(bookings.status, from))!,
      changes,
    );
    return result.meta.changes === 1;
  }

  async expireHolds(staffUserId: string, now: Date): Promise<void> {
    await this.#expireHoldsStatement(staffUserId, now);
  }

  #expireHoldsStatement(staffUserId: string, now: Date) {
    return this.#scope.updateWhere(
      bookings,
      and(
        eq(bookings.staffUserId, staffUserId),
        eq(bookings.status, "held"),
        lte(bookings.holdExpiresAt, now.toISOString()),
      )!,
      { status: "expired" },
    );
  }

  async markReminded(bookingId: string, now: Date): Promise<Booking | null> {
    const result = await this.#scope.updateWhere(
      bookings,
      and(eq(bookings.id, bookingId), eq(bookings.status, "confirmed"), isNull(bookings.remindedAt))!,
      { remindedAt: now.toISOString() },
    );
    return result.meta.changes === 1 ? this.findById(bookingId) : null;
  }

  async nextHoldExpiry(staffUserId: string): Promise<string | null> {
    const [earliest] = await this.#scope.list(bookings, {
      where: and(eq(bookings.staffUserId, staffUserId), eq(bookings.status, "held")),
      orderBy: asc(bookings.holdExpiresAt),
      limit: 1,
    });
    return earliest?.holdExpiresAt ?? null;
  }
}

const toBooking = ({ tenantId: _tenant, ...row }: typeof bookings.$inferSelect): Booking => row;
