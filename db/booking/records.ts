import { and, asc, desc, eq, gte, inArray, isNull, lt, or } from "drizzle-orm";
import type { Booking } from "../../core/booking/booking.ts";
import type { AppointmentType } from "../../core/booking/calendar.ts";
import type { BookingRecords, BookingView } from "../../core/booking/desk.ts";
import { users } from "../kernel/schema.ts";
import { appointmentTypes, bookingProfiles, bookings } from "./schema.ts";
import { chunked, type TenantScope } from "../kernel/scope.ts";

/** Bookings as people see them: with the names of the type and of the two people. */
export class D1BookingRecords implements BookingRecords {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async find(id: string): Promise<BookingView | null> {
    const row = await this.#scope.findById(bookings, id);
    if (!row) return null;
    const [view] = await this.#named([row]);
    return view ?? null;
  }

  async ofClient(clientUserId: string, limit: number): Promise<BookingView[]> {
    const rows = await this.#scope.list(bookings, {
      where: and(
        eq(bookings.clientUserId, clientUserId),
        inArray(bookings.status, ["held", "confirmed", "cancelled"]),
      ),
      orderBy: desc(bookings.startsAt),
      limit,
    });
    return this.#named(rows);
  }

  async ofStaff(staffUserId: string, from: Date, until: Date): Promise<BookingView[]> {
    const rows = await this.#scope.list(bookings, {
      where: and(
        eq(bookings.staffUserId, staffUserId),
        inArray(bookings.status, ["held", "confirmed"]),
        gte(bookings.startsAt, from.toISOString()),
        lt(bookings.startsAt, until.toISOString()),
      ),
      orderBy: asc(bookings.startsAt),
      limit: 1_000,
    });
    return this.#named(rows);
  }

  async takingBookings(staffUserIds: readonly string[]): Promise<Set<string>> {
    if (staffUserIds.length === 0) return new Set();
    const rows = await this.#scope.list(bookingProfiles, {
      where: inArray(bookingProfiles.staffUserId, [...staffUserIds]),
      limit: staffUserIds.length,
    });
    return new Set(rows.map((row) => row.staffUserId));
  }

  async typesOf(staffUserId: string): Promise<AppointmentType[]> {
    const rows = await this.#scope.list(appointmentTypes, {
      where: and(
        eq(appointmentTypes.active, true),
        or(isNull(appointmentTypes.staffUserId), eq(appointmentTypes.staffUserId, staffUserId)),
      ),
      orderBy: asc(appointmentTypes.name),
      limit: 100,
    });
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      location: row.location,
      durationMinutes: row.durationMinutes,
      bufferBeforeMinutes: row.bufferBeforeMinutes,
      bufferAfterMinutes: row.bufferAfterMinutes,
    }));
  }

  /** Two reads for any number of bookings: the people, and the types. */
  async #named(rows: (typeof bookings.$inferSelect)[]): Promise<BookingView[]> {
    if (rows.length === 0) return [];
    const personIds = [...new Set(rows.flatMap((row) => [row.staffUserId, row.clientUserId]))];
    const typeIds = [...new Set(rows.map((row) => row.appointmentTypeId))];
    // Split so that no read binds more than D1's 100 parameters.
    const [people, types] = await Promise.all([
      Promise.all(
        chunked(personIds, 90).map((ids) =>
          this.#scope.list(users, { where: inArray(users.id, ids), limit: ids.length }),
        ),
      ).then((parts) => parts.flat()),
      Promise.all(
        chunked(typeIds, 90).map((ids) =>
          this.#scope.list(appointmentTypes, { where: inArray(appointmentTypes.id, ids), limit: ids.length }),
        ),
      ).then((parts) => parts.flat()),
    ]);
    const names = new Map(people.map((person) => [person.id, person.displayName]));
    const typeNames = new Map(types.map((type) => [type.id, type.name]));
    return rows.map(({ tenantId: _tenant, ...row }) => ({
      ...(row as Booking),
      typeName: typeNames.get(row.appointmentTypeId) ?? "",
      staffName: names.get(row.staffUserId) ?? "",
      clientName: names.get(row.clientUserId) ?? "",
    }));
  }
}
