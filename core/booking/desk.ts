import type { AuditAction, AuditLog, RequestOrigin } from "../kernel/audit/audit.ts";
import type { Role } from "../kernel/auth/permissions.ts";
import { inCareTeam, type CareTeamStore, type Coach } from "../kernel/care-team/care-team.ts";
import type { NotifyRequest } from "../kernel/notifications/notify.ts";
import type { Slot } from "./availability.ts";
import type { Booking } from "./booking.ts";
import type {
  AppointmentType,
  BookingOutcome,
  RestoreOutcome,
  SlotKind,
  StaffCalendars,
} from "./calendar.ts";
import type { BookingSettings } from "./settings.ts";
import type { JoinOutcome, WaitlistEntry, WaitlistStore } from "./waitlist.ts";
import type { LocalDate } from "./zoned.ts";

/**
 * What the pages and the API do with appointments, for one signed-in person: who may book whom,
 * the notice window, the audit lines and the notifications around the staff calendars. A client
 * books the staff of their own care team; staff act on their own calendar. Anything else is not
 * found, so nobody learns that another person's booking exists.
 */

export type Actor = { id: string; role: Role };

/** A booking with the names the pages show. */
export type BookingView = Booking & { typeName: string; staffName: string; clientName: string };

/** The read side of bookings; implemented in db/ over the tenant's cell. */
export interface BookingRecords {
  find(id: string): Promise<BookingView | null>;
  /** The client's bookings that were held, confirmed or cancelled, newest start first. */
  ofClient(clientUserId: string, limit: number): Promise<BookingView[]>;
  /** Held and confirmed bookings of the staff member starting in [from, until), in time order. */
  ofStaff(staffUserId: string, from: Date, until: Date): Promise<BookingView[]>;
  /** Of these staff members, those who take bookings (who have a booking profile). */
  takingBookings(staffUserIds: readonly string[]): Promise<Set<string>>;
  /** The active types the staff member can be booked for: the tenant's and their own. */
  typesOf(staffUserId: string): Promise<AppointmentType[]>;
}

export type DeskDeps = {
  calendars: StaffCalendars;
  records: BookingRecords;
  careTeams: Pick<CareTeamStore, "coachesOf">;
  waitlist: Pick<WaitlistStore, "find" | "openEntriesOf">;
  audit: AuditLog;
  notify(request: NotifyRequest): Promise<unknown>;
  settings: BookingSettings;
  now(): Date;
};

/** A coach a client can book, with what can be booked with them. */
export type BookableCoach = Coach & { types: AppointmentType[] };

export async function bookableCoaches(deps: DeskDeps, client: Actor): Promise<BookableCoach[]> {
  if (client.role !== "client") return [];
  const team = await deps.careTeams.coachesOf(client.id);
  const taking = await deps.records.takingBookings(team.map((coach) => coach.userId));
  const coaches = team.filter((coach) => taking.has(coach.userId));
  const types = await Promise.all(coaches.map((coach) => deps.records.typesOf(coach.userId)));
  return coaches
    .map((coach, index) => ({ ...coach, types: types[index] ?? [] }))
    .filter((coach) => coach.types.length > 0);
}

/** Whether this person may see the staff member's free time and book it. */
async function mayBook(deps: DeskDeps, actor: Actor, staffUserId: string): Promise<boolean> {
  if (actor.role === "client") return inCareTeam(deps.careTeams, staffUserId, actor.id);
  return actor.id === staffUserId;
}

export async function availability(
  deps: DeskDeps,
  actor: Actor,
  query: { staffUserId: string; appointmentTypeId: string; from: Date; until: Date; kind?: SlotKind },
): Promise<Slot[] | null> {
  if (!(await mayBook(deps, actor, query.staffUserId))) return null;
  return deps.calendars.listAvailability(
    query.staffUserId,
    query.appointmentTypeId,
    query.from,
    query.until,
    query.kind,
  );
}

export type BookRequest = {
  staffUserId: string;
  appointmentTypeId: string;
  startsAt: string;
  idempotencyKey: string;
  /** Reserve the slot while the client confirms; otherwise it is confirmed at once. */
  hold: boolean;
};

/** A client books time with a coach of their care team. */
export async function book(
  deps: DeskDeps,
  client: Actor,
  request: BookRequest,
  origin: RequestOrigin,
): Promise<BookingOutcome> {
  if (client.role !== "client" || !(await mayBook(deps, client, request.staffUserId)))
    return { ok: false, reason: "notFound" };
  const outcome = await deps.calendars.createBooking({
    ...request,
    clientUserId: client.id,
    actorUserId: client.id,
  });
  if (outcome.ok && !outcome.replayed) {
    await audited(deps, client, outcome.booking, "booking.created", origin, {
      status: outcome.booking.status,
    });
    if (outcome.booking.status === "confirmed") await tellBoth(deps, outcome.booking);
  }
  return outcome;
}

export type ChangeResult =
  | { ok: true; booking: Booking }
  | { ok: false; reason: "notFound" | "notHeld" | "tooLate" }
  | Extract<BookingOutcome, { ok: false }>;

/** The client confirms the slot they hold. */
export async function confirm(
  deps: DeskDeps,
  client: Actor,
  bookingId: string,
  origin: RequestOrigin,
): Promise<ChangeResult> {
  const booking = await ownBooking(deps, client, bookingId);
  if (!booking || client.role !== "client") return { ok: false, reason: "notFound" };
  const outcome = await deps.calendars.confirmHold(booking.staffUserId, booking.id, client.id);
  if (!outcome.ok) return outcome;
  await audited(deps, client, outcome.booking, "booking.confirmed", origin);
  await tellBoth(deps, outcome.booking);
  return outcome;
}

/**
 * Cancels a booking. A client cannot within the tenant's notice window; the staff member can,
 * and the audit line says they overrode it.
 */
export async function cancel(
  deps: DeskDeps,
  actor: Actor,
  bookingId: string,
  reason: string | null,
  origin: RequestOrigin,
): Promise<ChangeResult> {
  const booking = await ownBooking(deps, actor, bookingId);
  if (!booking) return { ok: false, reason: "notFound" };
  const late = booking.status === "confirmed" && withinNotice(deps, booking);
  if (late && actor.role === "client") return { ok: false, reason: "tooLate" };
  const outcome = await deps.calendars.cancelBooking(booking.staffUserId, booking.id, actor.id, reason);
  if (!outcome.ok) return outcome;
  await audited(deps, actor, outcome.booking, "booking.cancelled", origin, { noticeOverridden: late });
  if (booking.status === "confirmed") await tellBoth(deps, outcome.booking);
  return outcome;
}

/**
 * Takes back one's own cancellation within a few minutes: the appointment stands again, both are
 * told, and the audit log has both steps. Refused once the time is gone or taken by someone else.
 */
export async function undoCancel(
  deps: DeskDeps,
  actor: Actor,
  bookingId: string,
  origin: RequestOrigin,
): Promise<RestoreOutcome> {
  const booking = await ownBooking(deps, actor, bookingId);
  if (!booking) return { ok: false, reason: "notFound" };
  const outcome = await deps.calendars.restoreBooking(booking.staffUserId, booking.id, actor.id);
  if (!outcome.ok) return outcome;
  await audited(deps, actor, outcome.booking, "booking.restored", origin);
  await tellBoth(deps, outcome.booking);
  return outcome;
}

/** Moves a booking to another free start, under the same notice rule as cancelling. */
export async function reschedule(
  deps: DeskDeps,
  actor: Actor,
  request: { bookingId: string; startsAt: string; idempotencyKey: string; reason: string | null },
  origin: RequestOrigin,
): Promise<ChangeResult> {
  const booking = await ownBooking(deps, actor, request.bookingId);
  if (!booking) return { ok: false, reason: "notFound" };
  const late = booking.status === "confirmed" && withinNotice(deps, booking);
  if (late && actor.role === "client") return { ok: false, reason: "tooLate" };
  const outcome = await deps.calendars.rescheduleBooking({
    staffUserId: booking.staffUserId,
    bookingId: booking.id,
    startsAt: request.startsAt,
    idempotencyKey: request.idempotencyKey,
    actorUserId: actor.id,
    reason: request.reason,
  });
  if (!outcome.ok) return outcome;
  if (outcome.replayed) return outcome;
  await audited(deps, actor, outcome.booking, "booking.moved", origin, {
    from: booking.id,
    noticeOverridden: late,
  });
  if (outcome.booking.status === "confirmed") {
    // Two items, so that calendar apps drop the old time and add the new one.
    await tellBoth(deps, { ...booking, status: "cancelled" });
    await tellBoth(deps, outcome.booking);
  }
  return outcome;
}

/**
 * A client waits for a day with a coach of their care team that has no free time left; the day
 * is theirs, in their own zone. When time frees up there they get an offer (core/booking/waitlist.ts).
 */
export async function joinWaitlist(
  deps: DeskDeps,
  client: Actor & { timeZone: string },
  request: { staffUserId: string; appointmentTypeId: string; date: LocalDate },
  origin: RequestOrigin,
): Promise<JoinOutcome> {
  if (client.role !== "client" || !(await mayBook(deps, client, request.staffUserId)))
    return { ok: false, reason: "notFound" };
  const outcome = await deps.calendars.joinWaitlist({
    ...request,
    clientUserId: client.id,
    timeZone: client.timeZone,
  });
  if (outcome.ok)
    await deps.audit.record({
      action: "booking.waitlist-joined",
      result: "success",
      actorUserId: client.id,
      clientUserId: client.id,
      targetType: "waitlist",
      targetId: outcome.entry.id,
      detail: { staffUserId: request.staffUserId, date: request.date },
      ...origin,
    });
  return outcome;
}

export async function leaveWaitlist(deps: DeskDeps, client: Actor, entryId: string): Promise<boolean> {
  const entry = await deps.waitlist.find(entryId);
  if (!entry || entry.clientUserId !== client.id) return false;
  return deps.calendars.leaveWaitlist(entry.staffUserId, client.id, entry.id);
}

/** The days a client waits for, soonest first. */
export function waitlistOf(deps: DeskDeps, client: Actor): Promise<WaitlistEntry[]> {
  return deps.waitlist.openEntriesOf(client.id, deps.now());
}

/** A booking the person is part of: their own as a client, or one in their own calendar as staff. */
async function ownBooking(deps: DeskDeps, actor: Actor, bookingId: string): Promise<BookingView | null> {
  const booking = await deps.records.find(bookingId);
  if (!booking) return null;
  const own = actor.role === "client" ? booking.clientUserId : booking.staffUserId;
  return own === actor.id ? booking : null;
}

/** One booking, for the people in it; every view of it is audited. */
export async function viewBooking(
  deps: DeskDeps,
  actor: Actor,
  bookingId: string,
  origin: RequestOrigin,
): Promise<(BookingView & { withinNotice: boolean }) | null> {
  const booking = await ownBooking(deps, actor, bookingId);
  if (!booking) return null;
  if (actor.role !== "client") await audited(deps, actor, booking, "booking.viewed", origin);
  return { ...booking, withinNotice: withinNotice(deps, booking) };
}

/** The client's appointments: upcoming (soonest first) and past (latest first). */
export async function appointmentsOf(deps: DeskDeps, client: Actor) {
  const all = await deps.records.ofClient(client.id, 200);
  const now = deps.now().toISOString();
  const current = all.filter((booking) => booking.status === "confirmed" || booking.status === "held");
  return {
    upcoming: current.filter((booking) => booking.endsAt > now).reverse(),
    past: all.filter((booking) => booking.endsAt <= now || booking.status === "cancelled"),
  };
}

/** The staff member's own agenda over [from, until); seeing it is audited once per read. */
export async function agendaOf(
  deps: DeskDeps,
  staff: Actor,
  from: Date,
  until: Date,
  origin: RequestOrigin,
): Promise<BookingView[]> {
  const bookings = await deps.records.ofStaff(staff.id, from, until);
  if (bookings.length > 0)
    await deps.audit.record({
      action: "booking.agenda-viewed",
      result: "success",
      actorUserId: staff.id,
      targetType: "agenda",
      targetId: staff.id,
      detail: { from: from.toISOString(), until: until.toISOString(), bookings: bookings.length },
      ...origin,
    });
  return bookings;
}

function withinNotice(deps: DeskDeps, booking: Pick<Booking, "startsAt">): boolean {
  const notice = deps.settings.cancelNoticeHours * 60 * 60_000;
  return new Date(booking.startsAt).getTime() - deps.now().getTime() < notice;
}

async function audited(
  deps: DeskDeps,
  actor: Actor,
  booking: Booking,
  action: AuditAction,
  origin: RequestOrigin,
  detail: Record<string, string | number | boolean> = {},
) {
  await deps.audit.record({
    action,
    result: "success",
    actorUserId: actor.id,
    clientUserId: booking.clientUserId,
    targetType: "booking",
    targetId: booking.id,
    detail: { staffUserId: booking.staffUserId, startsAt: booking.startsAt, ...detail },
    ...origin,
  });
}

/**
 * Both people hear of a change, each with the other as its sender, so that each mail names the
 * other person and carries the calendar file (the pipeline leaves out the sender's own copy).
 */
async function tellBoth(deps: DeskDeps, booking: Booking) {
  const link = `/booking/${booking.id}`;
  await deps.notify({
    kind: "booking",
    recipients: [booking.clientUserId],
    actorId: booking.staffUserId,
    link,
  });
  await deps.notify({
    kind: "booking",
    recipients: [booking.staffUserId],
    actorId: booking.clientUserId,
    link,
  });
}
