import { describe, expect, it } from "vitest";
import type { Slot } from "./availability.ts";
import type { DeskDeps } from "./desk.ts";
import { addMonths, freeMonth, isLocalDate, isMonth, mondayOf, slotsByDate, weeksOf } from "./planner.ts";

const slot = (startsAt: string): Slot => ({
  startsAt,
  endsAt: new Date(new Date(startsAt).getTime() + 60 * 60_000).toISOString(),
});

describe("the calendar of a month", () => {
  it("checks months and dates", () => {
    expect(isMonth("2026-12")).toBe(true);
    expect(isMonth("2026-13")).toBe(false);
    expect(isLocalDate("2026-02-28")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-2-1")).toBe(false);
  });

  it("counts months over the turn of the year", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
    expect(addMonths("2026-03", 24)).toBe("2028-03");
  });

  it("lays a month out in weeks from Monday, filled with the neighbours' days", () => {
    // March 2026 starts on a Sunday and ends on a Tuesday: six weeks.
    const weeks = weeksOf("2026-03");
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe("2026-02-23");
    expect(weeks[0]?.[6]).toBe("2026-03-01");
    expect(weeks.at(-1)?.[6]).toBe("2026-04-05");
    // February 2027 starts on a Monday and ends on a Sunday: exactly four.
    expect(weeksOf("2027-02")).toHaveLength(4);
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
  });
});

describe("slots on the viewer's own days", () => {
  it("puts a slot on the date it has on the viewer's clock, across the switch to summer time", () => {
    // 22:30 UTC on Saturday 28 March is 23:30 in Amsterdam (winter) but Sunday 07:30 in Tokyo;
    // 22:30 UTC on Sunday 29 March is already Monday 00:30 in Amsterdam (summer time).
    const slots = [slot("2026-03-29T22:30:00Z"), slot("2026-03-28T22:30:00Z"), slot("2026-03-28T08:00:00Z")];
    const amsterdam = slotsByDate(slots, "Europe/Amsterdam");
    expect([...amsterdam.keys()]).toEqual(["2026-03-28", "2026-03-30"]);
    expect(amsterdam.get("2026-03-28")?.map((each) => each.startsAt)).toEqual([
      "2026-03-28T08:00:00Z",
      "2026-03-28T22:30:00Z",
    ]);
    const tokyo = slotsByDate(slots, "Asia/Tokyo");
    expect([...tokyo.keys()]).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
  });

  it("keeps the two 02:30s of the autumn night apart, on one date", () => {
    const slots = [slot("2026-10-25T00:30:00Z"), slot("2026-10-25T01:30:00Z")];
    const byDate = slotsByDate(slots, "Europe/Amsterdam");
    expect(byDate.get("2026-10-25")).toHaveLength(2);
  });
});

describe("a month of free time", () => {
  const staff = "usr_coach";
  const now = new Date("2026-03-10T12:00:00Z");
  function deps(slots: Slot[], asked: { from: Date; until: Date }[] = []): DeskDeps {
    return {
      careTeams: { coachesOf: async () => [{ userId: staff, displayName: "Coach" }] },
      calendars: {
        listAvailability: async (_staff: string, _type: string, from: Date, until: Date) => {
          asked.push({ from, until });
          return slots.filter((each) => new Date(each.startsAt) >= from && new Date(each.startsAt) < until);
        },
      },
      now: () => now,
    } as unknown as DeskDeps;
  }
  const client = { id: "usr_client", role: "client" as const };
  const query = { staffUserId: staff, appointmentTypeId: "apt_1", zone: "Europe/Amsterdam" };

  it("counts each day's slots and offers the next month only when it has free time", async () => {
    const asked: { from: Date; until: Date }[] = [];
    const slots = [slot("2026-03-30T07:00:00Z"), slot("2026-03-30T08:00:00Z"), slot("2026-04-02T07:00:00Z")];
    const month = await freeMonth(deps(slots, asked), client, { ...query, month: null });
    expect(month?.month).toBe("2026-03");
    expect(month?.today).toBe("2026-03-10");
    expect(month?.previous).toBeNull();
    expect(month?.next).toBe("2026-04");
    expect(Object.keys(month?.byDate ?? {})).toEqual(["2026-03-30"]);
    const days = month?.weeks.flat() ?? [];
    expect(days.find((day) => day.date === "2026-03-30")?.free).toBe(2);
    // April's day in the last week of March's view is another month's: no count there.
    expect(days.find((day) => day.date === "2026-04-02")).toMatchObject({ inMonth: false, free: 0 });
    // From midnight Amsterdam winter time on 1 March to midnight summer time on 1 May.
    expect(asked[0]?.from.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(asked[0]?.until.toISOString()).toBe("2026-04-30T22:00:00.000Z");

    const april = await freeMonth(deps(slots), client, { ...query, month: "2026-04" });
    expect(april?.previous).toBe("2026-03");
    expect(april?.next).toBeNull();
  });

  it("turns a past or made-up month into the current one", async () => {
    expect((await freeMonth(deps([]), client, { ...query, month: "2025-01" }))?.month).toBe("2026-03");
    expect((await freeMonth(deps([]), client, { ...query, month: "2026-3" }))?.month).toBe("2026-03");
    expect((await freeMonth(deps([]), client, { ...query, month: "2099-01" }))?.month).toBe("2028-03");
  });

  it("has nothing for someone who may not book this staff member", async () => {
    const stranger = deps([]);
    stranger.careTeams.coachesOf = async () => [];
    expect(await freeMonth(stranger, client, { ...query, month: null })).toBeNull();
  });
});
