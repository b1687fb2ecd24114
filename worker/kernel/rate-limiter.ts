import { DurableObject } from "cloudflare:workers";
import {
  takeToken,
  type BucketDecision,
  type BucketRule,
  type BucketState,
} from "../../core/kernel/platform/token-bucket.ts";

/**
 * One object per limited key (a client address, an account, a known device). Requests to one
 * object are serialised by the runtime, so counting needs no locks; the state is stored so that an
 * evicted object does not forget a burst of abuse.
 */
export class RateLimiter extends DurableObject {
  /** `now` is the caller's clock in milliseconds, so that a test can let time pass. */
  async take(rule: BucketRule, now = Date.now()): Promise<BucketDecision> {
    const stored = await this.ctx.storage.get<BucketState>("bucket");
    const { state, decision } = takeToken(stored, rule, now);
    await this.ctx.storage.put("bucket", state);
    return decision;
  }

  /** The decision a `take` would get now, without using a token. */
  async peek(rule: BucketRule, now = Date.now()): Promise<BucketDecision> {
    const stored = await this.ctx.storage.get<BucketState>("bucket");
    return takeToken(stored, rule, now).decision;
  }

  /**
   * A known device keeps its own budget in the object that counts it, with the time until which
   * it stays known; a key nobody was granted this way has no such time.
   */
  async grantUntil(until: number): Promise<void> {
    await this.ctx.storage.put("grantedUntil", until);
  }

  async grantedUntil(): Promise<number> {
    return (await this.ctx.storage.get<number>("grantedUntil")) ?? 0;
  }
}
