import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { BookingEvent } from "../../core/booking/ics.ts";
import { appointmentTypes, bookings, users } from "./schema.ts";
import { chunked, maxParameters, type TenantScope } from "./scope.ts";

type BookingRow = typeof bookings.$inferSelect;

/**
 * Bookings with the names a calendar entry shows: the appointment type's name (also of a type
 * that was switched off since) and the client's and staff member's display names. Every read goes
 * through the tenant's scope, so a booking, type or person of another tenant is not found.
 */
export class D1BookingEvents {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  /** One booking of this tenant, whatever its status; null when there is none. */
  async find(bookingId: string): Promise<BookingEvent | null> {
    const row = await this.#scope.findById(bookings, bookingId);
    return row ? ((await this.#named([row]))[0] ?? null) : null;
  }

  /** The staff member's held and confirmed bookings that start in [from, until), earliest first. */
  async ofStaff(staffUserId: string, from: Date, until: Date, limit = 5_000): Promise<BookingEvent[]> {
    const rows = await this.#scope.list(bookings, {
      where: and(
        eq(bookings.staffUserId, staffUserId),
        inArray(bookings.status, ["held", "confirmed"]),
        // The staff index runs on blocked_from, which is never after the start.
        lt(bookings.blockedFrom, until.toISOString()),
        gte(bookings.startsAt, from.toISOString()),
        lt(bookings.startsAt, until.toISOString()),
      ),
      orderBy: asc(bookings.startsAt),
      limit,
    });
    return this.#named(rows);
  }

  async #named(rows: BookingRow[]): Promise<BookingEvent[]> {
    if (rows.length === 0) return [];
    const typeIds = [...new Set(rows.map((row) => row.appointmentTypeId))];
    const personIds = [...new Set(rows.flatMap((row) => [row.clientUserId, row.staffUserId]))];
    const [types, people] = await Promise.all([
      this.#byIds(typeIds, (ids) =>
        this.#scope.list(appointmentTypes, { where: inArray(appointmentTypes.id, ids), limit: ids.length }),
      ),
      this.#byIds(personIds, (ids) =>
        this.#scope.list(users, { where: inArray(users.id, ids), limit: ids.length }),
      ),
    ]);
    const typeNames = new Map(types.map((type) => [type.id, type.name]));
    const names = new Map(people.map((person) => [person.id, person.displayName]));
    return rows.map(({ tenantId: _tenant, ...booking }) => ({
      booking,
      typeName: typeNames.get(booking.appointmentTypeId) ?? "",
      clientName: names.get(booking.clientUserId) ?? "",
      staffName: names.get(booking.staffUserId) ?? "",
    }));
  }

  /** Rows by id in chunks that stay under D1's bound-parameter limit (one goes to the tenant). */
  async #byIds<T>(ids: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
    const chunks = chunked(ids, maxParameters - 2);
    return (await Promise.all(chunks.map(read))).flat();
  }
}
