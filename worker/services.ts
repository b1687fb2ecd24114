import type { LoginDeps } from "../core/auth/login.ts";
import type { Tenant } from "../core/tenants/tenant.ts";
import { D1AccountStore } from "../db/cell/account-store.ts";
import { D1AuditLog } from "../db/cell/audit-log.ts";
import { D1SessionStore } from "../db/cell/session-store.ts";
import { platformData, type PlatformData } from "../db/platform.ts";
import { DurableAttemptLimiter } from "./auth/attempt-limiter.ts";
import type { Config, Env } from "./env.ts";

/** Accounts, sessions, audit log and guess limits of one tenant. */
export type Identity = LoginDeps;

/** Everything a request may use, built once per request from the validated configuration. */
export type Services = PlatformData & {
  config: Config;
  uploads: R2Bucket;
  identityFor(tenant: Tenant): Identity;
};

export function buildServices(env: Env, config: Config): Services {
  const data = platformData(env);
  return {
    ...data,
    config,
    uploads: env.UPLOADS,
    identityFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      return {
        accounts: new D1AccountStore(scope),
        sessions: new D1SessionStore(scope),
        audit: new D1AuditLog(scope),
        limiter: new DurableAttemptLimiter(env.RATE_LIMITER, tenant.id),
        timeouts: {
          idleMinutes: tenant.settings.sessionIdleMinutes,
          absoluteHours: tenant.settings.sessionAbsoluteHours,
        },
        now: () => new Date(),
      };
    },
  };
}
