import type { DeliveryMessage } from "../core/kernel/notifications/ports.ts";
import { app } from "./app.ts";
import type { Env } from "./env.ts";
import {
  consumeDeadLetters,
  consumeDeliveries,
  type DeadLetterMessage,
} from "./kernel/notifications/consumer.ts";
import { runScheduledWork } from "./scheduled.ts";

export { ChatRoom } from "./messaging/chat/chat-room.ts";
export { RateLimiter } from "./kernel/rate-limiter.ts";
export { StaffCalendar } from "./booking/staff-calendar.ts";

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
