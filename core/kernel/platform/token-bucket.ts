/**
 * A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. Pure arithmetic so
 * the Durable Object that holds the state stays a thin shell around it.
 */
export type BucketRule = { capacity: number; refillPerSecond: number };
export type BucketState = { tokens: number; updatedAt: number };
export type BucketDecision = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export function takeToken(
  state: BucketState | undefined,
  rule: BucketRule,
  now: number,
): { state: BucketState; decision: BucketDecision } {
  const elapsedSeconds = state ? Math.max(0, now - state.updatedAt) / 1000 : 0;
  const available = Math.min(
    rule.capacity,
    (state?.tokens ?? rule.capacity) + elapsedSeconds * rule.refillPerSecond,
  );
  if (available >= 1) {
    const tokens = available - 1;
    return {
      state: { tokens, updatedAt: now },
      decision: { allowed: true, remaining: Math.floor(tokens), retryAfterSeconds: 0 },
    };
  }
  return {
    state: { tokens: available, updatedAt: now },
    decision: {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: Math.ceil((1 - available) / rule.refillPerSecond),
    },
  };
}
