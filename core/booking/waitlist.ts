import { newId } from "../kernel/ids.ts";
import { blockedTime, freeSlots } from "./availability.ts";
import type { Booking, WaitlistStatus } from "./booking.ts";
import { availabilityQuery, type AppointmentType, type CalendarDeps } from "./calendar.ts";
import { addDays, instantOf, type LocalDate } from "./zoned.ts";

/**
 * The waitlist of one staff member's calendar. A client waits for a day that has no free time;
 * when time frees up on it (a cancellation, a hold that ran out), the first one waiting gets a
 * slot held for them for a short while and is told; if they let the offer run out, the next one
 * gets it. These steps run inside the staff member's calendar, one at a time, like every booking.
 */

export type WaitlistEntry = {
  id: string;
  staffUserId: string;
  clientUserId: string;
  appointmentTypeId: string;
  /** The day as the client chose it, in their own zone; `fromAt`/`untilAt` are its instants. */
  date: LocalDate;
  fromAt: string;
  untilAt: string;
  status: WaitlistStatus;
  offeredBookingId: string | null;
  createdAt: string;
  endedAt: string | null;
};

/** The staff member's waitlist; implemented in db/ over the tenant's cell. */
export interface WaitlistStore {
  add(entry: WaitlistEntry): Promise<void>;
  find(id: string): Promise<WaitlistEntry | null>;
  /** The client's entry for this staff member, type and day that is still waiting or offered. */
  openEntry(
    clientUserId: string,
    staffUserId: string,
    appointmentTypeId: string,
    date: LocalDate,
  ): Promise<WaitlistEntry | null>;
  /** Entries of the staff member in this status whose day has not ended by `now`, first come first. */
  inStatus(staffUserId: string, status: "waiting" | "offered", now: Date): Promise<WaitlistEntry[]>;
  /** Whether anyone waits for, or holds an offer of, this staff member's time that has not ended by `now`. */
  anyOpen(staffUserId: string, now: Date): Promise<boolean>;
  /** Moves an entry on from `from`; false when it was not in `from` any more. */
  move(
    id: string,
    from: WaitlistStatus,
    changes: Pick<WaitlistEntry, "status"> & Partial<Pick<WaitlistEntry, "offeredBookingId" | "endedAt">>,
  ): Promise<boolean>;
  /** The client's waiting and offered entries, soonest day first. */
  openEntriesOf(clientUserId: string, now: Date): Promise<WaitlistEntry[]>;
}

export type WaitlistDeps = CalendarDeps & { waitlist: WaitlistStore; offerHoldMinutes: number };

/** The instants of a client's local day. */
export function dayBetween(date: LocalDate, timeZone: string): { fromAt: string; untilAt: string } {
  return {
    fromAt: instantOf(date, "00:00", timeZone).toISOString(),
    untilAt: instantOf(addDays(date, 1), "00:00", timeZone).toISOString(),
  };
}

export type JoinRequest = {
  staffUserId: string;
  clientUserId: string;
  appointmentTypeId: string;
  date: LocalDate;
  timeZone: string;
};

/** `closed`: the staff member has no hours that day, so no time can free up there. */
export type JoinOutcome =
  { ok: true; entry: WaitlistEntry } | { ok: false; reason: "notFound" | "hasFreeTime" | "closed" | "past" };

/** A client joins the waitlist of a day that has no free time for this type (once per day). */
export async function joinWaitlist(deps: WaitlistDeps, request: JoinRequest): Promise<JoinOutcome> {
  const now = deps.now();
  const { fromAt, untilAt } = dayBetween(request.date, request.timeZone);
  if (untilAt <= now.toISOString()) return { ok: false, reason: "past" };
  const open = await deps.waitlist.openEntry(
    request.clientUserId,
    request.staffUserId,
    request.appointmentTypeId,
    request.date,
  );
  if (open) return { ok: true, entry: open };
  const day = { from: new Date(fromAt), until: new Date(untilAt) };
  const query = await availabilityQuery(deps, request.staffUserId, request.appointmentTypeId, now, day);
  if (!query) return { ok: false, reason: "notFound" };
  const free = freeSlots({ ...query, ...day, limit: 1 });
  if (free.length > 0) return { ok: false, reason: "hasFreeTime" };
  if (freeSlots({ ...query, busy: [], ...day, limit: 1 }).length === 0)
    return { ok: false, reason: "closed" };
  const entry: WaitlistEntry = {
    id: newId("waitlistEntry", now.getTime()),
    staffUserId: request.staffUserId,
    clientUserId: request.clientUserId,
    appointmentTypeId: request.appointmentTypeId,
    date: request.date,
    fromAt,
    untilAt,
    status: "waiting",
    offeredBookingId: null,
    createdAt: now.toISOString(),
    endedAt: null,
  };
  await deps.waitlist.add(entry);
  return { ok: true, entry };
}

/** The client leaves the waitlist; an open offer's hold is theirs to cancel on the booking itself. */
export async function leaveWaitlist(
  deps: WaitlistDeps,
  clientUserId: string,
  entryId: string,
): Promise<boolean> {
  const entry = await deps.waitlist.find(entryId);
  if (!entry || entry.clientUserId !== clientUserId || entry.status !== "waiting") return false;
  return deps.waitlist.move(entry.id, "waiting", { status: "withdrawn", endedAt: deps.now().toISOString() });
}

/** An offer made: the held booking, for the client to be told of. */
export type Offer = { entry: WaitlistEntry; booking: Booking };

/**
 * Settles the offers that ended (confirmed: booked; run out or let go: lapsed), then offers freed
 * time to those waiting, first come first. Returns the new offers.
 */
export async function offerFreedTime(deps: WaitlistDeps, staffUserId: string): Promise<Offer[]> {
  const now = deps.now();
  await deps.store.expireHolds(staffUserId, now);
  for (const entry of await deps.waitlist.inStatus(staffUserId, "offered", new Date(0))) {
    const booking = entry.offeredBookingId ? await deps.store.findById(entry.offeredBookingId) : null;
    if (booking?.status === "held") continue;
    const status = booking?.status === "confirmed" ? "booked" : "lapsed";
    await deps.waitlist.move(entry.id, "offered", { status, endedAt: now.toISOString() });
  }

  const offers: Offer[] = [];
  for (const entry of await deps.waitlist.inStatus(staffUserId, "waiting", now)) {
    const day = { from: new Date(entry.fromAt), until: new Date(entry.untilAt) };
    const query = await availabilityQuery(deps, staffUserId, entry.appointmentTypeId, now, day);
    const [slot] = query ? freeSlots({ ...query, ...day, limit: 1 }) : [];
    if (!query || !slot) continue;
    const booking = offeredBooking(entry, query.type, slot.startsAt, deps.offerHoldMinutes, now);
    if (!(await deps.store.insertUnlessOverlapping(booking))) continue;
    await deps.waitlist.move(entry.id, "waiting", { status: "offered", offeredBookingId: booking.id });
    offers.push({ entry: { ...entry, status: "offered", offeredBookingId: booking.id }, booking });
  }
  return offers;
}

/** The hold an offer is: made for the waiting client, with the offer's own idempotency key. */
function offeredBooking(
  entry: WaitlistEntry,
  type: AppointmentType,
  startsAt: string,
  holdMinutes: number,
  now: Date,
): Booking {
  return {
    id: newId("booking", now.getTime()),
    staffUserId: entry.staffUserId,
    clientUserId: entry.clientUserId,
    appointmentTypeId: type.id,
    location: type.location,
    ...blockedTime(type, new Date(startsAt)),
    status: "held",
    holdExpiresAt: new Date(now.getTime() + holdMinutes * 60_000).toISOString(),
    idempotencyKey: `waitlist:${entry.id}`,
    createdByUserId: entry.clientUserId,
    createdAt: now.toISOString(),
    confirmedAt: null,
    cancelledByUserId: null,
    cancelledAt: null,
    reason: null,
  };
}
