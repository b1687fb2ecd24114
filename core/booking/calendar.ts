import { newId } from "../kernel/ids.ts";
import {
  blockedTime,
  freeSlots,
  isFreeSlot,
  type AppointmentLength,
  type AvailabilityQuery,
  type BookingRules,
  type BusyTime,
  type Location,
  type Slot,
  type StaffSchedule,
} from "./availability.ts";
import { blockingStatuses, type Booking, type BookingStatus } from "./booking.ts";
import { closedDatesBetween, type TenantClosures } from "./closure-days.ts";
import type { JoinOutcome, JoinRequest } from "./waitlist.ts";
import { datesAround } from "./zoned.ts";

/**
 * One staff member's calendar: holding, confirming and cancelling bookings. These steps assume
 * they run one at a time per staff member (the calendar Durable Object sees to that); the store's
 * guarded insert keeps overlaps out of the database even if they did not (ADR 0012).
 */

export type AppointmentType = AppointmentLength & { id: string; name: string; location: Location };

/** A staff member's bookable calendar; implemented in db/ over the tenant's cell. */
export interface BookingStore {
  /**
   * The staff member's calendar as it stands, in one round trip: holds that ran out before `now`
   * are marked expired first; then their hours and rules, the type (an active one of the tenant or
   * of this staff member), the held and confirmed bookings whose blocked time touches
   * [from, until), but `except`, and the tenant's country and closure days around those dates.
   * Null when they take no bookings or the type is not theirs.
   */
  calendarState(request: CalendarStateRequest): Promise<CalendarState | null>;
  findById(id: string): Promise<Booking | null>;
  findByKey(idempotencyKey: string): Promise<Booking | null>;
  /**
   * Writes the booking unless a held or confirmed booking of the staff member overlaps it; false
   * if one does. With `replacing`, that booking (ignored by the check) becomes cancelled in the
   * same transaction, and only if the new one was written.
   */
  insertUnlessOverlapping(booking: Booking, replacing?: Replaced): Promise<boolean>;
  /**
   * Makes a cancelled booking confirmed again, as it was, unless a held or confirmed booking of the
   * staff member now overlaps it; false if one does or it is no longer cancelled.
   */
  restoreUnlessOverlapping(booking: Booking): Promise<boolean>;
  /** Moves a booking from one status to the next; false when it was not in `from` any more. */
  transition(
    id: string,
    from: Booking["status"],
    changes: Pick<Booking, "status"> &
      Partial<Pick<Booking, "confirmedAt" | "cancelledAt" | "cancelledByUserId" | "reason">>,
  ): Promise<boolean>;
  /** Marks the staff member's holds that ran out before `now` as expired. */
  expireHolds(staffUserId: string, now: Date): Promise<void>;
  /** When the staff member's earliest open hold runs out. */
  nextHoldExpiry(staffUserId: string): Promise<string | null>;
}

export type CalendarStateRequest = {
  staffUserId: string;
  appointmentTypeId: string;
  now: Date;
  from: Date;
  until: Date;
  except?: string;
};

export type CalendarState = {
  schedule: StaffSchedule;
  rules: BookingRules;
  type: AppointmentType;
  busy: BusyTime[];
  closures: TenantClosures;
};

/** The booking a reschedule moves away from, and what it records on it. */
export type Replaced = Pick<Booking, "id" | "status" | "cancelledAt" | "cancelledByUserId" | "reason">;

export type CalendarDeps = { store: BookingStore; now(): Date };

/** How long a chosen slot stays reserved for the client to confirm. */
export const holdMinutes = 10;
/** How many free slots a refusal suggests instead. */
const suggestions = 5;

export type BookingRequest = {
  staffUserId: string;
  clientUserId: string;
  appointmentTypeId: string;
  startsAt: string;
  idempotencyKey: string;
  actorUserId: string;
  /** Hold the slot for the client to confirm, instead of confirming at once. */
  hold?: boolean;
};

export type BookingOutcome =
  | { ok: true; booking: Booking; replayed: boolean }
  | { ok: false; reason: "notFound" | "invalid" }
  /** `taken`: another booking has (part of) this time; `unavailable`: not a bookable time at all. */
  | { ok: false; reason: "taken" | "unavailable"; nextFreeSlots: Slot[] };

export async function createBooking(deps: CalendarDeps, request: BookingRequest): Promise<BookingOutcome> {
  const earlier = await deps.store.findByKey(request.idempotencyKey);
  if (earlier) return replay(earlier, request);
  return book(deps, request, null);
}

export type RescheduleRequest = Pick<BookingRequest, "startsAt" | "idempotencyKey" | "actorUserId"> & {
  staffUserId: string;
  bookingId: string;
  reason: string | null;
};

/**
 * Moves a held or confirmed booking to another start: a new booking takes the time and the old
 * one is cancelled in the same transaction, so the client never holds both or neither. The old
 * booking's own time does not count against the new one (a move by a quarter of an hour is fine).
 */
export async function rescheduleBooking(
  deps: CalendarDeps,
  request: RescheduleRequest,
): Promise<BookingOutcome | { ok: false; reason: "notHeld" }> {
  const earlier = await deps.store.findByKey(request.idempotencyKey);
  if (earlier) return replay(earlier, request);
  await deps.store.expireHolds(request.staffUserId, deps.now());
  const moving = await deps.store.findById(request.bookingId);
  if (!moving || moving.staffUserId !== request.staffUserId) return { ok: false, reason: "notFound" };
  if (!isBlocking(moving.status)) return { ok: false, reason: "notHeld" };
  const replaced: Replaced = {
    id: moving.id,
    status: moving.status,
    cancelledAt: deps.now().toISOString(),
    cancelledByUserId: request.actorUserId,
    reason: request.reason,
  };
  return book(
    deps,
    {
      ...request,
      clientUserId: moving.clientUserId,
      appointmentTypeId: moving.appointmentTypeId,
      hold: moving.status === "held",
    },
    replaced,
  );
}

/** Checks the slot and writes the booking through the store's guard. */
async function book(
  deps: CalendarDeps,
  request: BookingRequest,
  replacing: Replaced | null,
): Promise<BookingOutcome> {
  const { store } = deps;
  const startsAt = new Date(request.startsAt);
  if (Number.isNaN(startsAt.getTime())) return { ok: false, reason: "invalid" };
  const now = deps.now();
  const around = { from: startsAt, until: new Date(startsAt.getTime() + 1) };
  const query = await availabilityQuery(
    deps,
    request.staffUserId,
    request.appointmentTypeId,
    now,
    around,
    replacing?.id,
  );
  if (!query) return { ok: false, reason: "notFound" };
  const { type } = query;
  if (!isFreeSlot(query, startsAt)) {
    const taken = isFreeSlot({ ...query, busy: [] }, startsAt);
    return {
      ok: false,
      reason: taken ? "taken" : "unavailable",
      nextFreeSlots: await nextFreeSlots(deps, request, query.rules, now, replacing?.id),
    };
  }

  const booking: Booking = {
    id: newId("booking", now.getTime()),
    staffUserId: request.staffUserId,
    clientUserId: request.clientUserId,
    appointmentTypeId: type.id,
    location: type.location,
    ...blockedTime(type, startsAt),
    status: request.hold ? "held" : "confirmed",
    holdExpiresAt: request.hold ? new Date(now.getTime() + holdMinutes * 60_000).toISOString() : null,
    idempotencyKey: request.idempotencyKey,
    createdByUserId: request.actorUserId,
    createdAt: now.toISOString(),
    confirmedAt: request.hold ? null : now.toISOString(),
    cancelledByUserId: null,
    cancelledAt: null,
    reason: null,
  };
  if (await store.insertUnlessOverlapping(booking, replacing ?? undefined))
    return { ok: true, booking, replayed: false };
  // Blocked after all: a writer outside this calendar, or the same request through another door.
  const sameRequest = await store.findByKey(request.idempotencyKey);
  if (sameRequest) return replay(sameRequest, request);
  return {
    ok: false,
    reason: "taken",
    nextFreeSlots: await nextFreeSlots(deps, request, query.rules, now, replacing?.id),
  };
}

export type ChangeOutcome = { ok: true; booking: Booking } | { ok: false; reason: "notFound" | "notHeld" };

/** The client confirms their hold while it lasts. */
export async function confirmHold(
  deps: CalendarDeps,
  staffUserId: string,
  bookingId: string,
  actorUserId: string,
): Promise<ChangeOutcome> {
  const now = deps.now();
  await deps.store.expireHolds(staffUserId, now);
  const booking = await deps.store.findById(bookingId);
  if (!booking || booking.staffUserId !== staffUserId || booking.clientUserId !== actorUserId)
    return { ok: false, reason: "notFound" };
  const changes = { status: "confirmed" as const, confirmedAt: now.toISOString() };
  if (!(await deps.store.transition(bookingId, "held", changes))) return { ok: false, reason: "notHeld" };
  return { ok: true, booking: { ...booking, ...changes } };
}

/** Cancels a held or confirmed booking; its time is free again at once. */
export async function cancelBooking(
  deps: CalendarDeps,
  staffUserId: string,
  bookingId: string,
  actorUserId: string,
  reason: string | null,
): Promise<ChangeOutcome> {
  const booking = await deps.store.findById(bookingId);
  if (!booking || booking.staffUserId !== staffUserId) return { ok: false, reason: "notFound" };
  if (!isBlocking(booking.status)) return { ok: false, reason: "notHeld" };
  const changes = {
    status: "cancelled" as const,
    cancelledAt: deps.now().toISOString(),
    cancelledByUserId: actorUserId,
    reason,
  };
  if (!(await deps.store.transition(bookingId, booking.status, changes)))
    return { ok: false, reason: "notHeld" };
  return { ok: true, booking: { ...booking, ...changes } };
}

/** How long whoever cancelled a confirmed appointment may take that back. */
export const cancelUndoMinutes = 5;

/**
 * Until when a cancellation can be taken back: a few minutes after it, and never once the
 * appointment has begun. Null for anything but a cancelled appointment that had been confirmed
 * (a hold let go is simply chosen again).
 */
export function undoableUntil(booking: Booking): Date | null {
  if (booking.status !== "cancelled" || !booking.confirmedAt || !booking.cancelledAt) return null;
  const window = Date.parse(booking.cancelledAt) + cancelUndoMinutes * 60_000;
  return new Date(Math.min(window, Date.parse(booking.startsAt)));
}

export type RestoreOutcome = ChangeOutcome | { ok: false; reason: "undoOver" | "taken" };

/**
 * Takes a cancellation back, for the person who made it and only shortly after: the appointment
 * stands again if nobody took its time in the meantime.
 */
export async function restoreBooking(
  deps: CalendarDeps,
  staffUserId: string,
  bookingId: string,
  actorUserId: string,
): Promise<RestoreOutcome> {
  const booking = await deps.store.findById(bookingId);
  if (!booking || booking.staffUserId !== staffUserId) return { ok: false, reason: "notFound" };
  // Someone else's cancellation is not this person's to take back.
  if (booking.status === "cancelled" && booking.cancelledByUserId !== actorUserId)
    return { ok: false, reason: "notFound" };
  const until = undoableUntil(booking);
  if (!until || deps.now() >= until) return { ok: false, reason: "undoOver" };
  if (!(await deps.store.restoreUnlessOverlapping(booking))) return { ok: false, reason: "taken" };
  const changes = { status: "confirmed" as const, cancelledAt: null, cancelledByUserId: null, reason: null };
  return { ok: true, booking: { ...booking, ...changes } };
}

/**
 * Which slots a listing shows: `free` ones, or all `open` ones (within the hours, notice and
 * horizon, as if nothing were booked yet: a day with open but no free slots is full).
 */
export type SlotKind = "free" | "open";

/** The staff member's free (or open) slots of one appointment type in [from, until). */
export async function listAvailability(
  deps: CalendarDeps,
  staffUserId: string,
  appointmentTypeId: string,
  from: Date,
  until: Date,
  kind: SlotKind = "free",
): Promise<Slot[] | null> {
  const query = await availabilityQuery(deps, staffUserId, appointmentTypeId, deps.now(), { from, until });
  if (!query) return null;
  return freeSlots({ ...query, busy: kind === "open" ? [] : query.busy, from, until });
}

function replay(earlier: Booking, request: Pick<BookingRequest, "actorUserId">): BookingOutcome {
  // A key is one request of one person: someone else's key finds nothing of theirs.
  if (earlier.createdByUserId !== request.actorUserId) return { ok: false, reason: "invalid" };
  return { ok: true, booking: earlier, replayed: true };
}

const day = 24 * 60 * 60_000;

/**
 * What decides the staff member's free slots of one type in [from, until) now. The bookings are
 * read a day beyond both ends: enough for any buffer, and for the daily maximum of the first and
 * last day in any zone; the closed dates are those of every zone's dates then.
 */
export async function availabilityQuery(
  deps: CalendarDeps,
  staffUserId: string,
  appointmentTypeId: string,
  now: Date,
  range: { from: Date; until: Date },
  except?: string,
): Promise<(Omit<AvailabilityQuery, "from" | "until"> & { type: AppointmentType }) | null> {
  const state = await deps.store.calendarState({
    staffUserId,
    appointmentTypeId,
    now,
    from: new Date(range.from.getTime() - day),
    until: new Date(range.until.getTime() + day),
    except,
  });
  if (!state) return null;
  const { closures, schedule, ...rest } = state;
  const { first, last } = datesAround(range.from, range.until);
  const closedDates = closedDatesBetween(closures, first, last);
  return { ...rest, schedule: { ...schedule, closedDates }, now };
}

/** The first free slots after a refused start, up to the booking horizon (read only on a refusal). */
async function nextFreeSlots(
  deps: CalendarDeps,
  request: Pick<BookingRequest, "staffUserId" | "appointmentTypeId" | "startsAt">,
  rules: BookingRules,
  now: Date,
  except?: string,
): Promise<Slot[]> {
  const range = {
    from: new Date(request.startsAt),
    until: new Date(now.getTime() + (rules.horizonDays + 1) * day),
  };
  if (range.from >= range.until) return [];
  const query = await availabilityQuery(
    deps,
    request.staffUserId,
    request.appointmentTypeId,
    now,
    range,
    except,
  );
  return query ? freeSlots({ ...query, ...range, limit: suggestions }) : [];
}

/**
 * The calendars of one tenant's staff, each run one step at a time; the pages and the API book
 * through this (implemented in worker/ over one Durable Object per staff member).
 */
export interface StaffCalendars {
  listAvailability(
    staffUserId: string,
    appointmentTypeId: string,
    from: Date,
    until: Date,
    kind?: SlotKind,
  ): Promise<Slot[] | null>;
  createBooking(request: BookingRequest): Promise<BookingOutcome>;
  confirmHold(staffUserId: string, bookingId: string, actorUserId: string): Promise<ChangeOutcome>;
  rescheduleBooking(request: RescheduleRequest): Promise<BookingOutcome | { ok: false; reason: "notHeld" }>;
  cancelBooking(
    staffUserId: string,
    bookingId: string,
    actorUserId: string,
    reason: string | null,
  ): Promise<ChangeOutcome>;
  restoreBooking(staffUserId: string, bookingId: string, actorUserId: string): Promise<RestoreOutcome>;
  joinWaitlist(request: JoinRequest): Promise<JoinOutcome>;
  leaveWaitlist(staffUserId: string, clientUserId: string, entryId: string): Promise<boolean>;
}

const isBlocking = (status: BookingStatus) => (blockingStatuses as readonly BookingStatus[]).includes(status);
