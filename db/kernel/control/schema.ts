import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { FeatureKey } from "../../../core/kernel/tenants/features.ts";

/** The control plane: which tenants exist, where they live and how they are reached. */

export const plans = sqliteTable("plans", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  features: text("features", { mode: "json" }).$type<FeatureKey[]>().notNull(),
  createdAt: text("created_at").notNull(),
});

export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  planId: text("plan_id")
    .notNull()
    .references(() => plans.id),
  /** Binding name of the D1 cell holding this tenant's data, e.g. TENANT_DB_1. */
  cell: text("cell").notNull(),
  status: text("status", { enum: ["active", "suspended"] }).notNull(),
  createdAt: text("created_at").notNull(),
});

/** Custom domains; `<slug>.<platform domain>` needs no row. */
export const hostnames = sqliteTable(
  "hostnames",
  {
    hostname: text("hostname").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    createdAt: text("created_at").notNull(),
  },
  (table) => [index("hostnames_tenant_idx").on(table.tenantId)],
);
