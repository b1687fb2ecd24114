import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The keys of create requests (core/kernel/request-keys.ts), each with the row its first request
 * wrote. Written in the same batch as that row, first: a request with a key already here fails
 * the whole batch, so it writes nothing, and finds the row the first one wrote.
 */
export const requestKeys = sqliteTable(
  "request_keys",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    targetId: text("target_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("request_keys_tenant_idx").on(table.tenantId, table.createdAt),
    uniqueIndex("request_keys_key_idx").on(table.tenantId, table.userId, table.kind, table.key),
  ],
);
