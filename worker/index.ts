import type { DeliveryMessage } from "../core/notifications/ports.ts";
import { app } from "./app.ts";
import type { Env } from "./env.ts";
import { consumeDeadLetters, consumeDeliveries, type DeadLetterMessage } from "./notifications/consumer.ts";
import { runScheduledWork } from "./scheduled.ts";

export { ChatRoom } from "./durable/chat-room.ts";
export { RateLimiter } from "./durable/rate-limiter.ts";
export { StaffCalendar } from "./durable/staff-calendar.ts";

export default {
  fetch: app.fetch,
  async queue(batch, env) {
    if (batch.queue.endsWith("-dead"))
      await consumeDeadLetters(batch as MessageBatch<DeadLetterMessage>, env);
    else await consumeDeliveries(batch as MessageBatch<DeliveryMessage>, env);
  },
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduledWork(env, new Date(controller.scheduledTime)));
  },
} satisfies ExportedHandler<Env, DeliveryMessage | DeadLetterMessage>;
