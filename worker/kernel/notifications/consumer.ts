import { backoffSeconds, deliver, type DeliverDeps } from "../../../core/kernel/notifications/deliver.ts";
import type { DeliveryMessage } from "../../../core/kernel/notifications/ports.ts";
import { loadTenant } from "../../../core/kernel/tenants/tenant.ts";
import { D1DeliveryStore } from "../../../db/kernel/notifications/delivery-store.ts";
import { platformData, type PlatformData } from "../../../db/kernel/platform.ts";
import { configOf, type Env } from "../../env.ts";
import { deliveryDepsFor } from "./pipeline.ts";

/** What the dead-letter queue carries: the delivery, and why when the consumer gave up itself. */
export type DeadLetterMessage = DeliveryMessage & { error?: string };

/** Queues hold a delayed message at most 12 hours. */
const maxDelaySeconds = 12 * 60 * 60;

async function tenantOf(data: PlatformData, tenantId: string) {
  const record = await data.control.tenantById(tenantId);
  return record ? loadTenant(record, data) : null;
}

/**
 * The notification queue's consumer. Every message is acknowledged or retried on its own, so one
 * failing mail never holds back or repeats the others. Sending is idempotent (core deliver), so
 * the at-least-once queue never sends a mail twice.
 */
export async function consumeDeliveries(batch: MessageBatch<DeliveryMessage>, env: Env): Promise<void> {
  const config = configOf(env);
  const data = platformData(env);
  const depsByTenant = new Map<string, Promise<DeliverDeps | null>>();
  const depsOf = (tenantId: string) => {
    let deps = depsByTenant.get(tenantId);
    if (!deps) {
      deps = tenantOf(data, tenantId).then((tenant) =>
        tenant ? deliveryDepsFor(env, config, data, tenant) : null,
      );
      depsByTenant.set(tenantId, deps);
    }
    return deps;
  };

  await Promise.all(
    batch.messages.map(async (message) => {
      try {
        const deps = await depsOf(message.body.tenantId);
        // A removed tenant has nobody left to tell.
        if (!deps) return message.ack();
        const outcome = await deliver(deps, message.body.deliveryId, message.attempts);
        switch (outcome.kind) {
          case "sent":
          case "nothing-to-do":
          case "skipped":
            return message.ack();
          case "later":
            // Quiet hours: a fresh message for the morning, so waiting costs no retry.
            await env.NOTIFY_QUEUE.send(message.body, {
              delaySeconds: Math.min(outcome.delaySeconds, maxDelaySeconds),
            });
            return message.ack();
          case "retry":
            return message.retry({ delaySeconds: outcome.delaySeconds });
          case "dead":
            await env.NOTIFY_DEAD_QUEUE.send({ ...message.body, error: outcome.error });
            return message.ack();
        }
      } catch (error) {
        console.error("notification delivery failed", message.body.deliveryId, error);
        message.retry({ delaySeconds: backoffSeconds(message.attempts) });
      }
    }),
  );
}

/**
 * The dead-letter queue's consumer: records the failure on the delivery, where the tenant admin
 * sees it and can send it again. Messages arrive here when the consumer gave up on a permanent
 * failure, or when the queue ran out of retries.
 */
export async function consumeDeadLetters(batch: MessageBatch<DeadLetterMessage>, env: Env): Promise<void> {
  const data = platformData(env);
  for (const message of batch.messages) {
    const record = await data.control.tenantById(message.body.tenantId);
    if (record) {
      const deliveries = new D1DeliveryStore(data.scopeIn(record.cell, record.id));
      await deliveries.markDead(message.body.deliveryId, message.body.error ?? null);
    }
    message.ack();
  }
}
