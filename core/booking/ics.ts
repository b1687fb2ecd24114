import ical, {
  ICalCalendarMethod,
  ICalEventClass,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalCalendar,
} from "ical-generator";
import type { Location } from "./availability.ts";
import type { Booking, BookingStatus } from "./booking.ts";

/**
 * Calendar files (iCalendar, RFC 5545) for bookings: one event in a mail, or a staff member's
 * feed. ical-generator writes the text (escaping, line folding, dates); ADR 0013 has the choice.
 * An event holds times, the appointment type and a person's name, never anything said or written.
 */

/** A booking with the names its calendar entry shows (a `BookingView` of core/booking/desk.ts). */
export type BookingEvent = Pick<
  Booking,
  "id" | "staffUserId" | "clientUserId" | "location" | "startsAt" | "endsAt" | "status"
> & { typeName: string; clientName: string; staffName: string };

/** The words of an entry in its reader's language, made by the caller: core holds no texts. */
export type EventTexts = {
  /** SUMMARY: the appointment type and the other person, e.g. "Intake met Sanne Visser". */
  summary(typeName: string, otherPerson: string): string;
  /** LOCATION: how the appointment takes place. */
  locations: Record<Location, string>;
  /** DESCRIPTION: the same, and where to see or change the booking. */
  description(location: string, url: string): string;
};

/**
 * PUBLISH adds or updates the event with this UID in the reader's calendar, CANCEL removes it
 * (RFC 5546). A feed is always PUBLISH and simply leaves an event out once it ends.
 */
export type CalendarMethod = "PUBLISH" | "CANCEL";

/** Who sends a mailed calendar file: RFC 5546 asks for an ORGANIZER with PUBLISH and CANCEL. */
export type Organizer = { name: string; email: string };

const productId = "//Portaal//Portaal//NL";

/**
 * How a booking's state reads in a calendar. SEQUENCE grows along the booking's only path
 * (held, confirmed, cancelled), so an app that has the event replaces it with the newer state.
 * The times of a booking never change: moving one makes a new booking and cancels the old.
 */
export function eventStateOf(status: BookingStatus): { status: ICalEventStatus; sequence: number } {
  switch (status) {
    case "held":
      return { status: ICalEventStatus.TENTATIVE, sequence: 0 };
    case "confirmed":
      return { status: ICalEventStatus.CONFIRMED, sequence: 1 };
    case "cancelled":
    case "expired":
      return { status: ICalEventStatus.CANCELLED, sequence: 2 };
  }
}

/**
 * The method of a mailed file: a confirmed booking is published, a cancelled one cancelled. A hold
 * is not an appointment yet and an expired hold never was one: they get no file.
 */
export function mailMethodOf(status: BookingStatus): CalendarMethod | null {
  if (status === "confirmed") return "PUBLISH";
  if (status === "cancelled") return "CANCEL";
  return null;
}

/** The name of the other person in the booking, as `viewerId` sees it; null when they are not in it. */
export function otherPersonOf(event: BookingEvent, viewerId: string): string | null {
  if (viewerId === event.clientUserId) return event.staffName;
  if (viewerId === event.staffUserId) return event.clientName;
  return null;
}

/** The UID names the booking and the tenant's host, so every file of one booking is one event. */
export function uidOf(bookingId: string, origin: string): string {
  return `${bookingId}@${new URL(origin).hostname}`;
}

type EventInput = {
  event: BookingEvent;
  otherPerson: string;
  origin: string;
  texts: EventTexts;
  now: Date;
  organizer?: Organizer;
};

function addEvent(
  calendar: ICalCalendar,
  { event: booking, otherPerson, origin, texts, now, organizer }: EventInput,
): void {
  const url = `${origin}/booking/${booking.id}`;
  const location = texts.locations[booking.location];
  const state = eventStateOf(booking.status);
  calendar.createEvent({
    id: uidOf(booking.id, origin),
    sequence: state.sequence,
    stamp: now,
    // Instants in UTC: every calendar app shows them in its reader's own zone.
    start: new Date(booking.startsAt),
    end: new Date(booking.endsAt),
    summary: texts.summary(booking.typeName, otherPerson),
    location,
    description: texts.description(location, url),
    url,
    organizer: organizer ?? null,
    status: state.status,
    // A calendar shared with colleagues shows the time as busy, not who it is with.
    class: ICalEventClass.PRIVATE,
    transparency:
      state.status === ICalEventStatus.CANCELLED
        ? ICalEventTransparency.TRANSPARENT
        : ICalEventTransparency.OPAQUE,
  });
}

/**
 * The calendar file a mail to `viewerId` carries about one booking: PUBLISH for a confirmed
 * booking, CANCEL for a cancelled one. Null when the viewer is neither the booking's client nor
 * its staff member, or when the booking is in no state to send (a hold).
 */
export function bookingCalendarFile(input: {
  event: BookingEvent;
  viewerId: string;
  origin: string;
  /** The sender of a mailed file; a file the viewer downloads for their own calendar has none. */
  organizer?: Organizer;
  texts: EventTexts;
  now: Date;
}): { method: CalendarMethod; ics: string } | null {
  const otherPerson = otherPersonOf(input.event, input.viewerId);
  const method = mailMethodOf(input.event.status);
  if (otherPerson === null || method === null) return null;
  const calendar = ical({
    prodId: productId,
    method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  addEvent(calendar, { ...input, otherPerson });
  return { method, ics: calendar.toString() };
}

/**
 * A staff member's feed: their held (tentative) and confirmed bookings as one calendar that a
 * calendar app subscribes to and refreshes itself. Events of other staff are left out.
 */
export function feedCalendar(input: {
  name: string;
  staffUserId: string;
  events: readonly BookingEvent[];
  origin: string;
  texts: EventTexts;
  now: Date;
  refreshMinutes: number;
}): string {
  const calendar = ical({
    prodId: productId,
    method: ICalCalendarMethod.PUBLISH,
    name: input.name,
    ttl: input.refreshMinutes * 60,
  });
  for (const event of input.events) {
    if (event.staffUserId !== input.staffUserId) continue;
    if (event.status !== "held" && event.status !== "confirmed") continue;
    addEvent(calendar, { ...input, event, otherPerson: event.clientName });
  }
  return calendar.toString();
}
