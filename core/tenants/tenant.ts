import { effectiveFeatures, type FeatureKey } from "./features.ts";
import { defaultTenantSettings, type TenantSettings } from "./settings.ts";

export type TenantStatus = "active" | "suspended";

/** A tenant as the control plane knows it. */
export type TenantRecord = {
  id: string;
  slug: string;
  name: string;
  planId: string;
  cell: string;
  status: TenantStatus;
};

export type Plan = { id: string; name: string; features: FeatureKey[] };

/** A tenant as a request sees it: where it lives, what it may use and how it looks. */
export type Tenant = TenantRecord & { features: FeatureKey[]; settings: TenantSettings };

/** Read and write access to the control plane (CONTROL_DB). */
export interface ControlPlane {
  tenantById(id: string): Promise<TenantRecord | null>;
  tenantBySlug(slug: string): Promise<TenantRecord | null>;
  tenantByHostname(hostname: string): Promise<TenantRecord | null>;
  hostnamesOf(tenantId: string): Promise<string[]>;
  plan(id: string): Promise<Plan | null>;
  savePlan(plan: Plan): Promise<void>;
  takenHostnames(hostnames: string[]): Promise<string[]>;
  /** Writes the tenant and its hostnames atomically. */
  createTenant(tenant: TenantRecord, hostnames: string[]): Promise<void>;
  updateTenant(id: string, changes: Pick<TenantRecord, "name" | "planId">): Promise<void>;
}

/** The tenant's own settings, stored in the tenant's cell. */
export interface SettingsStore {
  read(tenantId: string): Promise<TenantSettings | null>;
  write(tenantId: string, settings: TenantSettings): Promise<void>;
}

export type TenantServices = {
  control: ControlPlane;
  settingsIn(cell: string): SettingsStore;
};

export async function loadTenant(record: TenantRecord, services: TenantServices): Promise<Tenant | null> {
  const [plan, settings] = await Promise.all([
    services.control.plan(record.planId),
    services.settingsIn(record.cell).read(record.id),
  ]);
  if (!plan) return null;
  const ownSettings = settings ?? defaultTenantSettings;
  return {
    ...record,
    settings: ownSettings,
    features: effectiveFeatures(plan.features, ownSettings.features),
  };
}
