import { defaultTenantSettings, type TenantSettings } from "../../core/kernel/tenants/settings.ts";
import type { SettingsStore } from "../../core/kernel/tenants/tenant.ts";
import { newId } from "../../core/kernel/ids.ts";
import { tenantSettings } from "./schema.ts";
import { TenantScope } from "./scope.ts";

export class D1SettingsStore implements SettingsStore {
  readonly #database: D1Database;

  constructor(database: D1Database) {
    this.#database = database;
  }

  async read(tenantId: string): Promise<TenantSettings | null> {
    const scope = new TenantScope(this.#database, tenantId);
    const row = await scope.findOne(tenantSettings);
    // Settings written before a field existed get that field's default.
    return row ? { ...defaultTenantSettings, ...row.settings } : null;
  }

  async write(tenantId: string, settings: TenantSettings): Promise<void> {
    const scope = new TenantScope(this.#database, tenantId);
    const updatedAt = new Date().toISOString();
    await scope
      .insert(tenantSettings, { id: newId("settings"), settings, updatedAt })
      .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { settings, updatedAt } });
  }
}
