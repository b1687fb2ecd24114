// The package's types are not reachable through its "exports"; they declare the module itself.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../node_modules/date-holidays-parser/types/index.d.ts" />
import Holidays from "date-holidays-parser";
import type { Language } from "../kernel/tenants/languages.ts";
import data from "./public-holidays.data.json";
import type { HolidayCountry } from "./settings.ts";
import { addDays, type LocalDate } from "./zoned.ts";

/**
 * A country's public holidays (date-holidays' rules, ADR 0022): whole dates of the country's
 * calendar, so they close the same dates in every staff member's own calendar. The data has no
 * time zones, so the parser reads every holiday as a local date and converts nothing.
 */

export type PublicHoliday = { date: LocalDate; name: string };

const day = 24 * 60 * 60_000;
const parsers = new Map<HolidayCountry, Holidays>();
const years = new Map<string, PublicHoliday[]>();

function parserOf(country: HolidayCountry): Holidays {
  let parser = parsers.get(country);
  if (!parser) {
    parser = new Holidays(data, country, { types: ["public"] });
    parsers.set(country, parser);
  }
  return parser;
}

/** The public holidays of one year, in date order, named in `language` where the data has it. */
export function publicHolidaysIn(country: HolidayCountry, year: number, language: Language): PublicHoliday[] {
  const key = `${country}:${year}:${language}`;
  let found = years.get(key);
  if (!found) {
    found = parserOf(country)
      .getHolidays(year, language)
      .flatMap((holiday) => {
        const first = holiday.date.slice(0, 10);
        // A holiday of several days (none of the current countries has one) closes each of them.
        const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / day));
        return Array.from({ length: days }, (_, index) => ({
          date: addDays(first, index),
          name: holiday.name,
        }));
      });
    years.set(key, found);
  }
  return found;
}

/** The public holidays from `first` to `last` (both included). */
export function publicHolidaysBetween(
  country: HolidayCountry,
  first: LocalDate,
  last: LocalDate,
  language: Language,
): PublicHoliday[] {
  const holidays: PublicHoliday[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++)
    holidays.push(
      ...publicHolidaysIn(country, year, language).filter(({ date }) => date >= first && date <= last),
    );
  return holidays;
}
