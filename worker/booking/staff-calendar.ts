import { DurableObject } from "cloudflare:workers";
import {
  cancelBooking,
  confirmHold,
  createBooking,
  listAvailability,
  rescheduleBooking,
  restoreBooking,
  type BookingRequest,
  type RescheduleRequest,
  type SlotKind,
} from "../../core/booking/calendar.ts";
import {
  joinWaitlist,
  leaveWaitlist,
  offerFreedTime,
  type JoinRequest,
} from "../../core/booking/waitlist.ts";
import type { Env } from "../env.ts";
import { calendarParts, type CalendarParts } from "./staff-calendar-parts.ts";

/** Whose calendar an object is: the tenant, the cell its data lives in, the staff member. */
export type CalendarOwner = { tenantId: string; cell: string; staffUserId: string };

/**
 * One object per staff member (named "<tenant>:<staff>") through which every hold, confirmation
 * and cancellation of that person passes, one at a time (ADR 0012). Calls to D1 leave the
 * object's input gate open, so the steps are queued here explicitly. Holds run out by alarm.
 */
export class StaffCalendar extends DurableObject<Env> {
  #last: Promise<unknown> = Promise.resolve();

  /** Runs `step` after every step that came before it has finished. */
  #inTurn<T>(step: () => Promise<T>): Promise<T> {
    const turn = this.#last.then(step, step);
    this.#last = turn.catch(() => undefined);
    return turn;
  }

  async #deps(owner: CalendarOwner): Promise<CalendarParts> {
    // The alarm has no caller: the object remembers whose calendar it keeps.
    const known = await this.ctx.storage.get<CalendarOwner>("owner");
    if (known && (known.tenantId !== owner.tenantId || known.staffUserId !== owner.staffUserId))
      throw new Error("This calendar belongs to another staff member");
    if (known?.cell !== owner.cell) await this.ctx.storage.put("owner", owner);
    return calendarParts(this.env, owner);
  }

  /**
   * Freed time goes to the first one waiting for that day: a hold for them, a notification that
   * does not wait for the digest, an audit line. Runs after every step that can free time.
   */
  async #offerFreedTime(owner: CalendarOwner, deps: CalendarParts) {
    // Most freed time has nobody waiting for it: then the tenant need not be loaded at all.
    if (!(await deps.waitlist.anyOpen(owner.staffUserId, deps.now()))) return;
    const tenant = await deps.activeTenant();
    if (!tenant) return;
    const offers = await offerFreedTime(
      { ...deps, offerHoldMinutes: tenant.settings.offerHoldMinutes },
      owner.staffUserId,
    );
    for (const { entry, booking } of offers) {
      await deps.audit.record({
        action: "booking.waitlist-offered",
        result: "success",
        clientUserId: entry.clientUserId,
        targetType: "booking",
        targetId: booking.id,
        detail: { staffUserId: booking.staffUserId, startsAt: booking.startsAt, waitlistEntry: entry.id },
      });
      await tenant.notify({
        kind: "waitlist-offer",
        recipients: [entry.clientUserId],
        actorId: owner.staffUserId,
        link: `/booking/${booking.id}`,
      });
    }
  }

  /** The alarm rings when the earliest open hold runs out. */
  async #setAlarm(deps: CalendarParts, staffUserId: string) {
    const next = await deps.store.nextHoldExpiry(staffUserId);
    if (next) await this.ctx.storage.setAlarm(new Date(next).getTime());
    else await this.ctx.storage.deleteAlarm();
  }

  async listAvailability(
    owner: CalendarOwner,
    appointmentTypeId: string,
    from: Date,
    until: Date,
    kind?: SlotKind,
  ) {
    return listAvailability(await this.#deps(owner), owner.staffUserId, appointmentTypeId, from, until, kind);
  }

  createBooking(owner: CalendarOwner, request: Omit<BookingRequest, "staffUserId">) {
    return this.#inTurn(async () => {
      const deps = await this.#deps(owner);
      const outcome = await createBooking(deps, { ...request, staffUserId: owner.staffUserId });
      if (outcome.ok && !outcome.replayed && outcome.booking.status === "held")
        await this.#setAlarm(deps, owner.staffUserId);
      return outcome;
    });
  }

  confirmHold(owner: CalendarOwner, bookingId: string, actorUserId: string) {
    return this.#inTurn(async () => {
      const deps = await this.#deps(owner);
      const outcome = await confirmHold(deps, owner.staffUserId, bookingId, actorUserId);
      await this.#offerFreedTime(owner, deps);
      await this.#setAlarm(deps, owner.staffUserId);
      return outcome;
    });
  }

  rescheduleBooking(owner: CalendarOwner, request: Omit<RescheduleRequest, "staffUserId">) {
    return this.#inTurn(async () => {
      const deps = await this.#deps(owner);
      const outcome = await rescheduleBooking(deps, { ...request, staffUserId: owner.staffUserId });
      if (outcome.ok && !outcome.replayed) await this.#offerFreedTime(owner, deps);
      await this.#setAlarm(deps, owner.staffUserId);
      return outcome;
    });
  }

  cancelBooking(owner: CalendarOwner, bookingId: string, actorUserId: string, reason: string | null) {
    return this.#inTurn(async () => {
      const deps = await this.#deps(owner);
      const outcome = await cancelBooking(deps, owner.staffUserId, bookingId, actorUserId, reason);
      if (outcome.ok) await this.#offerFreedTime(owner, deps);
      await this.#setAlarm(deps, owner.staffUserId);
      return outcome;
    });
  }

  restoreBooking(owner: CalendarOwner, bookingId: string, actorUserId: string) {
    return this.#inTurn(async () => {
      const deps = await this.#deps(owner);
      return restoreBooking(deps, owner.staffUserId, bookingId, actorUserId);
    });
  }

  override async alarm() {
    const owner = await this.ctx.storage.get<CalendarOwner>("owner");
    if (!owner) return;
    await this.#inTurn(async () => {
      const deps = await this.#deps(owner);
      await deps.store.expireHolds(owner.staffUserId, deps.now());
      await this.#offerFreedTime(owner, deps);
      await this.#setAlarm(deps, owner.staffUserId);
    });
  }

  /** A client waits for a full day; the offer hold's length does not matter to joining. */
  joinWaitlist(owner: CalendarOwner, request: Omit<JoinRequest, "staffUserId">) {
    return this.#inTurn(async () => {
      const deps = { ...(await this.#deps(owner)), offerHoldMinutes: 0 };
      return joinWaitlist(deps, { ...request, staffUserId: owner.staffUserId });
    });
  }

  leaveWaitlist(owner: CalendarOwner, clientUserId: string, entryId: string) {
    return this.#inTurn(async () => {
      const deps = { ...(await this.#deps(owner)), offerHoldMinutes: 0 };
      return leaveWaitlist(deps, clientUserId, entryId);
    });
  }
}
