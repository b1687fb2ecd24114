import { cellDatabase } from "../db/cells.ts";
import { TenantScope } from "../db/cell/scope.ts";
import { D1SettingsStore } from "../db/cell/settings-store.ts";
import { D1ControlPlane } from "../db/control/control-plane.ts";
import type { Tenant, TenantServices } from "../core/tenants/tenant.ts";
import type { Config, Env } from "./env.ts";

/** Everything a request may use, built once per request from the validated configuration. */
export type Services = TenantServices & {
  config: Config;
  uploads: R2Bucket;
  /** The tenant's data, always scoped to that tenant. */
  scopeFor(tenant: Pick<Tenant, "id" | "cell">): TenantScope;
};

export function buildServices(env: Env, config: Config): Services {
  return {
    config,
    control: new D1ControlPlane(env.CONTROL_DB),
    settingsIn: (cell) => new D1SettingsStore(cellDatabase(config.cells, cell)),
    uploads: env.UPLOADS,
    scopeFor: (tenant) => new TenantScope(cellDatabase(config.cells, tenant.cell), tenant.id),
  };
}
