import { DurableObject } from "cloudflare:workers";
import {
  takeToken,
  type BucketDecision,
  type BucketRule,
  type BucketState,
} from "../../core/kernel/platform/token-bucket.ts";

/**
 * One object per limited key (a client address, later an account). Requests to one object are
 * serialised by the runtime, so counting needs no locks; the state is stored so that an evicted
 * object does not forget a burst of abuse.
 */
export class RateLimiter extends DurableObject {
  async take(rule: BucketRule): Promise<BucketDecision> {
    const stored = await this.ctx.storage.get<BucketState>("bucket");
    const { state, decision } = takeToken(stored, rule, Date.now());
    await this.ctx.storage.put("bucket", state);
    return decision;
  }

  /** The decision a `take` would get now, without using a token. */
  async peek(rule: BucketRule): Promise<BucketDecision> {
    const stored = await this.ctx.storage.get<BucketState>("bucket");
    return takeToken(stored, rule, Date.now()).decision;
  }
}
