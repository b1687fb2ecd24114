import type { SmartFields } from "./goal.ts";

/**
 * What the goal forms (and the API) accept, as typed. Each refusal is a code per field
 * (`goals.errors.<code>` on the pages), so a refused form shows its message at the field and
 * keeps what was typed.
 */

export const goalErrorCodes = [
  "titleMissing",
  "titleTooLong",
  "textTooLong",
  "dateInvalid",
  "dateInPast",
  "progressInvalid",
  "noteTooLong",
  "commentMissing",
  "commentTooLong",
] as const;
export type GoalErrorCode = (typeof goalErrorCodes)[number];
export type GoalFieldErrors = Record<string, GoalErrorCode>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: GoalFieldErrors };

/** The SMART form as typed: every value a string. */
export type SmartValues = Record<keyof SmartFields, string>;

export const smartTexts = ["specific", "measurable", "acceptable", "realistic"] as const;

export const titleMax = 200;
export const textMax = 2000;
export const noteMax = 500;
export const commentMax = 4000;

/** A calendar date written YYYY-MM-DD that exists (no 31 April). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const smartValuesOf = (form: Record<string, string | undefined>): SmartValues => ({
  title: form.title ?? "",
  specific: form.specific ?? "",
  measurable: form.measurable ?? "",
  acceptable: form.acceptable ?? "",
  realistic: form.realistic ?? "",
  dueOn: form.dueOn ?? "",
});

export const smartValuesFrom = (goal: SmartFields): SmartValues => ({ ...goal, dueOn: goal.dueOn ?? "" });

/**
 * The SMART fields of a new or changed goal. Only the title is required; a date, when given, is a
 * real date and, for a new goal or a changed date, not before `today` (the writer's own calendar).
 */
export function parseSmart(
  values: SmartValues,
  today: string,
  keptDate: string | null = null,
): Parsed<SmartFields> {
  const errors: GoalFieldErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = "titleMissing";
  else if (title.length > titleMax) errors.title = "titleTooLong";
  for (const field of smartTexts) if (values[field].trim().length > textMax) errors[field] = "textTooLong";
  const dueOn = values.dueOn.trim() || null;
  if (dueOn && !isCalendarDate(dueOn)) errors.dueOn = "dateInvalid";
  else if (dueOn && dueOn !== keptDate && dueOn < today) errors.dueOn = "dateInPast";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      specific: values.specific.trim(),
      measurable: values.measurable.trim(),
      acceptable: values.acceptable.trim(),
      realistic: values.realistic.trim(),
      dueOn,
    },
  };
}

/** A progress as typed: a whole number from 0 to 100 (a "%" after it is fine). */
export function parseProgress(
  progress: string | number,
  note: string,
): Parsed<{ progress: number; note: string | null }> {
  const errors: GoalFieldErrors = {};
  const typed = String(progress).trim().replace(/\s*%$/, "");
  const value = /^\d{1,3}$/.test(typed) ? Number(typed) : NaN;
  if (!(value >= 0 && value <= 100)) errors.progress = "progressInvalid";
  if (note.trim().length > noteMax) errors.note = "noteTooLong";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { progress: value, note: note.trim() || null } };
}

export function parseComment(body: string): Parsed<string> {
  const text = body.trim();
  if (!text) return { ok: false, errors: { body: "commentMissing" } };
  if (text.length > commentMax) return { ok: false, errors: { body: "commentTooLong" } };
  return { ok: true, value: text };
}
