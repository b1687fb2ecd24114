import type { AuditAction } from "../kernel/audit/audit.ts";
import type { Language } from "../kernel/tenants/languages.ts";
import {
  closedDaysBetween,
  parseClosureDay,
  type ClosedDay,
  type ClosureDayValues,
  type NewClosureDay,
} from "./closure-days.ts";
import { holidayCountryOf, type HolidayCountry } from "./settings.ts";
import type { BookingSetupDeps, SetupActor, SetupOutcome } from "./setup.ts";
import { inZone, type LocalDate } from "./zoned.ts";

/** The admin's closure days and what the setup pages show of the closed days, with audit lines. */

export async function addClosureDay(
  deps: BookingSetupDeps,
  actor: SetupActor,
  values: ClosureDayValues,
): Promise<SetupOutcome> {
  const parsed = parseClosureDay(values, inZone(deps.now(), actor.timeZone).date);
  if (!parsed.ok) return parsed;
  const id = await deps.store.addClosureDay(parsed.value, actor.userId, deps.now());
  await auditClosure(deps, actor, "booking.closure-added", id, parsed.value);
  return { ok: true };
}

/** False when the tenant has no closure day with this id. */
export async function removeClosureDay(
  deps: BookingSetupDeps,
  actor: SetupActor,
  id: string,
): Promise<boolean> {
  const removed = await deps.store.removeClosureDay(id);
  if (!removed) return false;
  await auditClosure(deps, actor, "booking.closure-removed", id, removed);
  return true;
}

async function auditClosure(
  deps: BookingSetupDeps,
  actor: SetupActor,
  action: Extract<AuditAction, `booking.closure-${string}`>,
  id: string,
  closure: NewClosureDay,
) {
  await deps.audit.record({
    action,
    result: "success",
    actorUserId: actor.userId,
    targetType: "closure-day",
    targetId: id,
    ...actor.origin,
    detail: { firstDate: closure.firstDate, lastDate: closure.lastDate, label: closure.label ?? "" },
  });
}

/** The tenant's country, read from the store rather than a cached copy of the settings. */
export async function holidayCountryIn(deps: BookingSetupDeps): Promise<HolidayCountry> {
  return holidayCountryOf((await deps.settings.read(deps.tenantId))?.booking ?? null);
}

/** The public holidays and closure days from `first` to `last`, named in `language`. */
export async function closedDaysAhead(
  deps: BookingSetupDeps,
  first: LocalDate,
  last: LocalDate,
  language: Language,
): Promise<ClosedDay[]> {
  const [country, closureDays] = await Promise.all([holidayCountryIn(deps), deps.store.closureDays(first)]);
  return closedDaysBetween(country, closureDays, first, last, language);
}
