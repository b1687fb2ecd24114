import { z } from "zod";
import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import type { SettingsStore } from "../tenants/tenant.ts";
import {
  locations,
  type AvailabilityException,
  type BookingRules,
  type Location,
  type WeeklyWindow,
} from "./availability.ts";
import type { AppointmentType } from "./calendar.ts";
import { bookingSettingsSchema, type BookingSettings } from "./settings.ts";
import { addDays, inZone, minutesOf, type LocalDate, type WallTime, type Weekday } from "./zoned.ts";

/**
 * Setting up booking: a staff member's profile (zone and rules), weekly hours and exceptions,
 * and the admin's appointment types and tenant-wide rules. Forms arrive as strings; everything
 * here checks them and answers per field with an error code (`bookingSetup.errors.<code>` in the
 * pages), so a refused form shows each message at its field with what was typed.
 */

export type BookingProfile = BookingRules & { timeZone: string };
export type StoredException = AvailabilityException & { id: string };
export type StoredAppointmentType = AppointmentType & {
  /** null: anyone of the tenant can be booked for it. */
  staffUserId: string | null;
  active: boolean;
  createdAt: string;
};
export type NewAppointmentType = Omit<StoredAppointmentType, "id" | "active" | "createdAt">;

export type StaffAvailability = {
  profile: BookingProfile | null;
  weekly: WeeklyWindow[];
  exceptions: StoredException[];
};

/** Where the setup is kept; implemented in db/ over the tenant's cell. */
export interface BookingSetupStore {
  availabilityOf(staffUserId: string): Promise<StaffAvailability>;
  /** Replaces the staff member's profile and all their weekly windows at once (all or nothing). */
  saveWeek(
    staffUserId: string,
    profile: BookingProfile,
    weekly: readonly WeeklyWindow[],
    now: Date,
  ): Promise<void>;
  addException(staffUserId: string, exception: AvailabilityException, now: Date): Promise<string>;
  /** Removes one of this staff member's exceptions; null when they have none with this id. */
  removeException(staffUserId: string, id: string): Promise<StoredException | null>;
  appointmentTypes(): Promise<StoredAppointmentType[]>;
  findAppointmentType(id: string): Promise<StoredAppointmentType | null>;
  createAppointmentType(id: string, type: NewAppointmentType, now: Date): Promise<void>;
  updateAppointmentType(id: string, type: NewAppointmentType): Promise<boolean>;
  setAppointmentTypeActive(id: string, active: boolean): Promise<boolean>;
}

export type BookingSetupDeps = {
  store: BookingSetupStore;
  audit: AuditLog;
  /** The tenant's settings, for its booking rules. */
  settings: SettingsStore;
  tenantId: string;
  now(): Date;
};

/** Who makes the change: the signed-in person, with their own zone (the default for their hours). */
export type SetupActor = { userId: string; timeZone: string; origin: RequestOrigin };

export const setupErrorCodes = [
  "timeZone",
  "noticeRange",
  "horizonRange",
  "maxPerDayRange",
  "stepRange",
  "timeMissing",
  "timeInvalid",
  "endBeforeStart",
  "overlap",
  "tooManyWindows",
  "dateInvalid",
  "dateInPast",
  "kindMissing",
  "nameMissing",
  "nameTooLong",
  "durationRange",
  "bufferRange",
  "locationMissing",
  "staffUnknown",
  "cancelNoticeRange",
  "reminderRange",
  "offerHoldRange",
] as const;
export type SetupErrorCode = (typeof setupErrorCodes)[number];

/** What is wrong with one field; `other` names the window an overlapping one collides with. */
export type FieldError = { code: SetupErrorCode; other?: string };
export type FieldErrors = Record<string, FieldError>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** A form as the browser sent it: every value a string. */
export type FormFields = Record<string, string | undefined>;

const text = (form: FormFields, name: string) => form[name] ?? "";

export const weekdays: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
/** More windows than this on one weekday is a mistake, not a schedule. */
export const maxWindowsPerDay = 12;

export const profileLimits = {
  minimumNoticeHours: { min: 0, max: 24 * 30 },
  horizonDays: { min: 1, max: 730 },
  maxPerDay: { min: 1, max: 50 },
  slotStepMinutes: { min: 5, max: 60 },
} as const;

export const typeLimits = {
  name: { max: 80 },
  durationMinutes: { min: 5, max: 480 },
  bufferMinutes: { min: 0, max: 120 },
} as const;

/** What a new staff member starts from: a day's notice is often too much, none too little. */
export const defaultProfileRules: BookingRules = {
  minimumNoticeMinutes: 12 * 60,
  horizonDays: 60,
  maxPerDay: null,
  slotStepMinutes: 15,
};

// ---------------------------------------------------------------------------------------------
// Time zones and times

/** "Area/Location" as IANA writes it, every part starting with a capital, or "UTC". */
const zoneName = /^(?:UTC|[A-Z][A-Za-z_-]*(?:\/[A-Z0-9][A-Za-z0-9_+-]*)+)$/;

/**
 * An IANA zone name such as "Europe/Amsterdam" that this runtime knows. Offsets ("+01:00"),
 * abbreviations ("EST") and other spellings of a zone ("Europe/AMSTERDAM") are refused.
 */
export function isTimeZone(zone: string): boolean {
  if (!zoneName.test(zone)) return false;
  try {
    const known = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
    // The runtime may name a zone by its canonical alias; the same name in other capitals is a typo.
    return known === zone || known.toLowerCase() !== zone.toLowerCase();
  } catch {
    return false;
  }
}

/** The zones to choose from, with `current` among them even if the runtime lists it under another name. */
export function timeZoneChoices(current: string): string[] {
  const zones = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  if (isTimeZone(current)) zones.add(current);
  return [...zones].sort();
}

/** "9:00", "9.00" and "09:00" are the same time; anything else stays as typed (and is refused). */
function normaliseTime(value: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : value.trim();
}

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

const startTime = z
  .string()
  .trim()
  .min(1, "timeMissing")
  .transform(normaliseTime)
  .refine((value) => clock.test(value), "timeInvalid");

/** An end of "00:00" (what a time picker offers) or "24:00" is the midnight that ends the day. */
const endTime = z
  .string()
  .trim()
  .min(1, "timeMissing")
  .transform(normaliseTime)
  .transform((value) => (value === "00:00" ? "24:00" : value))
  .refine((value) => value === "24:00" || clock.test(value), "timeInvalid");

const hours = z.object({ start: startTime, end: endTime }).refine(
  // Only two readable times can be in the wrong order; a malformed one has its own error.
  ({ start, end }) =>
    !clock.test(start) || !(end === "24:00" || clock.test(end)) || minutesOf(start) < minutesOf(end),
  { message: "endBeforeStart", path: ["end"] },
);

/** A whole number from a form field, within bounds; anything else is `code`. */
const wholeNumber = (min: number, max: number, code: SetupErrorCode) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, code)
    .transform(Number)
    .refine((value) => value >= min && value <= max, code);

const isErrorCode = (message: string): message is SetupErrorCode =>
  (setupErrorCodes as readonly string[]).includes(message);

/**
 * The first error per field, from zod's issues (their messages are the error codes); `field`
 * turns an issue's path into the form's field name.
 */
function errorsOf(error: z.ZodError, field: (path: PropertyKey[]) => string = (path) => String(path[0])) {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (!isErrorCode(issue.message))
      throw new Error(`No error code for ${issue.path.join(".")}: ${issue.message}`);
    errors[field(issue.path)] ??= { code: issue.message };
  }
  return errors;
}

const hoursText = ({ start, end }: { start: WallTime; end: WallTime }) => `${start}–${end}`;

// ---------------------------------------------------------------------------------------------
// A staff member's profile and weekly hours

export type WindowValues = { start: string; end: string };
/** The hours form as typed: the profile's fields, and per weekday (Monday first) its rows. */
export type AvailabilityValues = {
  timeZone: string;
  minimumNoticeHours: string;
  horizonDays: string;
  maxPerDay: string;
  slotStepMinutes: string;
  week: WindowValues[][];
};

/** The form field of one edge of one window: `day1-0-start` is Monday's first start. */
export const windowField = (weekday: Weekday, index: number, edge: "start" | "end") =>
  `day${weekday}-${index}-${edge}`;
/** Where an error about a whole weekday is shown. */
export const dayField = (weekday: Weekday) => `day${weekday}`;

const profileSchema = z.object({
  timeZone: z.string().trim().refine(isTimeZone, "timeZone"),
  minimumNoticeHours: wholeNumber(
    profileLimits.minimumNoticeHours.min,
    profileLimits.minimumNoticeHours.max,
    "noticeRange",
  ),
  horizonDays: wholeNumber(profileLimits.horizonDays.min, profileLimits.horizonDays.max, "horizonRange"),
  /** Empty: no daily maximum. */
  maxPerDay: z
    .string()
    .trim()
    .refine(
      (value) =>
        value === "" ||
        (/^\d{1,6}$/.test(value) &&
          Number(value) >= profileLimits.maxPerDay.min &&
          Number(value) <= profileLimits.maxPerDay.max),
      "maxPerDayRange",
    )
    .transform((value) => (value === "" ? null : Number(value))),
  slotStepMinutes: wholeNumber(
    profileLimits.slotStepMinutes.min,
    profileLimits.slotStepMinutes.max,
    "stepRange",
  ),
});

/** The stored hours as the form shows them; a staff member without a profile starts in their own zone. */
export function availabilityValuesFrom(availability: StaffAvailability, ownZone: string): AvailabilityValues {
  const profile = availability.profile ?? { ...defaultProfileRules, timeZone: ownZone };
  return {
    timeZone: profile.timeZone,
    minimumNoticeHours: String(Math.round(profile.minimumNoticeMinutes / 60)),
    horizonDays: String(profile.horizonDays),
    maxPerDay: profile.maxPerDay === null ? "" : String(profile.maxPerDay),
    slotStepMinutes: String(profile.slotStepMinutes),
    week: weekdays.map((weekday) =>
      availability.weekly
        .filter((window) => window.weekday === weekday)
        .sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
        .map(({ start, end }) => ({ start, end })),
    ),
  };
}

/** The hours form's values from the posted fields, rows in the order they were on the page. */
export function availabilityValuesOf(form: FormFields): AvailabilityValues {
  return {
    timeZone: text(form, "timeZone"),
    minimumNoticeHours: text(form, "minimumNoticeHours"),
    horizonDays: text(form, "horizonDays"),
    maxPerDay: text(form, "maxPerDay"),
    slotStepMinutes: text(form, "slotStepMinutes"),
    week: weekdays.map((weekday) => {
      const rows: WindowValues[] = [];
      // A crafted form cannot make the page endless: rows beyond a few more than allowed are dropped.
      for (let index = 0; index <= maxWindowsPerDay + 4; index++) {
        const start = form[windowField(weekday, index, "start")];
        const end = form[windowField(weekday, index, "end")];
        if (start === undefined && end === undefined) break;
        rows.push({ start: start ?? "", end: end ?? "" });
      }
      return rows;
    }),
  };
}

/** One more (empty) row on a weekday, for the form without client scripts. */
export function withRowAdded(values: AvailabilityValues, weekday: Weekday): AvailabilityValues {
  return {
    ...values,
    week: values.week.map((rows, day) =>
      day === weekday - 1 && rows.length < maxWindowsPerDay ? [...rows, { start: "", end: "" }] : rows,
    ),
  };
}

export function withRowRemoved(
  values: AvailabilityValues,
  weekday: Weekday,
  index: number,
): AvailabilityValues {
  return {
    ...values,
    week: values.week.map((rows, day) =>
      day === weekday - 1 ? rows.filter((_, row) => row !== index) : rows,
    ),
  };
}

/**
 * The profile and the weekly windows of a hours form. A row left empty on both ends is no window;
 * every other row needs a start before its end, and windows of one weekday may touch but not overlap.
 */
export function parseAvailability(
  values: AvailabilityValues,
): Parsed<{ profile: BookingProfile; weekly: WeeklyWindow[] }> {
  const profile = profileSchema.safeParse(values);
  const errors: FieldErrors = profile.success ? {} : errorsOf(profile.error);
  const weekly: WeeklyWindow[] = [];
  weekdays.forEach((weekday) => {
    const rows = values.week[weekday - 1] ?? [];
    const filled = rows.filter((row) => row.start.trim() || row.end.trim());
    if (filled.length > maxWindowsPerDay) errors[dayField(weekday)] = { code: "tooManyWindows" };
    const accepted: { index: number; start: WallTime; end: WallTime }[] = [];
    rows.forEach((row, index) => {
      if (!row.start.trim() && !row.end.trim()) return;
      const parsed = hours.safeParse(row);
      if (!parsed.success) {
        Object.assign(
          errors,
          errorsOf(parsed.error, (path) => windowField(weekday, index, path[0] === "end" ? "end" : "start")),
        );
        return;
      }
      const clash = accepted.find(
        (other) =>
          minutesOf(other.start) < minutesOf(parsed.data.end) &&
          minutesOf(parsed.data.start) < minutesOf(other.end),
      );
      if (clash) {
        errors[windowField(weekday, index, "start")] = { code: "overlap", other: hoursText(clash) };
        return;
      }
      accepted.push({ index, ...parsed.data });
      weekly.push({ weekday, ...parsed.data });
    });
  });
  if (!profile.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const { minimumNoticeHours, ...rules } = profile.data;
  return {
    ok: true,
    value: {
      profile: { ...rules, minimumNoticeMinutes: minimumNoticeHours * 60 },
      weekly: weekly.sort((a, b) => a.weekday - b.weekday || minutesOf(a.start) - minutesOf(b.start)),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Exceptions

export type ExceptionValues = { date: string; kind: string; start: string; end: string };

export const exceptionValuesOf = (form: FormFields): ExceptionValues => ({
  date: text(form, "date").trim(),
  kind: text(form, "kind"),
  start: text(form, "start"),
  end: text(form, "end"),
});

const calendarDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid")
  // 2026-02-30 is no date: it does not come back unchanged from the calendar.
  .refine((date) => addDays(date, 0) === date, "dateInvalid");

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

// ---------------------------------------------------------------------------------------------
// Appointment types

export type AppointmentTypeValues = {
  name: string;
  durationMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  location: string;
  /** "" for the whole tenant, or a staff member's id. */
  staffUserId: string;
};

export const appointmentTypeValuesOf = (form: FormFields): AppointmentTypeValues => ({
  name: text(form, "name"),
  durationMinutes: text(form, "durationMinutes"),
  bufferBeforeMinutes: text(form, "bufferBeforeMinutes"),
  bufferAfterMinutes: text(form, "bufferAfterMinutes"),
  location: text(form, "location"),
  staffUserId: text(form, "staffUserId"),
});

export const appointmentTypeValuesFrom = (type: StoredAppointmentType): AppointmentTypeValues => ({
  name: type.name,
  durationMinutes: String(type.durationMinutes),
  bufferBeforeMinutes: String(type.bufferBeforeMinutes),
  bufferAfterMinutes: String(type.bufferAfterMinutes),
  location: type.location,
  staffUserId: type.staffUserId ?? "",
});

/** The form a new type starts from. */
export const newAppointmentTypeValues: AppointmentTypeValues = {
  name: "",
  durationMinutes: "30",
  bufferBeforeMinutes: "0",
  bufferAfterMinutes: "0",
  location: "online",
  staffUserId: "",
};

const appointmentTypeSchema = z.object({
  name: z.string().trim().min(1, "nameMissing").max(typeLimits.name.max, "nameTooLong"),
  durationMinutes: wholeNumber(
    typeLimits.durationMinutes.min,
    typeLimits.durationMinutes.max,
    "durationRange",
  ),
  bufferBeforeMinutes: wholeNumber(typeLimits.bufferMinutes.min, typeLimits.bufferMinutes.max, "bufferRange"),
  bufferAfterMinutes: wholeNumber(typeLimits.bufferMinutes.min, typeLimits.bufferMinutes.max, "bufferRange"),
  location: z.enum(locations, "locationMissing"),
  staffUserId: z.string().trim(),
});

/** A type for the whole tenant, or for one of `staffIds` (the tenant's own staff). */
export function parseAppointmentType(
  values: AppointmentTypeValues,
  staffIds: readonly string[],
): Parsed<NewAppointmentType> {
  const parsed = appointmentTypeSchema
    .refine(({ staffUserId }) => staffUserId === "" || staffIds.includes(staffUserId), {
      message: "staffUnknown",
      path: ["staffUserId"],
    })
    .safeParse(values);
  if (!parsed.success) return { ok: false, errors: errorsOf(parsed.error) };
  const { staffUserId, location, ...type } = parsed.data;
  return { ok: true, value: { ...type, location: location as Location, staffUserId: staffUserId || null } };
}

// ---------------------------------------------------------------------------------------------
// The tenant's booking rules

export type BookingRulesValues = {
  cancelNoticeHours: string;
  reminderHours: string;
  offerHoldMinutes: string;
};

const ruleCodes: Record<keyof BookingSettings, SetupErrorCode> = {
  cancelNoticeHours: "cancelNoticeRange",
  reminderHours: "reminderRange",
  offerHoldMinutes: "offerHoldRange",
};

export const bookingRulesValuesOf = (form: FormFields): BookingRulesValues => ({
  cancelNoticeHours: text(form, "cancelNoticeHours"),
  reminderHours: text(form, "reminderHours"),
  offerHoldMinutes: text(form, "offerHoldMinutes"),
});

export const bookingRulesValuesFrom = (settings: BookingSettings): BookingRulesValues => ({
  cancelNoticeHours: String(settings.cancelNoticeHours),
  reminderHours: String(settings.reminderHours),
  offerHoldMinutes: String(settings.offerHoldMinutes),
});

/** The rules' bounds are those of the tenant settings' own schema, so the two cannot drift apart. */
export function parseBookingRules(values: BookingRulesValues): Parsed<BookingSettings> {
  const numbers = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, /^\d{1,6}$/.test(value.trim()) ? Number(value) : NaN]),
  );
  const parsed = bookingSettingsSchema.safeParse(numbers);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof BookingSettings;
    errors[field] ??= { code: ruleCodes[field] };
  }
  return { ok: false, errors };
}

// ---------------------------------------------------------------------------------------------
// The changes, each with its audit line

export type SetupOutcome = { ok: true } | { ok: false; errors: FieldErrors };

/** A staff member's own profile and week, replaced as a whole. */
export async function saveAvailability(
  deps: BookingSetupDeps,
  actor: SetupActor,
  values: AvailabilityValues,
): Promise<SetupOutcome> {
  const parsed = parseAvailability(values);
  if (!parsed.ok) return parsed;
  const { profile, weekly } = parsed.value;
  await deps.store.saveWeek(actor.userId, profile, weekly, deps.now());
  await deps.audit.record({
    action: "booking.hours-changed",
    result: "success",
    actorUserId: actor.userId,
    targetType: "user",
    targetId: actor.userId,
    ...actor.origin,
    detail: { timeZone: profile.timeZone, windows: weekly.length },
  });
  return { ok: true };
}

/** The date a staff member's calendar shows now: in their profile's zone, or their own before they have one. */
export async function todayOf(deps: BookingSetupDeps, actor: SetupActor): Promise<LocalDate> {
  const { profile } = await deps.store.availabilityOf(actor.userId);
  return inZone(deps.now(), profile?.timeZone ?? actor.timeZone).date;
}

export async function addAvailabilityException(
  deps: BookingSetupDeps,
  actor: SetupActor,
  values: ExceptionValues,
): Promise<SetupOutcome> {
  const parsed = parseException(values, await todayOf(deps, actor));
  if (!parsed.ok) return parsed;
  const id = await deps.store.addException(actor.userId, parsed.value, deps.now());
  await deps.audit.record({
    action: "booking.exception-added",
    result: "success",
    actorUserId: actor.userId,
    targetType: "availability-exception",
    targetId: id,
    ...actor.origin,
    detail: exceptionDetail(parsed.value),
  });
  return { ok: true };
}

/** False when the staff member has no exception with this id (someone else's, or none). */
export async function removeAvailabilityException(
  deps: BookingSetupDeps,
  actor: SetupActor,
  id: string,
): Promise<boolean> {
  const removed = await deps.store.removeException(actor.userId, id);
  if (!removed) return false;
  await deps.audit.record({
    action: "booking.exception-removed",
    result: "success",
    actorUserId: actor.userId,
    targetType: "availability-exception",
    targetId: id,
    ...actor.origin,
    detail: exceptionDetail(removed),
  });
  return true;
}

const exceptionDetail = (exception: AvailabilityException): Record<string, string> =>
  exception.kind === "extraHours"
    ? { date: exception.date, kind: exception.kind, hours: hoursText(exception) }
    : { date: exception.date, kind: exception.kind };

export async function createAppointmentType(
  deps: BookingSetupDeps,
  actor: SetupActor,
  values: AppointmentTypeValues,
  staffIds: readonly string[],
  id: string,
): Promise<SetupOutcome> {
  const parsed = parseAppointmentType(values, staffIds);
  if (!parsed.ok) return parsed;
  await deps.store.createAppointmentType(id, parsed.value, deps.now());
  await auditType(deps, actor, "booking.type-created", id, parsed.value);
  return { ok: true };
}

/** `notFound`: no type of this tenant has this id. */
export async function updateAppointmentType(
  deps: BookingSetupDeps,
  actor: SetupActor,
  id: string,
  values: AppointmentTypeValues,
  staffIds: readonly string[],
): Promise<SetupOutcome | { ok: false; reason: "notFound" }> {
  const current = await deps.store.findAppointmentType(id);
  if (!current) return { ok: false, reason: "notFound" };
  // A type may stay with the staff member it has, also one who has left since.
  const parsed = parseAppointmentType(
    values,
    current.staffUserId ? [...staffIds, current.staffUserId] : staffIds,
  );
  if (!parsed.ok) return parsed;
  if (!(await deps.store.updateAppointmentType(id, parsed.value))) return { ok: false, reason: "notFound" };
  await auditType(deps, actor, "booking.type-changed", id, parsed.value);
  return { ok: true };
}

/**
 * Types are switched off, never deleted: bookings keep pointing at them. An inactive type is not
 * offered any more; what was booked with it stays.
 */
export async function setAppointmentTypeActive(
  deps: BookingSetupDeps,
  actor: SetupActor,
  id: string,
  active: boolean,
): Promise<boolean> {
  const type = await deps.store.findAppointmentType(id);
  if (!type || !(await deps.store.setAppointmentTypeActive(id, active))) return false;
  await auditType(deps, actor, active ? "booking.type-reactivated" : "booking.type-deactivated", id, type);
  return true;
}

async function auditType(
  deps: BookingSetupDeps,
  actor: SetupActor,
  action: string,
  id: string,
  type: NewAppointmentType,
) {
  await deps.audit.record({
    action,
    result: "success",
    actorUserId: actor.userId,
    targetType: "appointment-type",
    targetId: id,
    ...actor.origin,
    detail: {
      name: type.name,
      durationMinutes: type.durationMinutes,
      location: type.location,
      staff: type.staffUserId ?? "all",
    },
  });
}

/** The tenant's current booking rules, read from the store rather than a cached copy of the settings. */
export async function bookingRulesOf(deps: BookingSetupDeps): Promise<BookingSettings | null> {
  return (await deps.settings.read(deps.tenantId))?.booking ?? null;
}

export async function saveBookingRules(
  deps: BookingSetupDeps,
  actor: SetupActor,
  values: BookingRulesValues,
): Promise<SetupOutcome | { ok: false; reason: "notFound" }> {
  const parsed = parseBookingRules(values);
  if (!parsed.ok) return parsed;
  const settings = await deps.settings.read(deps.tenantId);
  if (!settings) return { ok: false, reason: "notFound" };
  await deps.settings.write(deps.tenantId, { ...settings, booking: parsed.value });
  await deps.audit.record({
    action: "booking.rules-changed",
    result: "success",
    actorUserId: actor.userId,
    targetType: "tenant",
    targetId: deps.tenantId,
    ...actor.origin,
    detail: parsed.value,
  });
  return { ok: true };
}
