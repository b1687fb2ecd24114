import { describe, expect, it } from "vitest";
import {
  blockedTime,
  freeSlots,
  isFreeSlot,
  type AppointmentLength,
  type AvailabilityQuery,
  type BookingRules,
  type BusyTime,
  type StaffSchedule,
} from "./availability.ts";
import { inZone, type Weekday } from "./zoned.ts";

const amsterdam = "Europe/Amsterdam";
const everyDay = [1, 2, 3, 4, 5, 6, 7] as Weekday[];
const mornings: StaffSchedule = {
  timeZone: amsterdam,
  weekly: everyDay.map((weekday) => ({ weekday, start: "09:00", end: "12:00" })),
  exceptions: [],
};
const hour: AppointmentLength = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
const open: BookingRules = {
  minimumNoticeMinutes: 0,
  horizonDays: 365,
  maxPerDay: null,
  slotStepMinutes: 60,
};

function query(changes: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  return {
    schedule: mornings,
    type: hour,
    rules: open,
    busy: [],
    from: new Date("2026-06-01T00:00:00Z"),
    until: new Date("2026-06-02T00:00:00Z"),
    now: new Date("2026-01-01T00:00:00Z"),
    ...changes,
  };
}

/** "YYYY-MM-DD HH:MM" on the clocks of `zone`. */
const clock = (instant: string, zone: string) => {
  const local = inZone(instant, zone);
  return `${local.date} ${local.time}`;
};
const starts = (slots: { startsAt: string }[], zone = amsterdam) =>
  slots.map((slot) => clock(slot.startsAt, zone));
const booked = (startsAt: string, type = hour): BusyTime => blockedTime(type, new Date(startsAt));

describe("free slots across daylight-saving changes", () => {
  const week = (from: string, until: string) =>
    freeSlots(query({ from: new Date(from), until: new Date(until) }));

  it("keeps every morning at 09:00-12:00 Amsterdam time in the last week of March 2026", () => {
    const slots = week("2026-03-23T00:00:00Z", "2026-03-30T00:00:00Z");
    expect(slots).toHaveLength(21);
    expect(new Set(slots.map((slot) => slot.startsAt)).size).toBe(21);
    expect(starts(slots).filter((start) => start.endsWith("09:00"))).toHaveLength(7);
    // Saturday before the switch (UTC+1) and Sunday after it (UTC+2).
    expect(slots.find((slot) => clock(slot.startsAt, amsterdam) === "2026-03-28 09:00")?.startsAt).toBe(
      "2026-03-28T08:00:00.000Z",
    );
    expect(slots.find((slot) => clock(slot.startsAt, amsterdam) === "2026-03-29 09:00")?.startsAt).toBe(
      "2026-03-29T07:00:00.000Z",
    );
  });

  it("shows the same instants at the right local times in New York and Tokyo in March", () => {
    const slots = week("2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z");
    // New York is already on summer time (since 8 March): Amsterdam's switch moves the hour there.
    expect(starts(slots, "America/New_York")).toEqual([
      "2026-03-28 04:00",
      "2026-03-28 05:00",
      "2026-03-28 06:00",
      "2026-03-29 03:00",
      "2026-03-29 04:00",
      "2026-03-29 05:00",
    ]);
    // Tokyo has no daylight saving: the slots come an hour earlier there after the switch.
    expect(starts(slots, "Asia/Tokyo")).toEqual([
      "2026-03-28 17:00",
      "2026-03-28 18:00",
      "2026-03-28 19:00",
      "2026-03-29 16:00",
      "2026-03-29 17:00",
      "2026-03-29 18:00",
    ]);
  });

  it("keeps every morning in the last week of October 2026, seen from New York and Tokyo", () => {
    const slots = week("2026-10-19T00:00:00Z", "2026-10-26T00:00:00Z");
    expect(slots).toHaveLength(21);
    expect(new Set(slots.map((slot) => slot.startsAt)).size).toBe(21);
    const weekend = slots.filter((slot) => slot.startsAt >= "2026-10-24");
    expect(starts(weekend)).toEqual([
      "2026-10-24 09:00",
      "2026-10-24 10:00",
      "2026-10-24 11:00",
      "2026-10-25 09:00",
      "2026-10-25 10:00",
      "2026-10-25 11:00",
    ]);
    // New York switches back only on 1 November.
    expect(starts(weekend, "America/New_York")).toEqual([
      "2026-10-24 03:00",
      "2026-10-24 04:00",
      "2026-10-24 05:00",
      "2026-10-25 04:00",
      "2026-10-25 05:00",
      "2026-10-25 06:00",
    ]);
    expect(starts(weekend, "Asia/Tokyo")).toEqual([
      "2026-10-24 16:00",
      "2026-10-24 17:00",
      "2026-10-24 18:00",
      "2026-10-25 17:00",
      "2026-10-25 18:00",
      "2026-10-25 19:00",
    ]);
  });

  it("loses no slot in the hour skipped in spring and doubles none in the hour repeated in autumn", () => {
    const nights: StaffSchedule = {
      timeZone: amsterdam,
      weekly: [{ weekday: 7, start: "01:00", end: "04:00" }],
      exceptions: [],
    };
    const halfHours = { ...open, slotStepMinutes: 30 };
    // 29 March: 01:00 to 04:00 on the clock is two real hours (02:00-03:00 does not exist).
    const spring = freeSlots(
      query({
        schedule: nights,
        rules: halfHours,
        from: new Date("2026-03-28T12:00:00Z"),
        until: new Date("2026-03-29T12:00:00Z"),
      }),
    );
    expect(spring.map((slot) => slot.startsAt)).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T00:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
    ]);
    expect(starts(spring)).toEqual(["2026-03-29 01:00", "2026-03-29 01:30", "2026-03-29 03:00"]);
    // 25 October: the same clock hours are four real hours; 02:00 comes twice, as two instants.
    const autumn = freeSlots(
      query({
        schedule: nights,
        from: new Date("2026-10-24T12:00:00Z"),
        until: new Date("2026-10-25T12:00:00Z"),
      }),
    );
    expect(autumn.map((slot) => slot.startsAt)).toEqual([
      "2026-10-24T23:00:00.000Z",
      "2026-10-25T00:00:00.000Z",
      "2026-10-25T01:00:00.000Z",
      "2026-10-25T02:00:00.000Z",
    ]);
    expect(starts(autumn)).toEqual([
      "2026-10-25 01:00",
      "2026-10-25 02:00",
      "2026-10-25 02:00",
      "2026-10-25 03:00",
    ]);
    expect(starts(autumn, "Asia/Tokyo")).toEqual([
      "2026-10-25 08:00",
      "2026-10-25 09:00",
      "2026-10-25 10:00",
      "2026-10-25 11:00",
    ]);
  });
});

describe("free slots around existing bookings", () => {
  const quarterSteps = { ...open, slotStepMinutes: 15 };

  it("keeps the buffers of a booking and of the new appointment free", () => {
    const buffered = { durationMinutes: 30, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 };
    // 10:00-10:30 Amsterdam, blocking 09:45-10:45.
    const busy = [booked("2026-06-01T08:00:00Z", buffered)];
    const slots = freeSlots(query({ type: buffered, rules: quarterSteps, busy }));
    expect(starts(slots)).toEqual([
      "2026-06-01 09:00",
      "2026-06-01 11:00",
      "2026-06-01 11:15",
      "2026-06-01 11:30",
    ]);
  });

  it("lets no type of another length overlap a booking", () => {
    const long = { durationMinutes: 90, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
    const short = { durationMinutes: 20, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
    // A 90-minute booking 09:30-11:00.
    const busy = [booked("2026-06-01T07:30:00Z", long)];
    expect(starts(freeSlots(query({ type: short, rules: quarterSteps, busy })))).toEqual([
      "2026-06-01 09:00",
      "2026-06-01 11:00",
      "2026-06-01 11:15",
      "2026-06-01 11:30",
    ]);
    expect(freeSlots(query({ type: long, rules: quarterSteps, busy }))).toEqual([]);
    expect(
      isFreeSlot(query({ type: short, rules: quarterSteps, busy }), new Date("2026-06-01T08:45:00Z")),
    ).toBe(false);
  });
});

describe("free slots under the booking rules", () => {
  it("offers nothing sooner than the minimum notice", () => {
    const now = new Date("2026-06-01T07:30:00Z"); // 09:30 Amsterdam
    const slots = freeSlots(query({ now, rules: { ...open, minimumNoticeMinutes: 60 } }));
    expect(starts(slots)).toEqual(["2026-06-01 11:00"]);
  });

  it("offers nothing beyond the booking horizon", () => {
    const now = new Date("2026-06-01T09:30:00Z"); // 11:30 Amsterdam: up to 11:30 the next day
    const slots = freeSlots(
      query({ now, rules: { ...open, horizonDays: 1 }, until: new Date("2026-06-30T00:00:00Z") }),
    );
    expect(starts(slots)).toEqual(["2026-06-02 09:00", "2026-06-02 10:00", "2026-06-02 11:00"]);
  });

  it("closes a day that has its maximum of appointments", () => {
    const busy = [booked("2026-06-01T07:00:00Z"), booked("2026-06-02T07:00:00Z")];
    const rules = { ...open, maxPerDay: 1 };
    const slots = freeSlots(query({ rules, busy, until: new Date("2026-06-04T00:00:00Z") }));
    expect(starts(slots)).toEqual(["2026-06-03 09:00", "2026-06-03 10:00", "2026-06-03 11:00"]);
  });

  it("counts the maximum per day on the staff member's calendar, not in UTC", () => {
    const late: StaffSchedule = {
      timeZone: amsterdam,
      weekly: [{ weekday: 1, start: "00:00", end: "02:00" }],
      exceptions: [],
    };
    // 00:30 on Monday 1 June in Amsterdam is still Sunday 31 May in UTC.
    const busy = [booked("2026-05-31T22:30:00Z")];
    const slots = freeSlots(
      query({
        schedule: late,
        busy,
        rules: { ...open, maxPerDay: 1, slotStepMinutes: 30 },
        from: new Date("2026-05-31T12:00:00Z"),
      }),
    );
    expect(slots).toEqual([]);
  });

  it("drops the weekly hours on a day off and adds extra hours on a date", () => {
    const schedule: StaffSchedule = {
      ...mornings,
      exceptions: [
        { kind: "dayOff", date: "2026-06-01" },
        { kind: "extraHours", date: "2026-06-02", start: "19:00", end: "21:00" },
      ],
    };
    const slots = freeSlots(query({ schedule, until: new Date("2026-06-03T00:00:00Z") }));
    expect(starts(slots)).toEqual([
      "2026-06-02 09:00",
      "2026-06-02 10:00",
      "2026-06-02 11:00",
      "2026-06-02 19:00",
      "2026-06-02 20:00",
    ]);
  });

  it("offers only slots that fit whole inside a window", () => {
    const slots = freeSlots(
      query({ type: { ...hour, durationMinutes: 100 }, rules: { ...open, slotStepMinutes: 30 } }),
    );
    expect(starts(slots)).toEqual(["2026-06-01 09:00", "2026-06-01 09:30", "2026-06-01 10:00"]);
  });
});

describe("a limited search", () => {
  it("stops at the first slots after the start", () => {
    const slots = freeSlots(query({ limit: 4, until: new Date("2026-07-01T00:00:00Z") }));
    expect(starts(slots)).toEqual([
      "2026-06-01 09:00",
      "2026-06-01 10:00",
      "2026-06-01 11:00",
      "2026-06-02 09:00",
    ]);
  });
});
