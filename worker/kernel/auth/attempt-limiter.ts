import type { AttemptLimiter, KnownDevices } from "../../../core/kernel/auth/guess-budgets.ts";
import type { BucketRule } from "../../../core/kernel/platform/token-bucket.ts";
import type { Env } from "../../env.ts";

/**
 * Failed sign-in guesses, counted in one RateLimiter Durable Object per tenant and key, so the
 * count is exact however many isolates serve the tenant. Keys are "<rule>:<value>"; the budgets
 * and why they are what they are: ADR "sign-in guessing limits".
 */
const rules: Record<string, BucketRule> = {
  // A browser that signed in to the account before: the owner's own budget, as quick to refill
  // as a person who mistypes needs.
  device: { capacity: 10, refillPerSecond: 10 / 300 },
  // Every new device together, per account: ten, then one more every six minutes.
  account: { capacity: 10, refillPerSecond: 10 / 3600 },
  // Every new device behind one client address, across all accounts: enough for an office or a
  // care home behind one NAT, too little to spray a password over many accounts.
  address: { capacity: 100, refillPerSecond: 100 / 3600 },
  // Wrong second-factor codes of an account; only reachable with its right password.
  factor: { capacity: 10, refillPerSecond: 10 / 300 },
  // Reset mails: three an hour per address asked for, so nobody's mailbox can be flooded, and
  // thirty per five minutes per client address asking.
  reset: { capacity: 3, refillPerSecond: 3 / 3600 },
  "reset-address": { capacity: 30, refillPerSecond: 30 / 300 },
};

function limiterOf(namespace: Env["RATE_LIMITER"], tenantId: string, key: string) {
  return namespace.get(namespace.idFromName(`login:${tenantId}:${key}`));
}

export class DurableAttemptLimiter implements AttemptLimiter {
  readonly #namespace: Env["RATE_LIMITER"];
  readonly #tenantId: string;
  readonly #now: () => Date;

  constructor(namespace: Env["RATE_LIMITER"], tenantId: string, now = () => new Date()) {
    this.#namespace = namespace;
    this.#tenantId = tenantId;
    this.#now = now;
  }

  #rule(key: string): BucketRule {
    const rule = rules[key.split(":")[0]!];
    if (!rule) throw new Error(`No guess limit for the key ${key}`);
    return rule;
  }

  async waitSeconds(keys: string[]): Promise<number> {
    const decisions = await Promise.all(
      keys.map((key) =>
        limiterOf(this.#namespace, this.#tenantId, key).peek(this.#rule(key), this.#now().getTime()),
      ),
    );
    return Math.max(0, ...decisions.map((decision) => (decision.allowed ? 0 : decision.retryAfterSeconds)));
  }

  async recordFailure(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        limiterOf(this.#namespace, this.#tenantId, key).take(this.#rule(key), this.#now().getTime()),
      ),
    );
  }
}

/** A known device is marked in the object that counts its own budget. */
export class DurableKnownDevices implements KnownDevices {
  readonly #namespace: Env["RATE_LIMITER"];
  readonly #tenantId: string;

  constructor(namespace: Env["RATE_LIMITER"], tenantId: string) {
    this.#namespace = namespace;
    this.#tenantId = tenantId;
  }

  async isKnown(key: string, now: Date): Promise<boolean> {
    return (await limiterOf(this.#namespace, this.#tenantId, key).grantedUntil()) > now.getTime();
  }

  async remember(key: string, until: Date): Promise<void> {
    await limiterOf(this.#namespace, this.#tenantId, key).grantUntil(until.getTime());
  }
}
