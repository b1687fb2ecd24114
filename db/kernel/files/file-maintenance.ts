import { and, isNotNull, lt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { documents } from "../../documents/schema.ts";
import { files } from "./schema.ts";

/**
 * The tenants of a cell with files to remove: uploads and unlinked files past their expiry, or
 * documents deleted before `deletedBefore`. The jobs continue per tenant through a TenantScope.
 */
export async function tenantsWithFilesToRemove(
  database: D1Database,
  now: Date,
  deletedBefore: Date,
): Promise<string[]> {
  const db = drizzle(database);
  const [expired, deleted] = await db.batch([
    db
      .selectDistinct({ tenantId: files.tenantId })
      .from(files)
      .where(and(isNotNull(files.expiresAt), lt(files.expiresAt, now.toISOString()))),
    db
      .selectDistinct({ tenantId: documents.tenantId })
      .from(documents)
      .where(and(isNotNull(documents.deletedAt), lt(documents.deletedAt, deletedBefore.toISOString()))),
  ]);
  return [...new Set([...expired, ...deleted].map((row) => row.tenantId))];
}
