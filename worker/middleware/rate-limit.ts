import { createMiddleware } from "hono/factory";
import type { BucketRule } from "../../core/platform/token-bucket.ts";
import type { AppEnv } from "../context.ts";

/** Limits requests per client address and host; answers 429 with Retry-After when exceeded. */
export function rateLimit(name: string, rule: BucketRule) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const address = c.req.header("cf-connecting-ip") ?? "local";
    const host = c.req.header("host") ?? "";
    const namespace = c.env.RATE_LIMITER;
    const limiter = namespace.get(namespace.idFromName(`${name}:${host}:${address}`));
    const decision = await limiter.take(rule);
    c.header("RateLimit-Remaining", String(decision.remaining));
    if (!decision.allowed) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      return c.json({ error: { code: "rate_limited", message: "Too many requests" } }, 429);
    }
    await next();
  });
}
