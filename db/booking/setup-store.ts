import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { AvailabilityException, WeeklyWindow } from "../../core/booking/availability.ts";
import type {
  BookingProfile,
  BookingSetupStore,
  NewAppointmentType,
  StaffAvailability,
  StoredAppointmentType,
  StoredException,
} from "../../core/booking/setup.ts";
import type { ClosureDay, NewClosureDay } from "../../core/booking/closure-days.ts";
import type { LocalDate, Weekday } from "../../core/booking/zoned.ts";
import { newId } from "../../core/kernel/ids.ts";
import {
  appointmentTypes,
  availabilityExceptions,
  availabilityWindows,
  bookingProfiles,
  closureDays,
} from "./schema.ts";
import type { TenantScope } from "../kernel/scope.ts";

/**
 * What staff and admins set up for booking, in the tenant's cell. The read side of booking
 * (`D1BookingStore`) reads the same rows; every query here goes through the tenant's scope.
 */
export class D1BookingSetupStore implements BookingSetupStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async availabilityOf(staffUserId: string): Promise<StaffAvailability> {
    const [profile, windows, exceptions] = await Promise.all([
      this.#scope.findOne(bookingProfiles, eq(bookingProfiles.staffUserId, staffUserId)),
      this.#scope.list(availabilityWindows, {
        where: eq(availabilityWindows.staffUserId, staffUserId),
        orderBy: sql`${availabilityWindows.weekday}, ${availabilityWindows.startTime}`,
        limit: 500,
      }),
      this.#scope.list(availabilityExceptions, {
        where: eq(availabilityExceptions.staffUserId, staffUserId),
        orderBy: sql`${availabilityExceptions.date}, ${availabilityExceptions.startTime}`,
        limit: 1_000,
      }),
    ]);
    return {
      profile: profile
        ? {
            timeZone: profile.timeZone,
            minimumNoticeMinutes: profile.minimumNoticeMinutes,
            horizonDays: profile.horizonDays,
            maxPerDay: profile.maxPerDay,
            slotStepMinutes: profile.slotStepMinutes,
          }
        : null,
      weekly: windows.map((window) => ({
        weekday: window.weekday as Weekday,
        start: window.startTime,
        end: window.endTime,
      })),
      exceptions: exceptions.map(toException),
    };
  }

  /**
   * One D1 batch: the profile written over, every old window deleted and the new ones inserted.
   * If any statement fails (a window the table refuses), nothing of it lands.
   */
  async saveWeek(
    staffUserId: string,
    profile: BookingProfile,
    weekly: readonly WeeklyWindow[],
    now: Date,
  ): Promise<void> {
    const updatedAt = now.toISOString();
    await this.#scope.batch([
      this.#scope
        .insert(bookingProfiles, { id: newId("bookingProfile"), staffUserId, ...profile, updatedAt })
        .onConflictDoUpdate({
          target: [bookingProfiles.tenantId, bookingProfiles.staffUserId],
          set: { ...profile, updatedAt },
        }),
      this.#scope.deleteWhere(availabilityWindows, eq(availabilityWindows.staffUserId, staffUserId)),
      ...this.#scope.insertAll(
        availabilityWindows,
        weekly.map((window) => ({
          id: newId("availabilityWindow"),
          staffUserId,
          weekday: window.weekday,
          startTime: window.start,
          endTime: window.end,
          createdAt: updatedAt,
        })),
      ),
    ]);
  }

  async addException(staffUserId: string, exception: AvailabilityException, now: Date): Promise<string> {
    const id = newId("availabilityException");
    await this.#scope.insert(availabilityExceptions, {
      id,
      staffUserId,
      date: exception.date,
      kind: exception.kind,
      startTime: exception.kind === "extraHours" ? exception.start : null,
      endTime: exception.kind === "extraHours" ? exception.end : null,
      createdAt: now.toISOString(),
    });
    return id;
  }

  async removeException(staffUserId: string, id: string): Promise<StoredException | null> {
    const mine = and(eq(availabilityExceptions.id, id), eq(availabilityExceptions.staffUserId, staffUserId))!;
    const row = await this.#scope.findOne(availabilityExceptions, mine);
    if (!row) return null;
    const removed = await this.#scope.deleteWhere(availabilityExceptions, mine);
    return removed.meta.changes === 1 ? toException(row) : null;
  }

  async appointmentTypes(): Promise<StoredAppointmentType[]> {
    const rows = await this.#scope.list(appointmentTypes, {
      orderBy: asc(appointmentTypes.createdAt),
      limit: 500,
    });
    return rows.map(toAppointmentType);
  }

  async findAppointmentType(id: string): Promise<StoredAppointmentType | null> {
    const row = await this.#scope.findById(appointmentTypes, id);
    return row ? toAppointmentType(row) : null;
  }

  async createAppointmentType(id: string, type: NewAppointmentType, now: Date): Promise<void> {
    await this.#scope.insert(appointmentTypes, { id, ...type, active: true, createdAt: now.toISOString() });
  }

  async updateAppointmentType(id: string, type: NewAppointmentType): Promise<boolean> {
    return (await this.#scope.update(appointmentTypes, id, type)).meta.changes === 1;
  }

  async setAppointmentTypeActive(id: string, active: boolean): Promise<boolean> {
    return (await this.#scope.update(appointmentTypes, id, { active })).meta.changes === 1;
  }

  async closureDays(endingFrom: LocalDate): Promise<ClosureDay[]> {
    const rows = await this.#scope.list(closureDays, {
      where: gte(closureDays.lastDate, endingFrom),
      orderBy: asc(closureDays.firstDate),
      limit: 500,
    });
    return rows.map(toClosureDay);
  }

  async addClosureDay(closure: NewClosureDay, createdByUserId: string, now: Date): Promise<string> {
    const id = newId("closureDay");
    await this.#scope.insert(closureDays, { id, ...closure, createdByUserId, createdAt: now.toISOString() });
    return id;
  }

  async removeClosureDay(id: string): Promise<ClosureDay | null> {
    const row = await this.#scope.findById(closureDays, id);
    if (!row) return null;
    const removed = await this.#scope.deleteWhere(closureDays, eq(closureDays.id, id));
    return removed.meta.changes === 1 ? toClosureDay(row) : null;
  }
}

const toClosureDay = ({ id, firstDate, lastDate, label }: typeof closureDays.$inferSelect): ClosureDay => ({
  id,
  firstDate,
  lastDate,
  label,
});

function toException(row: typeof availabilityExceptions.$inferSelect): StoredException {
  return row.kind === "extraHours" && row.startTime && row.endTime
    ? { id: row.id, kind: "extraHours", date: row.date, start: row.startTime, end: row.endTime }
    : { id: row.id, kind: "dayOff", date: row.date };
}

function toAppointmentType(row: typeof appointmentTypes.$inferSelect): StoredAppointmentType {
  return {
    id: row.id,
    staffUserId: row.staffUserId,
    name: row.name,
    durationMinutes: row.durationMinutes,
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    location: row.location,
    active: row.active,
    createdAt: row.createdAt,
  };
}
