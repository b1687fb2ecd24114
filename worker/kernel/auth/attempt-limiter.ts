import type { AttemptLimiter } from "../../../core/kernel/auth/login.ts";
import type { BucketRule } from "../../../core/kernel/platform/token-bucket.ts";
import type { Env } from "../../env.ts";

/**
 * Failed sign-in guesses, counted in one RateLimiter Durable Object per tenant and key, so the
 * count is exact however many isolates serve the tenant. Per account: at most 10 failures in five
 * minutes; per client address a little more, since several people may share one address. Keys
 * are "<rule>:<value>"; a prefix without a rule of its own (reset-address) counts like an address.
 */
const rules: Record<string, BucketRule> = {
  account: { capacity: 10, refillPerSecond: 10 / 300 },
  address: { capacity: 30, refillPerSecond: 30 / 300 },
  // Wrong second-factor codes of an account; only reachable with its right password.
  factor: { capacity: 10, refillPerSecond: 10 / 300 },
  // Reset mails: three an hour per address asked for, so nobody's mailbox can be flooded.
  reset: { capacity: 3, refillPerSecond: 3 / 3600 },
};

export class DurableAttemptLimiter implements AttemptLimiter {
  readonly #namespace: Env["RATE_LIMITER"];
  readonly #tenantId: string;

  constructor(namespace: Env["RATE_LIMITER"], tenantId: string) {
    this.#namespace = namespace;
    this.#tenantId = tenantId;
  }

  #limiter(key: string) {
    return this.#namespace.get(this.#namespace.idFromName(`login:${this.#tenantId}:${key}`));
  }

  #rule(key: string): BucketRule {
    return rules[key.split(":")[0]!] ?? rules.address!;
  }

  async waitSeconds(keys: string[]): Promise<number> {
    const decisions = await Promise.all(keys.map((key) => this.#limiter(key).peek(this.#rule(key))));
    return Math.max(0, ...decisions.map((decision) => (decision.allowed ? 0 : decision.retryAfterSeconds)));
  }

  async recordFailure(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.#limiter(key).take(this.#rule(key))));
  }
}
