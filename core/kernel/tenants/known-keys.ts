import { z } from "zod";

/**
 * A record of which only the known keys are kept: stored settings may still carry keys of a
 * capability that is gone or not registered yet, and reading them must not fail.
 */
export const knownKeysOnly = <K extends string, V extends z.ZodType>(keys: readonly K[], value: V) =>
  z
    .record(z.string(), value)
    .transform(
      (record) =>
        Object.fromEntries(
          Object.entries(record).filter(([key]) => (keys as readonly string[]).includes(key)),
        ) as Partial<Record<K, z.output<V>>>,
    );
