import { z } from "@hono/zod-openapi";

/**
 * The `Idempotency-Key` header every create operation takes (core/kernel/request-keys.ts): a retry
 * with the same key writes nothing and answers with what the first request made.
 */
export const idempotencyKey = z.string().min(8).max(100).openapi({
  description:
    "The same key for every retry of one request: a retry writes nothing and returns what the first made",
});

export const idempotencyHeaders = z.object({ "idempotency-key": idempotencyKey });
