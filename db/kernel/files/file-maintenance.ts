import { and, isNotNull, lt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { files } from "./schema.ts";

/**
 * The tenants of a cell with uploads and unlinked files past their expiry. The job continues per
 * tenant through a TenantScope; the files a capability still holds it finds through that capability.
 */
export async function tenantsWithExpiredFiles(database: D1Database, now: Date): Promise<string[]> {
  const rows = await drizzle(database)
    .selectDistinct({ tenantId: files.tenantId })
    .from(files)
    .where(and(isNotNull(files.expiresAt), lt(files.expiresAt, now.toISOString())));
  return rows.map((row) => row.tenantId);
}
