import { holidayCountries } from "../core/booking/settings.ts";
import { languages } from "../core/kernel/tenants/languages.ts";

/**
 * The part of date-holidays' data that booking uses: the national public holidays of the
 * countries a tenant can choose, with their names in Portaal's languages and the country's own.
 * Everything else (states and regions, observances, other countries, other languages, time zones)
 * stays out of the Worker. Without a zone the parser reads every holiday as a whole local date,
 * so it never needs moment-timezone's data; a rule that needs a zone is refused here instead.
 */

type Names = Record<string, string>;
type Rule = { name?: Names; _name?: string; type?: string; [key: string]: unknown };
type Country = { names: Names; langs?: string[]; dayoff?: string; days: Record<string, Rule> };
export type HolidaySource = {
  version: string;
  license: string;
  holidays: Record<string, Country>;
  names: Record<string, Rule>;
};

/** Rules the parser would turn into instants through a time zone (equinoxes, "… in Asia/Tokyo"). */
const needsZone = /equinox|solstice| in (?:[A-Za-z_]+\/[A-Za-z_/]+|[+-]\d{2}:\d{2})/;

const namesIn = (names: Names | undefined, keep: readonly string[]): Names | undefined =>
  names && Object.fromEntries(Object.entries(names).filter(([language]) => keep.includes(language)));

export function publicHolidayData(source: HolidaySource, countries: readonly string[] = holidayCountries) {
  const holidays = Object.fromEntries(
    countries.map((code) => {
      const country = source.holidays[code];
      if (!country) throw new Error(`date-holidays has no data for ${code}`);
      const keep = [...languages, ...(country.langs ?? [])];
      const days = Object.entries(country.days).flatMap(([rule, own]) => {
        // A rule may take its names (and its type) from the shared names; resolved here.
        const { _name, ...merged } = { ...(own._name ? source.names[own._name] : {}), ...own };
        if ((merged.type ?? "public") !== "public") return [];
        if (needsZone.test(rule)) throw new Error(`${code}: "${rule}" needs a time zone`);
        return [[rule, { ...merged, name: namesIn(merged.name, keep) ?? _name ?? rule }]];
      });
      return [
        code,
        {
          names: namesIn(country.names, keep),
          langs: country.langs,
          dayoff: country.dayoff,
          days: Object.fromEntries(days),
        },
      ];
    }),
  );
  const everyLanguage = [...languages, ...countries.flatMap((code) => source.holidays[code]?.langs ?? [])];
  const substitutes = source.names.substitutes;
  return {
    version: source.version,
    license: source.license,
    holidays,
    // A substitute day is named "<holiday> (<this>)".
    names: { substitutes: { ...substitutes, name: namesIn(substitutes?.name, everyLanguage) } },
  };
}
