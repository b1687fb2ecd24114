import { describe, expect, it } from "vitest";
import { takeToken, type BucketState } from "./token-bucket.ts";

const rule = { capacity: 3, refillPerSecond: 1 };

describe("takeToken", () => {
  it("allows a burst up to the capacity, then refuses with the wait until the next token", () => {
    let state: BucketState | undefined;
    const allowed: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const step = takeToken(state, rule, 1_000);
      state = step.state;
      allowed.push(step.decision.allowed);
      if (i === 3) expect(step.decision.retryAfterSeconds).toBe(1);
    }
    expect(allowed).toEqual([true, true, true, false]);
  });

  it("refills over time but never above the capacity", () => {
    const empty: BucketState = { tokens: 0, updatedAt: 0 };
    expect(takeToken(empty, rule, 500).decision.allowed).toBe(false);
    expect(takeToken(empty, rule, 1_000).decision.allowed).toBe(true);
    expect(takeToken(empty, rule, 60_000).decision.remaining).toBe(2);
  });
});
