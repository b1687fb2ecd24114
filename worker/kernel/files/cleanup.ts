import { keepDeletedDays, purgeDeleted } from "../../../core/documents/documents.ts";
import { defaultFilesSettings } from "../../../core/kernel/files/rules.ts";
import { removeExpired } from "../../../core/kernel/files/uploads.ts";
import { D1DocumentStore } from "../../../db/documents/store.ts";
import { D1FileStore } from "../../../db/kernel/files/file-store.ts";
import { tenantsWithFilesToRemove } from "../../../db/kernel/files/file-maintenance.ts";
import type { PlatformData } from "../../../db/kernel/platform.ts";
import type { Env } from "../../env.ts";
import { R2Storage } from "./r2-storage.ts";

/**
 * Cron: in one cell, removes abandoned uploads and files nobody linked once they expire, and
 * documents deleted longer than the retention period ago, objects and rows. Runs for every
 * tenant, suspended ones included: what has expired must go whatever the tenant's state.
 */
export async function removeFiles(env: Env, data: PlatformData, database: D1Database, now: Date) {
  const deletedBefore = new Date(now.getTime() - keepDeletedDays * 24 * 60 * 60_000);
  let removed = 0;
  for (const tenantId of await tenantsWithFilesToRemove(database, now, deletedBefore)) {
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
    removed += await purgeDeleted({ documents: new D1DocumentStore(scope), files, now: () => now });
  }
  return removed;
}
