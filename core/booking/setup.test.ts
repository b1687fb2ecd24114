import { describe, expect, it } from "vitest";
import { parseException } from "./setup-exceptions.ts";
import { isTimeZone, timeZoneChoices } from "./setup-forms.ts";
import {
  availabilityValuesFrom,
  availabilityValuesOf,
  parseAvailability,
  withRowAdded,
  withRowRemoved,
  type AvailabilityValues,
  type WindowValues,
} from "./setup-hours.ts";
import { parseBookingRules } from "./setup-rules.ts";
import { parseAppointmentType } from "./setup-types.ts";

const profile = {
  timeZone: "Europe/Amsterdam",
  minimumNoticeHours: "12",
  horizonDays: "60",
  maxPerDay: "",
  slotStepMinutes: "15",
};

/** A form with these rows per weekday (1 is Monday), nothing on the other days. */
function form(days: Partial<Record<number, WindowValues[]>> = {}, changes: Partial<AvailabilityValues> = {}) {
  return {
    ...profile,
    week: [1, 2, 3, 4, 5, 6, 7].map((day) => days[day] ?? []),
    ...changes,
  };
}

describe("a staff member's profile", () => {
  it("takes their zone and rules, notice in hours kept in minutes, an empty maximum as none", () => {
    const parsed = parseAvailability(form());
    expect(parsed).toEqual({
      ok: true,
      value: {
        profile: {
          timeZone: "Europe/Amsterdam",
          minimumNoticeMinutes: 720,
          horizonDays: 60,
          maxPerDay: null,
          slotStepMinutes: 15,
        },
        weekly: [],
      },
    });
    const limited = parseAvailability(form({}, { maxPerDay: " 6 ", minimumNoticeHours: "0" }));
    expect(limited.ok && limited.value.profile).toMatchObject({ maxPerDay: 6, minimumNoticeMinutes: 0 });
  });

  it("refuses a zone that is no IANA zone, and numbers out of bounds, each at its field", () => {
    const parsed = parseAvailability(
      form(
        {},
        {
          timeZone: "Mars/Olympus",
          minimumNoticeHours: "-1",
          horizonDays: "0",
          maxPerDay: "many",
          slotStepMinutes: "61",
        },
      ),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        timeZone: { code: "timeZone" },
        minimumNoticeHours: { code: "noticeRange" },
        horizonDays: { code: "horizonRange" },
        maxPerDay: { code: "maxPerDayRange" },
        slotStepMinutes: { code: "stepRange" },
      },
    });
    expect(parseAvailability(form({}, { slotStepMinutes: "4" })).ok).toBe(false);
    expect(parseAvailability(form({}, { slotStepMinutes: "5" })).ok).toBe(true);
    expect(parseAvailability(form({}, { slotStepMinutes: "60" })).ok).toBe(true);
    expect(parseAvailability(form({}, { slotStepMinutes: "7.5" })).ok).toBe(false);
  });

  it("knows IANA zone names and refuses offsets, abbreviations and other spellings", () => {
    for (const zone of [
      "Europe/Amsterdam",
      "America/New_York",
      "Asia/Tokyo",
      "America/Argentina/Buenos_Aires",
      "UTC",
    ])
      expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of [
      "",
      "+01:00",
      "EST",
      "europe/amsterdam",
      "Europe/Atlantis",
      "Amsterdam",
      "Europe/Amsterdam ",
      "Europe/AMSTERDAM",
      "Europe/amsterdam",
    ])
      expect(isTimeZone(zone), zone).toBe(false);
    expect(timeZoneChoices("Europe/Amsterdam")).toContain("Europe/Amsterdam");
    expect(timeZoneChoices("Europe/Amsterdam")).toContain("UTC");
  });
});

describe("weekly hours", () => {
  it("gives every filled row as a window, sorted, and skips rows left empty", () => {
    const parsed = parseAvailability(
      form({
        1: [
          { start: "13:00", end: "17:00" },
          { start: "", end: "" },
          { start: "9:00", end: "12.00" },
        ],
        5: [{ start: "22:00", end: "00:00" }],
        7: [{ start: "00:00", end: "24:00" }],
      }),
    );
    expect(parsed.ok && parsed.value.weekly).toEqual([
      { weekday: 1, start: "09:00", end: "12:00" },
      { weekday: 1, start: "13:00", end: "17:00" },
      // An end at midnight, as a time picker offers it ("00:00") or written out, ends the day.
      { weekday: 5, start: "22:00", end: "24:00" },
      { weekday: 7, start: "00:00", end: "24:00" },
    ]);
  });

  it("refuses an end before its start, a missing or malformed time, at the field concerned", () => {
    const parsed = parseAvailability(
      form({
        1: [{ start: "14:00", end: "13:00" }],
        2: [{ start: "09:00", end: "" }],
        3: [{ start: "25:00", end: "26:00" }],
        4: [{ start: "24:00", end: "24:00" }],
        6: [{ start: "10:00", end: "10:00" }],
      }),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        "day1-0-end": { code: "endBeforeStart" },
        "day2-0-end": { code: "timeMissing" },
        "day3-0-start": { code: "timeInvalid" },
        "day3-0-end": { code: "timeInvalid" },
        "day4-0-start": { code: "timeInvalid" },
        "day6-0-end": { code: "endBeforeStart" },
      },
    });
  });

  it("refuses overlapping windows on one weekday, naming the window it overlaps; touching is fine", () => {
    const parsed = parseAvailability(
      form({
        1: [
          { start: "09:00", end: "12:00" },
          { start: "12:00", end: "13:00" },
          { start: "11:30", end: "12:30" },
        ],
        // The same hours on another day are another day.
        2: [{ start: "11:30", end: "12:30" }],
        3: [
          { start: "08:00", end: "18:00" },
          { start: "10:00", end: "11:00" },
        ],
      }),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        "day1-2-start": { code: "overlap", other: "09:00–12:00" },
        "day3-1-start": { code: "overlap", other: "08:00–18:00" },
      },
    });
  });

  it("refuses more windows on one day than a schedule needs", () => {
    const rows = Array.from({ length: 13 }, (_, hour) => ({
      start: `${String(hour + 6).padStart(2, "0")}:00`,
      end: `${String(hour + 6).padStart(2, "0")}:30`,
    }));
    const parsed = parseAvailability(form({ 2: rows }));
    expect(parsed.ok ? null : parsed.errors.day2).toEqual({ code: "tooManyWindows" });
  });

  it("reads the form's rows back as typed, and adds and removes rows without saving", () => {
    const values = availabilityValuesOf({
      ...profile,
      "day1-0-start": "09:00",
      "day1-0-end": "12:00",
      "day1-1-start": "13:00",
      "day1-1-end": "",
      "day3-0-start": "",
      "day3-0-end": "",
      // A gap ends the rows of a day: row 3 without a row 2 is not read.
      "day1-3-start": "20:00",
    });
    expect(values.week[0]).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "13:00", end: "" },
    ]);
    expect(values.week[2]).toEqual([{ start: "", end: "" }]);
    expect(values.week[1]).toEqual([]);
    expect(withRowAdded(values, 2).week[1]).toEqual([{ start: "", end: "" }]);
    expect(withRowRemoved(values, 1, 0).week[0]).toEqual([{ start: "13:00", end: "" }]);
  });

  it("shows stored hours per weekday in order, and a new staff member's defaults in their own zone", () => {
    const values = availabilityValuesFrom(
      {
        profile: null,
        weekly: [
          { weekday: 2, start: "13:00", end: "17:00" },
          { weekday: 2, start: "09:00", end: "12:00" },
        ],
        exceptions: [],
      },
      "America/New_York",
    );
    expect(values).toMatchObject({ timeZone: "America/New_York", minimumNoticeHours: "12", maxPerDay: "" });
    expect(values.week[1]).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "13:00", end: "17:00" },
    ]);
    // What is shown parses back to the same thing.
    const again = parseAvailability(values);
    expect(again.ok && again.value.weekly).toHaveLength(2);
  });
});

describe("exceptions", () => {
  const today = "2026-06-10";

  it("takes a day off, or extra hours with times, from today on", () => {
    expect(parseException({ date: "2026-06-10", kind: "dayOff", start: "09:00", end: "" }, today)).toEqual({
      ok: true,
      value: { kind: "dayOff", date: "2026-06-10" },
    });
    expect(
      parseException({ date: "2026-12-24", kind: "extraHours", start: "18:00", end: "00:00" }, today),
    ).toEqual({ ok: true, value: { kind: "extraHours", date: "2026-12-24", start: "18:00", end: "24:00" } });
  });

  it("refuses a date in the past, a date that does not exist, a missing kind or times", () => {
    expect(parseException({ date: "2026-06-09", kind: "dayOff", start: "", end: "" }, today)).toEqual({
      ok: false,
      errors: { date: { code: "dateInPast" } },
    });
    expect(parseException({ date: "2026-02-30", kind: "", start: "", end: "" }, today)).toEqual({
      ok: false,
      errors: { date: { code: "dateInvalid" }, kind: { code: "kindMissing" } },
    });
    expect(parseException({ date: "", kind: "holiday", start: "", end: "" }, today)).toEqual({
      ok: false,
      errors: { date: { code: "dateInvalid" }, kind: { code: "kindMissing" } },
    });
    expect(parseException({ date: "2026-07-01", kind: "extraHours", start: "", end: "" }, today)).toEqual({
      ok: false,
      errors: { start: { code: "timeMissing" }, end: { code: "timeMissing" } },
    });
    expect(
      parseException({ date: "2026-07-01", kind: "extraHours", start: "18:00", end: "17:00" }, today),
    ).toEqual({ ok: false, errors: { end: { code: "endBeforeStart" } } });
  });
});

describe("appointment types", () => {
  const valid = {
    name: "  Coachgesprek ",
    durationMinutes: "60",
    bufferBeforeMinutes: "0",
    bufferAfterMinutes: "15",
    location: "onSite",
    staffUserId: "",
  };

  it("takes a tenant-wide type or one for a staff member of the tenant", () => {
    expect(parseAppointmentType(valid, [])).toEqual({
      ok: true,
      value: {
        name: "Coachgesprek",
        durationMinutes: 60,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 15,
        location: "onSite",
        staffUserId: null,
      },
    });
    const own = parseAppointmentType({ ...valid, staffUserId: "usr_anouk" }, ["usr_anouk"]);
    expect(own.ok && own.value.staffUserId).toBe("usr_anouk");
  });

  it("refuses every field out of bounds at that field, and a staff member who is not the tenant's", () => {
    expect(
      parseAppointmentType(
        {
          name: " ",
          durationMinutes: "4",
          bufferBeforeMinutes: "121",
          bufferAfterMinutes: "-5",
          location: "moon",
          staffUserId: "usr_other_tenant",
        },
        ["usr_anouk"],
      ),
    ).toEqual({
      ok: false,
      errors: {
        name: { code: "nameMissing" },
        durationMinutes: { code: "durationRange" },
        bufferBeforeMinutes: { code: "bufferRange" },
        bufferAfterMinutes: { code: "bufferRange" },
        location: { code: "locationMissing" },
      },
    });
    expect(parseAppointmentType({ ...valid, staffUserId: "usr_other_tenant" }, ["usr_anouk"])).toEqual({
      ok: false,
      errors: { staffUserId: { code: "staffUnknown" } },
    });
    expect(parseAppointmentType({ ...valid, name: "x".repeat(81) }, [])).toEqual({
      ok: false,
      errors: { name: { code: "nameTooLong" } },
    });
    expect(
      parseAppointmentType({ ...valid, durationMinutes: "480", bufferBeforeMinutes: "120" }, []).ok,
    ).toBe(true);
    expect(parseAppointmentType({ ...valid, durationMinutes: "481" }, []).ok).toBe(false);
  });
});

describe("the tenant's booking rules", () => {
  it("takes whole numbers within the settings' bounds, each refusal at its field", () => {
    expect(
      parseBookingRules({
        cancelNoticeHours: "24",
        reminderHours: "0",
        offerHoldMinutes: "60",
        country: "BE",
      }),
    ).toEqual({
      ok: true,
      value: { cancelNoticeHours: 24, reminderHours: 0, offerHoldMinutes: 60, country: "BE" },
    });
    expect(
      parseBookingRules({ cancelNoticeHours: "", reminderHours: "73", offerHoldMinutes: "9", country: "NL" }),
    ).toEqual({
      ok: false,
      errors: {
        cancelNoticeHours: { code: "cancelNoticeRange" },
        reminderHours: { code: "reminderRange" },
        offerHoldMinutes: { code: "offerHoldRange" },
      },
    });
  });

  it("takes only a country whose public holidays it knows", () => {
    const rules = { cancelNoticeHours: "24", reminderHours: "24", offerHoldMinutes: "60" };
    for (const country of ["XX", "nl", "Netherlands", ""])
      expect(parseBookingRules({ ...rules, country }), country).toEqual({
        ok: false,
        errors: { country: { code: "countryUnknown" } },
      });
  });
});
