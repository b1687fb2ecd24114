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

/** A tenant in the operator's list: its record, when it was created and its custom domains. */
export type TenantListing = TenantRecord & { createdAt: string; hostnames: string[] };

export type Plan = { id: string; name: string; features: FeatureKey[] };

/** A tenant as a request sees it: where it lives, what it may use and how it looks. */
export type Tenant = TenantRecord & { features: FeatureKey[]; settings: TenantSettings };

/** Read and write access to the control plane (CONTROL_DB). */
export interface ControlPlane {
  tenantById(id: string): Promise<TenantRecord | null>;
  tenantBySlug(slug: string): Promise<TenantRecord | null>;
  tenantByHostname(hostname: string): Promise<TenantRecord | null>;
  hostnamesOf(tenantId: string): Promise<string[]>;
  /** Every tenant, newest first, with its custom domains. */
  listTenants(): Promise<TenantListing[]>;
  plan(id: string): Promise<Plan | null>;
  plans(): Promise<Plan[]>;
  savePlan(plan: Plan): Promise<void>;
  takenHostnames(hostnames: string[]): Promise<string[]>;
  /** Writes the tenant and its hostnames atomically. */
  createTenant(tenant: TenantRecord, hostnames: string[]): Promise<void>;
  updateTenant(id: string, changes: Pick<TenantRecord, "name" | "planId">): Promise<void>;
  setStatus(id: string, status: TenantStatus): Promise<void>;
  /** False when the hostname is taken (by this tenant or another) in the meantime. */
  addHostname(tenantId: string, hostname: string): Promise<boolean>;
  /** False when the tenant has no such hostname. */
  removeHostname(tenantId: string, hostname: string): Promise<boolean>;
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
