import { TZDate } from "@date-fns/tz";
import type { QuietHours } from "./settings.ts";

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * When the quiet hours around `now` end in `timeZone`, or null when it is not quiet there now.
 * Quiet hours may run over midnight (22:00-07:00). The end is computed in the zone itself, so a
 * night with a daylight-saving change still ends at 07:00 local time.
 */
export function quietUntil(now: Date, timeZone: string, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const local = new TZDate(now.getTime(), timeZone);
  // An unknown zone gives an invalid date: treat it as UTC rather than never sending.
  const zoned = Number.isNaN(local.getTime()) ? new TZDate(now.getTime(), "UTC") : local;
  const minute = zoned.getHours() * 60 + zoned.getMinutes();
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const overnight = start > end;
  const isQuiet = overnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!isQuiet) return null;
  const endsTomorrow = overnight && minute >= start;
  const until = new TZDate(
    zoned.getFullYear(),
    zoned.getMonth(),
    zoned.getDate() + (endsTomorrow ? 1 : 0),
    Math.floor(end / 60),
    end % 60,
    0,
    zoned.timeZone ?? "UTC",
  );
  return new Date(until.getTime());
}
