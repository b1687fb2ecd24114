import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { BucketRule } from "../../../core/kernel/platform/token-bucket.ts";
import type { AppEnv } from "../../context.ts";
import { refuse } from "../api/errors.ts";

/**
 * Takes one request from the bucket named `key` (a RateLimiter Durable Object); answers the 429,
 * with Retry-After, when the bucket is empty, and null when the request may go on.
 */
export async function takeFromBucket<E extends AppEnv>(
  c: Context<E>,
  key: string,
  rule: BucketRule,
): Promise<Response | null> {
  const namespace = c.env.RATE_LIMITER;
  const decision = await namespace.get(namespace.idFromName(key)).take(rule);
  c.header("RateLimit-Remaining", String(decision.remaining));
  if (decision.allowed) return null;
  c.header("Retry-After", String(decision.retryAfterSeconds));
  return refuse(c, "rateLimited", "Too many requests");
}

/**
 * Limits requests per client address and tenant (all hostnames of a tenant share one budget);
 * answers 429 with Retry-After when exceeded.
 */
export function rateLimit(name: string, rule: BucketRule) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const address = c.req.header("cf-connecting-ip") ?? "local";
    const site = c.get("site");
    const target = site.kind === "tenant" ? site.tenant.id : site.kind;
    const refused = await takeFromBucket(c, `${name}:${target}:${address}`, rule);
    if (refused) return refused;
    await next();
  });
}
