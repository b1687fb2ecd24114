import { DurableObject } from "cloudflare:workers";
import {
  cancelBooking,
  confirmHold,
  createBooking,
  listAvailability,
  rescheduleBooking,
  type BookingRequest,
  type RescheduleRequest,
  type CalendarDeps,
} from "../../core/booking/calendar.ts";
import { D1BookingStore } from "../../db/cell/booking-store.ts";
import { platformData } from "../../db/platform.ts";
import type { Env } from "../env.ts";

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

  async #deps(owner: CalendarOwner): Promise<CalendarDeps> {
    // The alarm has no caller: the object remembers whose calendar it keeps.
    const known = await this.ctx.storage.get<CalendarOwner>("owner");
    if (known && (known.tenantId !== owner.tenantId || known.staffUserId !== owner.staffUserId))
      throw new Error("This calendar belongs to another staff member");
    if (known?.cell !== owner.cell) await this.ctx.storage.put("owner", owner);
    const scope = platformData(this.env).scopeIn(owner.cell, owner.tenantId);
    return { store: new D1BookingStore(scope), now: () => new Date() };
  }

  /** The alarm rings when the earliest open hold runs out. */
  async #setAlarm(deps: CalendarDeps, staffUserId: string) {
    const next = await deps.store.nextHoldExpiry(staffUserId);
    if (next) await this.ctx.storage.setAlarm(new Date(next).getTime());
    else await this.ctx.storage.deleteAlarm();
  }

  async listAvailability(owner: CalendarOwner, appointmentTypeId: string, from: Date, until: Date) {
    return listAvailability(await this.#deps(owner), owner.staffUserId, appointmentTypeId, from, until);
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
      await this.#setAlarm(deps, owner.staffUserId);
      return outcome;
    });
  }

  rescheduleBooking(owner: CalendarOwner, request: Omit<RescheduleRequest, "staffUserId">) {
    return this.#inTurn(async () => {
      const deps = await this.#deps(owner);
      const outcome = await rescheduleBooking(deps, { ...request, staffUserId: owner.staffUserId });
      await this.#setAlarm(deps, owner.staffUserId);
      return outcome;
    });
  }

  cancelBooking(owner: CalendarOwner, bookingId: string, actorUserId: string, reason: string | null) {
    return this.#inTurn(async () => {
      const deps = await this.#deps(owner);
      const outcome = await cancelBooking(deps, owner.staffUserId, bookingId, actorUserId, reason);
      await this.#setAlarm(deps, owner.staffUserId);
      return outcome;
    });
  }

  override async alarm() {
    const owner = await this.ctx.storage.get<CalendarOwner>("owner");
    if (!owner) return;
    await this.#inTurn(async () => {
      const deps = await this.#deps(owner);
      await deps.store.expireHolds(owner.staffUserId, deps.now());
      await this.#setAlarm(deps, owner.staffUserId);
    });
  }
}
