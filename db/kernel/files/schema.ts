import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { fileKindKeys } from "../../../core/kernel/files/rules.ts";

/**
 * Files in R2 (core/kernel/files/uploads.ts): one row per file, from the start of its upload. While it
 * goes up its parts are recorded, so an interrupted upload resumes with the parts still missing.
 * `expires_at` is set until a capability links the file; the cron removes what expires.
 */
export const files = sqliteTable(
  "files",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    uploaderId: text("uploader_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: fileKindKeys as [string, ...string[]] }).notNull(),
    size: integer("size").notNull(),
    status: text("status", { enum: ["uploading", "stored"] }).notNull(),
    objectKey: text("object_key").notNull(),
    multipartId: text("multipart_id"),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at"),
  },
  (table) => [index("files_tenant_idx").on(table.tenantId), index("files_expires_idx").on(table.expiresAt)],
);

export const fileParts = sqliteTable(
  "file_parts",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    fileId: text("file_id").notNull(),
    partNumber: integer("part_number").notNull(),
    etag: text("etag").notNull(),
    size: integer("size").notNull(),
  },
  (table) => [
    index("file_parts_tenant_idx").on(table.tenantId),
    uniqueIndex("file_parts_file_part_idx").on(table.fileId, table.partNumber),
  ],
);
