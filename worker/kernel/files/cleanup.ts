import { defaultFilesSettings } from "../../../core/kernel/files/rules.ts";
import { removeExpired } from "../../../core/kernel/files/uploads.ts";
import { D1FileStore } from "../../../db/kernel/files/file-store.ts";
import { tenantsWithExpiredFiles } from "../../../db/kernel/files/file-maintenance.ts";
import type { PlatformData } from "../../../db/kernel/platform.ts";
import { capabilityHeldFiles } from "../../capabilities.ts";
import type { Env } from "../../env.ts";
import { R2Storage } from "./r2-storage.ts";

/** The tenants of a cell with expired files, or with files a capability no longer holds. */
async function tenantsWithFilesToRemove(database: D1Database, now: Date) {
  const found = await Promise.all([
    tenantsWithExpiredFiles(database, now),
    ...capabilityHeldFiles.map((held) => held.tenantsWithFilesToRemove(database, now)),
  ]);
  return new Set(found.flat());
}

/**
 * Cron: in one cell, removes abandoned uploads and files nobody linked once they expire, and the
 * files capabilities no longer hold (documents deleted longer than the retention period ago),
 * objects and rows. Runs for every tenant, suspended ones included: what has expired must go
 * whatever the tenant's state.
 */
export async function removeFiles(env: Env, data: PlatformData, database: D1Database, now: Date) {
  let removed = 0;
  for (const tenantId of await tenantsWithFilesToRemove(database, now)) {
    const record = await data.control.tenantById(tenantId);
    if (!record) continue;
    const scope = data.scopeIn(record.cell, tenantId);
    // Removing needs no limits or quota: the default settings stand in for the tenant's own.
    const files = {
      store: new D1FileStore(scope),
      storage: new R2Storage(env.UPLOADS),
      settings: defaultFilesSettings,
      tenantId,
      now: () => now,
    };
    removed += await removeExpired(files);
    for (const held of capabilityHeldFiles) removed += await held.remove(scope, files);
  }
  return removed;
}
