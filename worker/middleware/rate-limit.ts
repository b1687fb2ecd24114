import { createMiddleware } from "hono/factory";
import type { BucketRule } from "../../core/platform/token-bucket.ts";
import type { AppEnv } from "../context.ts";

/**
 * Limits requests per client address and tenant (all hostnames of a tenant share one budget);
 * answers 429 with Retry-After when exceeded.
 */
export function rateLimit(name: string, rule: BucketRule) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const address = c.req.header("cf-connecting-ip") ?? "local";
    const site = c.get("site");
    const target = site.kind === "tenant" ? site.tenant.id : site.kind;
    const namespace = c.env.RATE_LIMITER;
    const limiter = namespace.get(namespace.idFromName(`${name}:${target}:${address}`));
    const decision = await limiter.take(rule);
    c.header("RateLimit-Remaining", String(decision.remaining));
    if (!decision.allowed) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      return c.json({ error: { code: "rate_limited", message: "Too many requests" } }, 429);
    }
    await next();
  });
}
