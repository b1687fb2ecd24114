import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { TenantSettings } from "../../core/tenants/settings.ts";

/**
 * Tables of a data cell. Every table carries `tenant_id` with an index, because several tenants
 * share a cell; db/cell/scope.ts is the only way to query them and always adds the tenant.
 */

export const tenantSettings = sqliteTable("tenant_settings", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull().unique(),
  settings: text("settings", { mode: "json" }).$type<TenantSettings>().notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["admin", "staff", "client"] }).notNull(),
    language: text("language", { enum: ["nl", "en"] }).notNull(),
    timeZone: text("time_zone").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("users_tenant_idx").on(table.tenantId),
    uniqueIndex("users_tenant_email_idx").on(table.tenantId, table.email),
  ],
);
