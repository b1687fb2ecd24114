import { z } from "zod";
import type { AvailabilityException } from "./availability.ts";
import type { LocalDate } from "./zoned.ts";
import {
  calendarDate,
  errorsOf,
  hours,
  text,
  type FieldErrors,
  type FormFields,
  type Parsed,
} from "./setup-forms.ts";
/** A staff member's days off and extra hours, from the exceptions form. */

export type ExceptionValues = { date: string; kind: string; start: string; end: string };

export const exceptionValuesOf = (form: FormFields): ExceptionValues => ({
  date: text(form, "date").trim(),
  kind: text(form, "kind"),
  start: text(form, "start"),
  end: text(form, "end"),
});

/**
 * A day off, or extra hours on one date, from `today` (the staff member's own date) on: an
 * exception in the past changes nothing anybody can book.
 */
export function parseException(values: ExceptionValues, today: LocalDate): Parsed<AvailabilityException> {
  const date = calendarDate.refine((value) => value >= today, "dateInPast").safeParse(values.date);
  const kind = z.enum(["dayOff", "extraHours"], "kindMissing").safeParse(values.kind);
  const times = kind.success && kind.data === "extraHours" ? hours.safeParse(values) : null;
  const errors: FieldErrors = {
    ...(date.success ? {} : errorsOf(date.error, () => "date")),
    ...(kind.success ? {} : { kind: { code: "kindMissing" } }),
    ...(times && !times.success ? errorsOf(times.error) : {}),
  };
  if (!date.success || !kind.success || (times && !times.success)) return { ok: false, errors };
  return {
    ok: true,
    value: times?.success
      ? { kind: "extraHours", date: date.data, start: times.data.start, end: times.data.end }
      : { kind: "dayOff", date: date.data },
  };
}
