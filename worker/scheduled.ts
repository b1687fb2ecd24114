import { platformData } from "../db/platform.ts";
import { purgeOutbox, reclaimParkedDeliveries } from "../db/cell/parked-deliveries.ts";
import { cellDatabase } from "../db/cells.ts";
import { configOf, type Env } from "./env.ts";
import { CloudflareDeliveryQueue } from "./notifications/pipeline.ts";

/**
 * Scheduled work (every five minutes, wrangler.toml): deliveries whose queue message got lost go
 * back on the queue, and in local runs the outbox keeps only a week of mail.
 */
export async function runScheduledWork(env: Env, now: Date): Promise<{ requeued: number; purged: number }> {
  const config = configOf(env);
  const queue = new CloudflareDeliveryQueue(env.NOTIFY_QUEUE);
  let requeued = 0;
  let purged = 0;
  for (const cell of platformData(env).cells) {
    const database = cellDatabase(config.cells, cell);
    const parked = await reclaimParkedDeliveries(database, now);
    await queue.enqueue(parked.map((body) => ({ body, delaySeconds: 0 })));
    requeued += parked.length;
    if (config.MAIL_PROVIDER === "outbox") purged += await purgeOutbox(database, now);
  }
  return { requeued, purged };
}
