import { cellDatabase, cellsOf } from "./cells.ts";
import { TenantScope } from "./scope.ts";
import { D1SettingsStore } from "./settings-store.ts";
import { D1ControlPlane } from "./control/control-plane.ts";
import type { ControlPlane, SettingsStore } from "../../core/kernel/tenants/tenant.ts";

export type PlatformBindings = { CONTROL_DB: D1Database };

export type PlatformData = {
  control: ControlPlane;
  /** Names of the data cells (TENANT_DB_<n>) the bindings hold. */
  cells: string[];
  settingsIn(cell: string): SettingsStore;
  /** A tenant's data in its cell, always scoped to that tenant. */
  scopeIn(cell: string, tenantId: string): TenantScope;
};

/** The control plane and the data cells, from whatever holds the bindings (Worker env or local proxy). */
export function platformData(bindings: PlatformBindings): PlatformData {
  const cells = cellsOf(bindings);
  return {
    control: new D1ControlPlane(bindings.CONTROL_DB),
    cells: [...cells.keys()],
    settingsIn: (cell) => new D1SettingsStore(cellDatabase(cells, cell)),
    scopeIn: (cell, tenantId) => new TenantScope(cellDatabase(cells, cell), tenantId),
  };
}
