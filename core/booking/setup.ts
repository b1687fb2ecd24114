import type { AuditAction, AuditLog, RequestOrigin } from "../kernel/audit/audit.ts";
import type { SettingsStore } from "../kernel/tenants/tenant.ts";
import type { AvailabilityException, BookingRules, WeeklyWindow } from "./availability.ts";
import type { AppointmentType } from "./calendar.ts";
import type { ClosureDay, NewClosureDay } from "./closure-days.ts";
import { holidayCountryOf, type BookingSettings } from "./settings.ts";
import { inZone, type LocalDate } from "./zoned.ts";
import { parseException, type ExceptionValues } from "./setup-exceptions.ts";
import { hoursText, type FieldErrors } from "./setup-forms.ts";
import { parseAvailability, type AvailabilityValues } from "./setup-hours.ts";
import { parseBookingRules, type BookingRulesValues } from "./setup-rules.ts";
import { parseAppointmentType, type AppointmentTypeValues } from "./setup-types.ts";

/**
 * Setting up booking: a staff member's profile (zone and rules), weekly hours and exceptions,
 * and the admin's appointment types and tenant-wide rules: where they are kept, and the changes
 * with their audit lines. Each form's own rules are in setup-hours.ts, setup-exceptions.ts,
 * setup-types.ts and setup-rules.ts; they answer per field with an error code
 * (`bookingSetup.errors.<code>` in the pages), so a refused form shows each message at its field
 * with what was typed.
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
  /** The tenant's closure days that end on or after this date, first one first. */
  closureDays(endingFrom: LocalDate): Promise<ClosureDay[]>;
  addClosureDay(closure: NewClosureDay, createdByUserId: string, now: Date): Promise<string>;
  /** Null when the tenant has no closure day with this id. */
  removeClosureDay(id: string): Promise<ClosureDay | null>;
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
  action: AuditAction,
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
  const settings = await deps.settings.read(deps.tenantId);
  if (!settings) return { ok: false, reason: "notFound" };
  // A form without the country (sent before it was asked) keeps the one the tenant has.
  const parsed = parseBookingRules({
    ...values,
    country: values.country || holidayCountryOf(settings.booking),
  });
  if (!parsed.ok) return parsed;
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
