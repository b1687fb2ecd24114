import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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
    status: text("status", { enum: ["invited", "active", "disabled"] })
      .notNull()
      .default("active"),
    /** scrypt hash (core/auth/password-hash.ts); null until the user has set a password. */
    passwordHash: text("password_hash"),
    /** Set for accounts created with a temporary password (letter flow): change it first. */
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull(),
  },
  (table) => [
    index("users_tenant_idx").on(table.tenantId),
    uniqueIndex("users_tenant_email_idx").on(table.tenantId, table.email),
  ],
);

/**
 * Sessions: the browser holds `<id>.<secret>`; only a SHA-256 hash of the secret is stored, so a
 * leaked table cannot be replayed as cookies.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    userId: text("user_id").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
  },
  (table) => [index("sessions_tenant_idx").on(table.tenantId), index("sessions_user_idx").on(table.userId)],
);

/**
 * Append-only record of who did what to whose data, from where, with what result (NEN 7513):
 * sign-ins and failed attempts, and every view or change of a client's data.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    at: text("at").notNull(),
    actorUserId: text("actor_user_id"),
    onBehalfOfUserId: text("on_behalf_of_user_id"),
    clientUserId: text("client_user_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    result: text("result", { enum: ["success", "failure", "denied"] }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    detail: text("detail", { mode: "json" }).$type<Record<string, string | number | boolean>>(),
  },
  (table) => [
    index("audit_events_tenant_at_idx").on(table.tenantId, table.at),
    index("audit_events_client_idx").on(table.tenantId, table.clientUserId),
  ],
);
