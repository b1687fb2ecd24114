import type { CalendarDeps } from "../../core/booking/calendar.ts";
import type { BookingSettings } from "../../core/booking/settings.ts";
import type { NotifyRequest } from "../../core/kernel/notifications/notify.ts";
import { loadTenant } from "../../core/kernel/tenants/tenant.ts";
import { D1AuditLog } from "../../db/kernel/audit-log.ts";
import { D1BookingStore } from "../../db/booking/store.ts";
import { D1WaitlistStore } from "../../db/booking/waitlist-store.ts";
import { platformData } from "../../db/kernel/platform.ts";
import type { Env } from "../env.ts";
import { notifierFor } from "../kernel/notifications/pipeline.ts";
import type { CalendarOwner } from "./staff-calendar.ts";

/** What the tenant adds when freed time is offered: its booking rules and its notifications. */
export type ActiveTenant = { settings: BookingSettings; notify(request: NotifyRequest): Promise<unknown> };

/**
 * What a staff calendar object uses, and nothing else: the bookings and the waitlist of the
 * tenant's cell and its audit log; the tenant itself (its settings, its notifications) only when
 * freed time has someone waiting for it, so most steps never load it.
 */
export type CalendarParts = CalendarDeps & {
  waitlist: D1WaitlistStore;
  audit: D1AuditLog;
  /** The tenant when it is active; null when it is gone or suspended. */
  activeTenant(): Promise<ActiveTenant | null>;
};

export function calendarParts(env: Env, owner: CalendarOwner): CalendarParts {
  const data = platformData(env);
  const scope = data.scopeIn(owner.cell, owner.tenantId);
  return {
    store: new D1BookingStore(scope),
    waitlist: new D1WaitlistStore(scope),
    audit: new D1AuditLog(scope),
    now: () => new Date(),
    async activeTenant() {
      const record = await data.control.tenantById(owner.tenantId);
      const tenant = record && (await loadTenant(record, data));
      if (!tenant || tenant.status !== "active") return null;
      return { settings: tenant.settings.booking, notify: notifierFor(env, scope, tenant) };
    },
  };
}
