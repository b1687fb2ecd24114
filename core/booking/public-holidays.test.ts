import { data } from "date-holidays/data";
import { describe, expect, it } from "vitest";
import { publicHolidayData, type HolidaySource } from "../../scripts/public-holidays-data.ts";
import { closedDatesBetween } from "./closure-days.ts";
import written from "./public-holidays.data.json";
import { publicHolidaysBetween, publicHolidaysIn } from "./public-holidays.ts";

const datesOf = (country: "NL" | "BE" | "DE", year: number) =>
  publicHolidaysIn(country, year, "en").map(({ date }) => date);

describe("public holidays", () => {
  it("are the national public holidays of the Netherlands, named in the page's language", () => {
    expect(publicHolidaysIn("NL", 2027, "nl")).toEqual([
      { date: "2027-01-01", name: "Nieuwjaar" },
      { date: "2027-03-28", name: "Pasen" },
      { date: "2027-03-29", name: "Tweede paasdag" },
      { date: "2027-04-27", name: "Koningsdag" },
      { date: "2027-05-06", name: "Hemelvaartsdag" },
      { date: "2027-05-16", name: "Pinksteren" },
      { date: "2027-05-17", name: "Tweede pinksterdag" },
      { date: "2027-12-25", name: "Kerstmis" },
      { date: "2027-12-26", name: "Tweede kerstdag" },
    ]);
    expect(publicHolidaysIn("NL", 2026, "en").slice(-2)).toEqual([
      { date: "2026-12-25", name: "Christmas Day" },
      { date: "2026-12-26", name: "Boxing Day" },
    ]);
  });

  it("leave out observances: Mother's Day and Good Friday are no public holidays in the Netherlands", () => {
    expect(datesOf("NL", 2026)).not.toContain("2026-05-10");
    expect(datesOf("NL", 2026)).not.toContain("2026-04-03");
  });

  it("are each country's own", () => {
    expect(datesOf("BE", 2026)).toEqual(expect.arrayContaining(["2026-07-21", "2026-11-11", "2026-12-25"]));
    expect(datesOf("BE", 2026)).not.toContain("2026-04-27");
    expect(datesOf("DE", 2026)).toEqual(expect.arrayContaining(["2026-04-03", "2026-10-03", "2026-12-26"]));
    expect(datesOf("DE", 2026)).not.toContain("2026-04-27");
  });

  it("span the years of a range", () => {
    expect(publicHolidaysBetween("NL", "2026-12-20", "2027-01-10", "en").map(({ date }) => date)).toEqual([
      "2026-12-25",
      "2026-12-26",
      "2027-01-01",
    ]);
  });

  it("close the dates of a range together with the tenant's closure days", () => {
    const closed = closedDatesBetween(
      {
        country: "NL",
        closureDays: [
          { firstDate: "2026-12-29", lastDate: "2026-12-31", label: "Winter" },
          { firstDate: "2026-11-01", lastDate: "2026-11-02", label: null },
        ],
      },
      "2026-12-24",
      "2027-01-02",
    );
    expect([...closed].sort()).toEqual([
      "2026-12-25",
      "2026-12-26",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
    ]);
  });

  it("come from the installed date-holidays: the data file is what `npm run holidays` writes", () => {
    expect(written).toEqual(publicHolidayData(data as HolidaySource));
  });
});
