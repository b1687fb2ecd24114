import { and, desc, eq, inArray } from "drizzle-orm";
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import type {
  ControlPlane,
  Plan,
  TenantListing,
  TenantRecord,
  TenantStatus,
} from "../../../core/kernel/tenants/tenant.ts";
import { hostnames, plans, tenants } from "./schema.ts";

const tenantColumns = {
  id: tenants.id,
  slug: tenants.slug,
  name: tenants.name,
  planId: tenants.planId,
  cell: tenants.cell,
  status: tenants.status,
};

export class D1ControlPlane implements ControlPlane {
  readonly #db: DrizzleD1Database;

  constructor(database: D1Database) {
    this.#db = drizzle(database);
  }

  async tenantById(id: string): Promise<TenantRecord | null> {
    const rows = await this.#db.select(tenantColumns).from(tenants).where(eq(tenants.id, id)).limit(1);
    return rows[0] ?? null;
  }

  async tenantBySlug(slug: string): Promise<TenantRecord | null> {
    const rows = await this.#db.select(tenantColumns).from(tenants).where(eq(tenants.slug, slug)).limit(1);
    return rows[0] ?? null;
  }

  async tenantByHostname(hostname: string): Promise<TenantRecord | null> {
    const rows = await this.#db
      .select(tenantColumns)
      .from(hostnames)
      .innerJoin(tenants, eq(tenants.id, hostnames.tenantId))
      .where(eq(hostnames.hostname, hostname))
      .limit(1);
    return rows[0] ?? null;
  }

  async hostnamesOf(tenantId: string): Promise<string[]> {
    const rows = await this.#db
      .select({ hostname: hostnames.hostname })
      .from(hostnames)
      .where(eq(hostnames.tenantId, tenantId))
      .orderBy(hostnames.hostname);
    return rows.map((row) => row.hostname);
  }

  async listTenants(): Promise<TenantListing[]> {
    const [rows, names] = await this.#db.batch([
      this.#db
        .select({ ...tenantColumns, createdAt: tenants.createdAt })
        .from(tenants)
        .orderBy(desc(tenants.createdAt)),
      this.#db
        .select({ hostname: hostnames.hostname, tenantId: hostnames.tenantId })
        .from(hostnames)
        .orderBy(hostnames.hostname),
    ]);
    return rows.map((row) => ({
      ...row,
      hostnames: names.filter((name) => name.tenantId === row.id).map((name) => name.hostname),
    }));
  }

  async plans(): Promise<Plan[]> {
    return this.#db
      .select({ id: plans.id, name: plans.name, features: plans.features })
      .from(plans)
      .orderBy(plans.createdAt, plans.id);
  }

  async plan(id: string): Promise<Plan | null> {
    const rows = await this.#db
      .select({ id: plans.id, name: plans.name, features: plans.features })
      .from(plans)
      .where(eq(plans.id, id))
      .limit(1);
    return rows[0] ?? null;
  }

  async savePlan(plan: Plan): Promise<void> {
    await this.#db
      .insert(plans)
      .values({ ...plan, createdAt: new Date().toISOString() })
      .onConflictDoUpdate({ target: plans.id, set: { name: plan.name, features: plan.features } });
  }

  async takenHostnames(names: string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const rows = await this.#db
      .select({ hostname: hostnames.hostname })
      .from(hostnames)
      .where(inArray(hostnames.hostname, names));
    return rows.map((row) => row.hostname);
  }

  async createTenant(tenant: TenantRecord, names: string[]): Promise<void> {
    const createdAt = new Date().toISOString();
    const insertTenant = this.#db.insert(tenants).values({ ...tenant, createdAt });
    const insertHostnames = names.map((hostname) =>
      this.#db.insert(hostnames).values({ hostname, tenantId: tenant.id, createdAt }),
    );
    await this.#db.batch([insertTenant, ...insertHostnames]);
  }

  async updateTenant(id: string, changes: Pick<TenantRecord, "name" | "planId">): Promise<void> {
    await this.#db.update(tenants).set(changes).where(eq(tenants.id, id));
  }

  async setStatus(id: string, status: TenantStatus): Promise<void> {
    await this.#db.update(tenants).set({ status }).where(eq(tenants.id, id));
  }

  async addHostname(tenantId: string, hostname: string): Promise<boolean> {
    const rows = await this.#db
      .insert(hostnames)
      .values({ hostname, tenantId, createdAt: new Date().toISOString() })
      .onConflictDoNothing()
      .returning({ hostname: hostnames.hostname });
    return rows.length > 0;
  }

  async removeHostname(tenantId: string, hostname: string): Promise<boolean> {
    const rows = await this.#db
      .delete(hostnames)
      .where(and(eq(hostnames.tenantId, tenantId), eq(hostnames.hostname, hostname)))
      .returning({ hostname: hostnames.hostname });
    return rows.length > 0;
  }
}
