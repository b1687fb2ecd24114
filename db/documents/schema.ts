import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Documents in a client's dossier (core/documents/documents.ts): what the client uploaded and
 * what staff shared with them, each a file (db/kernel/files/schema.ts) or a link. A deleted one
 * keeps its row until the retention job removes it and its file for good.
 */
export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    clientUserId: text("client_user_id").notNull(),
    authorId: text("author_id").notNull(),
    side: text("side", { enum: ["client", "staff"] }).notNull(),
    fileId: text("file_id"),
    url: text("url"),
    description: text("description").notNull(),
    createdAt: text("created_at").notNull(),
    deletedAt: text("deleted_at"),
  },
  (table) => [
    index("documents_tenant_idx").on(table.tenantId),
    index("documents_client_idx").on(table.tenantId, table.clientUserId, table.createdAt),
    index("documents_deleted_idx").on(table.deletedAt),
  ],
);
