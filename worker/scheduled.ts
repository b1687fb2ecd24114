import { reminderDue } from "../core/auth/invitations.ts";
import { loadTenant, type Tenant } from "../core/tenants/tenant.ts";
import { D1InvitationStore } from "../db/cell/invitation-store.ts";
import { invitationsAwaitingReminder, purgeOutbox, reclaimParkedDeliveries } from "../db/cell/maintenance.ts";
import { cellDatabase } from "../db/cells.ts";
import { platformData, type PlatformData } from "../db/platform.ts";
import { configOf, type Env } from "./env.ts";
import { CloudflareDeliveryQueue, notifierFor } from "./notifications/pipeline.ts";

export type ScheduledReport = { requeued: number; purged: number; reminders: number };

/**
 * Scheduled work (every five minutes, wrangler.toml): deliveries whose queue message got lost go
 * back on the queue, open invitations get their reminders after 3 and 7 days, and in local runs
 * the outbox keeps only a week of mail.
 */
export async function runScheduledWork(env: Env, now: Date): Promise<ScheduledReport> {
  const config = configOf(env);
  const data = platformData(env);
  const queue = new CloudflareDeliveryQueue(env.NOTIFY_QUEUE);
  const report: ScheduledReport = { requeued: 0, purged: 0, reminders: 0 };
  for (const cell of data.cells) {
    const database = cellDatabase(config.cells, cell);
    const parked = await reclaimParkedDeliveries(database, now);
    await queue.enqueue(parked.map((body) => ({ body, delaySeconds: 0 })));
    report.requeued += parked.length;
    report.reminders += await sendReminders(env, data, await invitationsAwaitingReminder(database, now), now);
    if (config.MAIL_PROVIDER === "outbox") report.purged += await purgeOutbox(database, now);
  }
  return report;
}

async function sendReminders(
  env: Env,
  data: PlatformData,
  due: { tenantId: string; invitationId: string }[],
  now: Date,
): Promise<number> {
  const tenants = new Map<string, Promise<Tenant | null>>();
  let sent = 0;
  for (const { tenantId, invitationId } of due) {
    if (!tenants.has(tenantId)) {
      tenants.set(
        tenantId,
        data.control.tenantById(tenantId).then((record) => (record ? loadTenant(record, data) : null)),
      );
    }
    const tenant = await tenants.get(tenantId);
    if (!tenant || tenant.status !== "active") continue;
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
