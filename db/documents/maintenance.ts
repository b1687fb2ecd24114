import { and, isNotNull, lt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { documents } from "./schema.ts";

/** The tenants of a cell with documents deleted before `before`, whose files the retention job removes. */
export async function tenantsWithDeletedDocuments(database: D1Database, before: Date): Promise<string[]> {
  const rows = await drizzle(database)
    .selectDistinct({ tenantId: documents.tenantId })
    .from(documents)
    .where(and(isNotNull(documents.deletedAt), lt(documents.deletedAt, before.toISOString())));
  return rows.map((row) => row.tenantId);
}
