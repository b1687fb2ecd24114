import type {
  BookingRequest,
  RescheduleRequest,
  SlotKind,
  StaffCalendars,
} from "../../core/booking/calendar.ts";
import type { JoinRequest } from "../../core/booking/waitlist.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import type { Env } from "../env.ts";

/** A tenant's staff calendars, each a StaffCalendar Durable Object named "<tenant>:<staff>". */
export class DurableStaffCalendars implements StaffCalendars {
  readonly #namespace: Env["STAFF_CALENDAR"];
  readonly #tenant: Pick<TenantRecord, "id" | "cell">;

  constructor(namespace: Env["STAFF_CALENDAR"], tenant: Pick<TenantRecord, "id" | "cell">) {
    this.#namespace = namespace;
    this.#tenant = tenant;
  }

  #calendar(staffUserId: string) {
    const stub = this.#namespace.get(this.#namespace.idFromName(`${this.#tenant.id}:${staffUserId}`));
    return { stub, owner: { tenantId: this.#tenant.id, cell: this.#tenant.cell, staffUserId } };
  }

  listAvailability(staffUserId: string, appointmentTypeId: string, from: Date, until: Date, kind?: SlotKind) {
    const { stub, owner } = this.#calendar(staffUserId);
    return stub.listAvailability(owner, appointmentTypeId, from, until, kind);
  }

  createBooking({ staffUserId, ...request }: BookingRequest) {
    const { stub, owner } = this.#calendar(staffUserId);
    return stub.createBooking(owner, request);
  }

  confirmHold(staffUserId: string, bookingId: string, actorUserId: string) {
    const { stub, owner } = this.#calendar(staffUserId);
    return stub.confirmHold(owner, bookingId, actorUserId);
  }

  rescheduleBooking({ staffUserId, ...request }: RescheduleRequest) {
    const { stub, owner } = this.#calendar(staffUserId);
    return stub.rescheduleBooking(owner, request);
  }

  cancelBooking(staffUserId: string, bookingId: string, actorUserId: string, reason: string | null) {
    const { stub, owner } = this.#calendar(staffUserId);
    return stub.cancelBooking(owner, bookingId, actorUserId, reason);
  }

  restoreBooking(staffUserId: string, bookingId: string, actorUserId: string) {
    const { stub, owner } = this.#calendar(staffUserId);
    return stub.restoreBooking(owner, bookingId, actorUserId);
  }

  joinWaitlist({ staffUserId, ...request }: JoinRequest) {
    const { stub, owner } = this.#calendar(staffUserId);
    return stub.joinWaitlist(owner, request);
  }

  leaveWaitlist(staffUserId: string, clientUserId: string, entryId: string) {
    const { stub, owner } = this.#calendar(staffUserId);
    return stub.leaveWaitlist(owner, clientUserId, entryId);
  }
}
