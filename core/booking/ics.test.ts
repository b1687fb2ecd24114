import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { BookingStatus } from "./booking.ts";
import { bookingCalendarFile, feedCalendar, type BookingEvent, type EventTexts } from "./ics.ts";

// The files are read back with ical.js (Mozilla's parser, as Thunderbird uses it), not with the
// library that wrote them, so escaping, folding and dates are checked by an independent reader.

const texts: EventTexts = {
  summary: (type, person) => `${type} met ${person}`,
  locations: { online: "Online", onSite: "Op locatie", phone: "Telefonisch" },
  description: (location, url) => `${location}. Bekijken of wijzigen: ${url}`,
};
const origin = "https://mijn.koerscoaching.nl";
const organizer = { name: "Koers Coaching", email: "noreply@portaal.app" };
const now = new Date("2026-11-22T10:00:00Z");

function eventOf(status: BookingStatus, changes: Partial<BookingEvent> = {}): BookingEvent {
  return {
    id: "bkg_01KAQ5Z0000000000000000000",
    staffUserId: "usr_staff",
    clientUserId: "usr_client",
    location: "online",
    startsAt: "2026-12-01T09:00:00.000Z",
    endsAt: "2026-12-01T09:45:00.000Z",
    status,
    typeName: "Intake; eerste gesprek",
    clientName: "Sanne Visser, jr.",
    staffName: "Anouk de Vries",
    ...changes,
  };
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent");
  const value = (event: ICAL.Component, name: string) => event.getFirstPropertyValue(name);
  const sequence = (event: ICAL.Component) => Number(event.getFirstPropertyValue("sequence"));
  const time = (event: ICAL.Component, name: string) => {
    const property = event.getFirstProperty(name)!;
    const parsed = property.getFirstValue() as ICAL.Time;
    return { iso: parsed.toJSDate().toISOString(), utc: parsed.zone?.tzid === "UTC" };
  };
  return { calendar, events, value, time, sequence };
}

describe("a booking's calendar file in a mail", () => {
  it("publishes a confirmed booking to its client, with the staff member's name", () => {
    const file = bookingCalendarFile({
      event: eventOf("confirmed"),
      viewerId: "usr_client",
      origin,
      organizer,
      texts,
      now,
    });
    expect(file?.method).toBe("PUBLISH");
    const { calendar, events, value, time } = parse(file!.ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(value(event, "uid")).toBe("bkg_01KAQ5Z0000000000000000000@mijn.koerscoaching.nl");
    expect(time(event, "dtstart")).toEqual({ iso: "2026-12-01T09:00:00.000Z", utc: true });
    expect(time(event, "dtend")).toEqual({ iso: "2026-12-01T09:45:00.000Z", utc: true });
    expect(value(event, "summary")).toBe("Intake; eerste gesprek met Anouk de Vries");
    expect(value(event, "location")).toBe("Online");
    expect(value(event, "description")).toBe(
      "Online. Bekijken of wijzigen: https://mijn.koerscoaching.nl/booking/bkg_01KAQ5Z0000000000000000000",
    );
    expect(value(event, "url")).toBe("https://mijn.koerscoaching.nl/booking/bkg_01KAQ5Z0000000000000000000");
    expect(value(event, "status")).toBe("CONFIRMED");
    expect(value(event, "sequence")).toBe(1);
    expect(value(event, "class")).toBe("PRIVATE");
    expect(value(event, "organizer")).toBe("mailto:noreply@portaal.app");
    expect(time(event, "dtstamp").iso).toBe(now.toISOString());
  });

  it("names the client to the staff member, and the way of meeting in the reader's words", () => {
    const file = bookingCalendarFile({
      event: eventOf("confirmed", { location: "phone" }),
      viewerId: "usr_staff",
      origin,
      organizer,
      texts,
      now,
    });
    const { events, value } = parse(file!.ics);
    expect(value(events[0]!, "summary")).toBe("Intake; eerste gesprek met Sanne Visser, jr.");
    expect(value(events[0]!, "location")).toBe("Telefonisch");
  });

  it("cancels a cancelled booking: the same UID with a higher sequence, so the app removes it", () => {
    const confirmed = parse(
      bookingCalendarFile({
        event: eventOf("confirmed"),
        viewerId: "usr_client",
        origin,
        organizer,
        texts,
        now,
      })!.ics,
    );
    const file = bookingCalendarFile({
      event: eventOf("cancelled"),
      viewerId: "usr_client",
      origin,
      organizer,
      texts,
      now,
    });
    expect(file?.method).toBe("CANCEL");
    const { calendar, events, value, sequence } = parse(file!.ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(value(events[0]!, "status")).toBe("CANCELLED");
    expect(value(events[0]!, "uid")).toBe(confirmed.value(confirmed.events[0]!, "uid"));
    expect(sequence(events[0]!)).toBeGreaterThan(confirmed.sequence(confirmed.events[0]!));
    expect(value(events[0]!, "transp")).toBe("TRANSPARENT");
  });

  it("gives nothing to someone outside the booking, and nothing for a hold", () => {
    const input = { viewerId: "usr_client", origin, organizer, texts, now };
    expect(bookingCalendarFile({ ...input, event: eventOf("confirmed"), viewerId: "usr_other" })).toBeNull();
    expect(bookingCalendarFile({ ...input, event: eventOf("held") })).toBeNull();
    expect(bookingCalendarFile({ ...input, event: eventOf("expired") })).toBeNull();
  });
});

describe("a staff member's feed", () => {
  it("lists their held and confirmed bookings only, each with the client's name", () => {
    const ics = feedCalendar({
      name: "Koers Coaching: afspraken",
      staffUserId: "usr_staff",
      events: [
        eventOf("confirmed", { id: "bkg_1" }),
        eventOf("held", {
          id: "bkg_2",
          startsAt: "2026-12-02T13:00:00.000Z",
          endsAt: "2026-12-02T14:00:00.000Z",
        }),
        eventOf("cancelled", { id: "bkg_3" }),
        eventOf("confirmed", { id: "bkg_4", staffUserId: "usr_colleague" }),
      ],
      origin,
      texts,
      now,
      refreshMinutes: 15,
    });
    const { calendar, events, value, time } = parse(ics);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Koers Coaching: afspraken");
    expect(events.map((event) => value(event, "uid"))).toEqual([
      "bkg_1@mijn.koerscoaching.nl",
      "bkg_2@mijn.koerscoaching.nl",
    ]);
    expect(events.map((event) => value(event, "status"))).toEqual(["CONFIRMED", "TENTATIVE"]);
    expect(value(events[1]!, "summary")).toBe("Intake; eerste gesprek met Sanne Visser, jr.");
    expect(time(events[1]!, "dtstart").iso).toBe("2026-12-02T13:00:00.000Z");
    expect(value(events[0]!, "organizer")).toBeNull();
  });

  it("is a valid empty calendar without bookings", () => {
    const ics = feedCalendar({
      name: "Agenda",
      staffUserId: "usr_staff",
      events: [],
      origin,
      texts,
      now,
      refreshMinutes: 15,
    });
    expect(parse(ics).events).toEqual([]);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  });
});
