import { describe, expect, it } from "vitest";
import { quietUntil } from "./quiet-hours.ts";

const night = { start: "22:00", end: "07:00" };

describe("quietUntil", () => {
  it("is not quiet during the day", () => {
    expect(quietUntil(new Date("2026-11-22T12:00:00Z"), "Europe/Amsterdam", night)).toBeNull();
  });

  it("ends the night at 07:00 in the recipient's own zone", () => {
    // 23:30 in Amsterdam (UTC+1 in winter) -> 07:00 next morning local = 06:00 UTC.
    expect(quietUntil(new Date("2026-11-22T22:30:00Z"), "Europe/Amsterdam", night)?.toISOString()).toBe(
      "2026-11-23T06:00:00.000Z",
    );
    // The same moment is 17:30 in New York: not quiet there.
    expect(quietUntil(new Date("2026-11-22T22:30:00Z"), "America/New_York", night)).toBeNull();
  });

  it("handles the early-morning side of the night", () => {
    expect(quietUntil(new Date("2026-11-23T03:00:00Z"), "Europe/Amsterdam", night)?.toISOString()).toBe(
      "2026-11-23T06:00:00.000Z",
    );
  });

  it("ends at 07:00 local across a daylight-saving change", () => {
    // Night of 28 to 29 March 2026: clocks go from 02:00 to 03:00 in Amsterdam; 07:00 CEST = 05:00 UTC.
    expect(quietUntil(new Date("2026-03-28T23:00:00Z"), "Europe/Amsterdam", night)?.toISOString()).toBe(
      "2026-03-29T05:00:00.000Z",
    );
  });

  it("supports quiet hours within one day and none at all", () => {
    const lunch = { start: "12:00", end: "13:00" };
    expect(quietUntil(new Date("2026-06-01T10:30:00Z"), "Europe/Amsterdam", lunch)?.toISOString()).toBe(
      "2026-06-01T11:00:00.000Z",
    );
    expect(quietUntil(new Date("2026-11-22T23:00:00Z"), "Europe/Amsterdam", null)).toBeNull();
  });

  it("treats an unknown zone as UTC rather than never sending", () => {
    expect(quietUntil(new Date("2026-11-22T23:00:00Z"), "Mars/Olympus", night)?.toISOString()).toBe(
      "2026-11-23T07:00:00.000Z",
    );
  });
});
