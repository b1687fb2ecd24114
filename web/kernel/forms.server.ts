import { data } from "@remix-run/cloudflare";
import { z } from "zod";
import { isId, type Id, type IdKind } from "../../core/kernel/ids.ts";

/**
 * Page actions read their input through one schema each. A refused form answers 400 with the
 * first message of every field, keyed by field name, and with what the person typed, so the page
 * shows each message at its field (messages are i18n keys) and keeps the typed text. Schemas live
 * in server modules only: zod stays out of the browser bundle.
 */

/** What a refused form sends back to its page; "form" holds a message that belongs to no field. */
export type Refused = { values: Record<string, string>; errors: Record<string, string> };

export type Parsed<T> = ({ ok: true; data: T } & Pick<Refused, "values">) | ({ ok: false } & Refused);

// A message a schema names itself wins; every other issue gets one of these generic ones.
function genericMessage(issue: z.core.$ZodRawIssue): string {
  if (issue.input === undefined || issue.input === null) return "errors.fieldRequired";
  if (issue.code === "too_big") return "errors.fieldTooLong";
  if (issue.code === "too_small" && issue.origin === "string") return "errors.fieldRequired";
  return "errors.fieldInvalid";
}

/** The form's fields as plain values: a name sent more than once becomes a list. */
function entriesOf(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(form.keys())) {
    const all = form.getAll(name);
    fields[name] = all.length === 1 ? all[0]! : all;
  }
  return fields;
}

/** The text a person typed, to put back in the fields of a refused form (files are not kept). */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && !(name in values)) values[name] = value;
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, form: FormData): Parsed<z.output<S>> {
  const values = typedValues(form);
  const parsed = schema.safeParse(entriesOf(form), { error: genericMessage });
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    errors[field] ??= issue.message;
  }
  return { ok: false, values, errors };
}

export async function readForm<S extends z.ZodType>(request: Request, schema: S) {
  return parseForm(schema, await request.formData());
}

/** The 400 answer of a refused form. */
export function refused({ values, errors }: Refused, status = 400) {
  return data({ values, errors }, status);
}

/**
 * A refused form whose hidden id fields are wrong names nothing the person can see: 404, as for an
 * id of another tenant. Nobody types those ids, so there is no field to show a message at.
 */
export function throwIfUnknown(form: Parsed<unknown>, ...idFields: string[]) {
  if (!form.ok && idFields.some((field) => field in form.errors)) throw data(null, { status: 404 });
}

/** Trimmed text of at most `max` characters; empty is refused with `required` (an i18n key). */
export function text(max: number, required = "errors.fieldRequired") {
  return z.string().trim().min(1, required).max(max, "errors.fieldTooLong");
}

/** Trimmed text that may be left empty or out of the form: then it reads as "". */
export function optionalText(max: number) {
  return z.string().trim().max(max, "errors.fieldTooLong").default("");
}

/** An id of one kind, as `core/kernel/ids.ts` makes them. */
export function id<K extends IdKind>(kind: K, message = "errors.fieldInvalid") {
  return z.custom<Id<K>>((value) => typeof value === "string" && isId(kind, value), message);
}

/**
 * The hidden key of a create form (core/kernel/request-keys.ts), made when the page renders the
 * form (`newFormKey`, `FormKey`): the same form sent twice writes once.
 */
export const formKey = z.string().regex(/^[A-Za-z0-9-]{16,64}$/);

export const newFormKey = () => crypto.randomUUID();

/** A create form without its key was not sent by its page: 400, with no field to show it at. */
export function throwIfKeyless(form: Parsed<unknown>) {
  if (!form.ok && "formKey" in form.errors) throw data(null, { status: 400 });
}

/** A checkbox without a value of its own: ticked when the browser sent "on". */
export function checkbox() {
  return z
    .string()
    .optional()
    .transform((value) => value === "on");
}

/** One's own password, typed to confirm a change: a longer text is cut, as the password check does. */
export function passwordToConfirm() {
  return z
    .string()
    .default("")
    .transform((password) => password.slice(0, 1024));
}

/** A field that may be sent several times (or not at all), read as a list. */
export function many<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );
}

/** A whole number typed in a field. */
export function whole(min: number, max: number, message = "errors.fieldInvalid") {
  // An empty field is no number, not zero.
  return z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number(message).int(message).min(min, message).max(max, message),
  );
}
