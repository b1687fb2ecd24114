import { z } from "zod";
import { cellsOf, type Cells } from "../db/cells.ts";
import type { RateLimiter } from "./durable/rate-limiter.ts";

/** Bindings and variables declared in wrangler.toml. Cells are TENANT_DB_<n>, as many as configured. */
export type Env = {
  CONTROL_DB: D1Database;
  UPLOADS: R2Bucket;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  PLATFORM_DOMAIN: string;
  ENVIRONMENT: string;
  // The two cells every environment has; more may be added as TENANT_DB_<n>.
  TENANT_DB_1: D1Database;
  TENANT_DB_2: D1Database;
  [cell: `TENANT_DB_${number}`]: D1Database | undefined;
};

const variablesSchema = z.object({
  PLATFORM_DOMAIN: z
    .string()
    .min(1)
    .regex(/^[a-z0-9.-]+$/, "PLATFORM_DOMAIN must be a lower-case host name without port"),
  ENVIRONMENT: z.enum(["development", "test", "production"]),
});

export type Config = z.infer<typeof variablesSchema> & { cells: Cells };

const parsed = new WeakMap<object, Config>();

/**
 * Checks the Worker's configuration once per isolate (env is the same object for every request
 * of an isolate) and fails loudly on a missing binding rather than deep inside a request.
 */
export function configOf(env: Env): Config {
  const known = parsed.get(env);
  if (known) return known;
  const variables = variablesSchema.parse(env);
  const missing = (["CONTROL_DB", "UPLOADS", "RATE_LIMITER"] as const).filter((name) => !env[name]);
  const cells = cellsOf(env);
  if (missing.length > 0 || cells.size === 0) {
    throw new Error(`Missing bindings: ${[...missing, ...(cells.size ? [] : ["TENANT_DB_<n>"])].join(", ")}`);
  }
  const config = { ...variables, cells };
  parsed.set(env, config);
  return config;
}
