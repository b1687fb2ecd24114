import { describe, expect, it } from "vitest";
import { isCalendarDate, parseComment, parseProgress, parseSmart, smartValuesOf } from "./forms.ts";
import type { Goal } from "./goal.ts";
import { summariseGoals } from "./summary.ts";

const values = smartValuesOf({ title: " Hardlopen ", dueOn: "2026-12-31" });

describe("the goal forms", () => {
  it("takes a title with an optional date, trimmed", () => {
    expect(parseSmart(values, "2026-11-23")).toEqual({
      ok: true,
      value: {
        title: "Hardlopen",
        specific: "",
        measurable: "",
        acceptable: "",
        realistic: "",
        dueOn: "2026-12-31",
      },
    });
    expect(parseSmart({ ...values, dueOn: " " }, "2026-11-23")).toMatchObject({
      ok: true,
      value: { dueOn: null },
    });
  });

  it("names each wrong field with its code", () => {
    expect(
      parseSmart({ ...values, title: "", specific: "x".repeat(2001), dueOn: "31-12-2026" }, "2026-11-23"),
    ).toEqual({
      ok: false,
      errors: { title: "titleMissing", specific: "textTooLong", dueOn: "dateInvalid" },
    });
    expect(parseSmart(values, "2027-01-01")).toEqual({ ok: false, errors: { dueOn: "dateInPast" } });
    // A date that has passed may stay when the goal is changed otherwise.
    expect(parseSmart(values, "2027-01-01", "2026-12-31").ok).toBe(true);
  });

  it("knows real calendar dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2026-4-1")).toBe(false);
  });

  it("takes a whole progress from 0 to 100, with or without %", () => {
    expect(parseProgress("0", "")).toEqual({ ok: true, value: { progress: 0, note: null } });
    expect(parseProgress(" 100 % ", " klaar ")).toEqual({
      ok: true,
      value: { progress: 100, note: "klaar" },
    });
    for (const wrong of ["101", "-1", "1e2", "50.5", "", "abc"])
      expect(parseProgress(wrong, "")).toEqual({ ok: false, errors: { progress: "progressInvalid" } });
    expect(parseProgress(50, "x".repeat(501))).toEqual({ ok: false, errors: { note: "noteTooLong" } });
  });

  it("needs a comment to say something", () => {
    expect(parseComment("  ")).toEqual({ ok: false, errors: { body: "commentMissing" } });
    expect(parseComment(" Goed zo ")).toEqual({ ok: true, value: "Goed zo" });
  });
});

describe("the summary of a client's goals", () => {
  const goal = (fields: Partial<Goal>): Goal => ({
    id: "gol_1",
    clientUserId: "usr_1",
    title: "Doel",
    specific: "",
    measurable: "",
    acceptable: "",
    realistic: "",
    dueOn: null,
    progress: 0,
    status: "open",
    createdByUserId: "usr_1",
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
    closedAt: null,
    ...fields,
  });

  it("counts the open goals, averages their progress and names the first one due", () => {
    expect(
      summariseGoals([
        goal({ id: "a", progress: 20, dueOn: "2027-03-01" }),
        goal({ id: "b", progress: 45, dueOn: "2027-01-15", title: "Eerst" }),
        goal({ id: "c", progress: 50 }),
        goal({ id: "d", progress: 100, status: "achieved" }),
      ]),
    ).toEqual({
      open: 3,
      achieved: 1,
      averageProgress: 38,
      nextDue: { id: "b", title: "Eerst", dueOn: "2027-01-15" },
    });
    expect(summariseGoals([])).toEqual({ open: 0, achieved: 0, averageProgress: null, nextDue: null });
  });
});
