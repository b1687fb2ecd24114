import { reminderDue } from "../core/kernel/auth/invitations.ts";
import { loadTenant, type Tenant } from "../core/kernel/tenants/tenant.ts";
import { D1InvitationStore } from "../db/kernel/identity/invitation-store.ts";
import {
  invitationsAwaitingReminder,
  purgeOutbox,
  reclaimParkedDeliveries,
} from "../db/kernel/maintenance.ts";
import { bookingsAwaitingReminder } from "../db/booking/maintenance.ts";
import { remindOf } from "../core/booking/reminders.ts";
import { bookingSettingsSchema } from "../core/booking/settings.ts";
import { D1BookingStore } from "../db/booking/store.ts";
import { cellDatabase } from "../db/kernel/cells.ts";
import { platformData, type PlatformData } from "../db/kernel/platform.ts";
import { configOf, type Env } from "./env.ts";
import { CloudflareDeliveryQueue, notifierFor } from "./kernel/notifications/pipeline.ts";
import { removeFiles } from "./kernel/files/cleanup.ts";

export type ScheduledReport = {
  requeued: number;
  purged: number;
  reminders: number;
  appointmentReminders: number;
  /** Abandoned uploads, unlinked files and documents past their retention, removed for good. */
  filesRemoved: number;
};

/**
 * Scheduled work (every five minutes, wrangler.toml): deliveries whose queue message got lost go
 * back on the queue, open invitations get their reminders after 3 and 7 days, appointments get
 * theirs the tenant's reminder time before they start, and in local runs the outbox keeps only
 * a week of mail.
 */
export async function runScheduledWork(env: Env, now: Date): Promise<ScheduledReport> {
  const config = configOf(env);
  const data = platformData(env);
  const queue = new CloudflareDeliveryQueue(env.NOTIFY_QUEUE);
  const report: ScheduledReport = {
    requeued: 0,
    purged: 0,
    reminders: 0,
    appointmentReminders: 0,
    filesRemoved: 0,
  };
  const tenantOf = activeTenants(data);
  for (const cell of data.cells) {
    const database = cellDatabase(config.cells, cell);
    const parked = await reclaimParkedDeliveries(database, now);
    await queue.enqueue(parked.map((body) => ({ body, delaySeconds: 0 })));
    report.requeued += parked.length;
    report.reminders += await sendReminders(
      env,
      data,
      tenantOf,
      await invitationsAwaitingReminder(database, now),
      now,
    );
    const appointments = await bookingsAwaitingReminder(database, now, longestReminderHours);
    report.appointmentReminders += await remindAppointments(env, data, tenantOf, appointments, now);
    report.filesRemoved += await removeFiles(env, data, database, now);
    if (config.MAIL_PROVIDER === "outbox") report.purged += await purgeOutbox(database, now);
  }
  return report;
}

/** No tenant reminds earlier than this, so no booking further ahead needs a look. */
const longestReminderHours = bookingSettingsSchema.shape.reminderHours.maxValue ?? 72;

/** The active tenants by id, each read once per run. */
function activeTenants(data: PlatformData) {
  const tenants = new Map<string, Promise<Tenant | null>>();
  return async (tenantId: string): Promise<Tenant | null> => {
    if (!tenants.has(tenantId)) {
      tenants.set(
        tenantId,
        data.control.tenantById(tenantId).then((record) => (record ? loadTenant(record, data) : null)),
      );
    }
    const tenant = await tenants.get(tenantId);
    return tenant?.status === "active" ? tenant : null;
  };
}

async function remindAppointments(
  env: Env,
  data: PlatformData,
  tenantOf: (id: string) => Promise<Tenant | null>,
  due: { tenantId: string; bookingId: string; startsAt: string }[],
  now: Date,
): Promise<number> {
  let sent = 0;
  for (const { tenantId, bookingId, startsAt } of due) {
    const tenant = await tenantOf(tenantId);
    if (!tenant || !tenant.features.includes("booking")) continue;
    const scope = data.scopeIn(tenant.cell, tenant.id);
    const reminded = await remindOf(
      {
        store: new D1BookingStore(scope),
        notify: notifierFor(env, scope, tenant),
        reminderHours: tenant.settings.booking.reminderHours,
        now: () => now,
      },
      bookingId,
      startsAt,
    );
    if (reminded) sent++;
  }
  return sent;
}

async function sendReminders(
  env: Env,
  data: PlatformData,
  tenantOf: (id: string) => Promise<Tenant | null>,
  due: { tenantId: string; invitationId: string }[],
  now: Date,
): Promise<number> {
  let sent = 0;
  for (const { tenantId, invitationId } of due) {
    const tenant = await tenantOf(tenantId);
    if (!tenant) continue;
    const scope = data.scopeIn(tenant.cell, tenant.id);
    const store = new D1InvitationStore(scope);
    const found = await store.find(invitationId);
    if (!found || !reminderDue(found.invitation, now)) continue;
    // Counted first: a failed send is retried by the queue, a second reminder would only annoy.
    await store.countReminder(invitationId);
    await notifierFor(
      env,
      scope,
      tenant,
    )({
      kind: "invitation-reminder",
      recipients: [found.person.id],
      actorId: found.invitation.invitedBy,
      link: `/invitation/${invitationId}`,
    });
    sent++;
  }
  return sent;
}
