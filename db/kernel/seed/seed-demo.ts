import { inArray, sql } from "drizzle-orm";
import { hashPassword } from "../../../core/kernel/auth/password-hash.ts";
import { newId } from "../../../core/kernel/ids.ts";
import { standardPlans } from "../../../core/kernel/tenants/plans.ts";
import { provisionTenant, type ProvisionContext } from "../../../core/kernel/tenants/provision.ts";
import { ensureOperatorTenant, operatorTenantSettings } from "../../../core/kernel/tenants/operator.ts";
import { defaultTenantSettings } from "../../../core/kernel/tenants/settings.ts";
import type { TenantRecord } from "../../../core/kernel/tenants/tenant.ts";
import { careTeamRow } from "../care-team-store.ts";
import { D1OrganisationStore } from "../organisation-store.ts";
import { careTeamMembers, users } from "../schema.ts";
import type { TenantScope } from "../scope.ts";
import { demoSeeders, demoSettings } from "../../capabilities.ts";
import {
  demoOperator,
  demoPassword,
  demoSecondFactor,
  demoTenants,
  type DemoTenant,
  type DemoUser,
} from "./demo-tenants.ts";

export type SeedContext = ProvisionContext & {
  scopeIn(cell: string, tenantId: string): TenantScope;
  uploads: Pick<R2Bucket, "put">;
};

function logoSvg(demo: DemoTenant): string {
  const colour = demo.settings.primaryColour ?? defaultTenantSettings.primaryColour;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img"><rect width="64" height="64" rx="14" fill="${colour}"/><text x="32" y="41" font-family="Arial, sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${demo.logo.initials}</text></svg>`;
}

/** Creates the demo tenant, or brings an existing one back to the demo state: safe to run again. */
async function ensureTenant(demo: DemoTenant, context: SeedContext): Promise<TenantRecord> {
  const existing = await context.control.tenantBySlug(demo.slug);
  if (existing) {
    await context.control.updateTenant(existing.id, { name: demo.name, planId: demo.planId });
    await context.control.setStatus(existing.id, "active");
    return { ...existing, status: "active" };
  }
  const result = await provisionTenant(
    { slug: demo.slug, name: demo.name, cell: demo.cell, planId: demo.planId, hostnames: demo.hostnames },
    context,
  );
  if (!result.ok) throw new Error(`Demo tenant ${demo.slug}: ${JSON.stringify(result.errors)}`);
  return result.tenant;
}

/** The demo accounts, created or brought back to the demo state (name, role, password). */
async function upsertUsers(scope: TenantScope, demoUsers: DemoUser[], passwordHash: string): Promise<void> {
  const createdAt = new Date().toISOString();
  const rows = demoUsers.map((user) => ({
    id: newId("user"),
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    language: user.language ?? "nl",
    timeZone: user.timeZone ?? "Europe/Amsterdam",
    status: "active" as const,
    passwordHash,
    mustChangePassword: user.mustChangePassword ?? false,
    createdAt,
  }));
  await scope.insert(users, rows).onConflictDoUpdate({
    target: [users.tenantId, users.email],
    set: {
      displayName: sql`excluded.display_name`,
      role: sql`excluded.role`,
      status: sql`excluded.status`,
      passwordHash: sql`excluded.password_hash`,
      mustChangePassword: sql`excluded.must_change_password`,
    },
  });
}

/** The operator tenant with the demo operator; like the demo tenants, without a required second factor. */
async function seedOperator(context: SeedContext, passwordHash: string): Promise<TenantRecord> {
  const tenant = await ensureOperatorTenant(context);
  await context.settingsIn(tenant.cell).write(tenant.id, {
    ...defaultTenantSettings,
    ...operatorTenantSettings,
    secondFactor: demoSecondFactor,
  });
  await upsertUsers(context.scopeIn(tenant.cell, tenant.id), [demoOperator], passwordHash);
  return tenant;
}

export async function seedDemo(context: SeedContext): Promise<TenantRecord[]> {
  for (const plan of standardPlans) await context.control.savePlan(plan);
  // One hash for all demo accounts: they share the demo password, and hashing is slow on purpose.
  const passwordHash = await hashPassword(demoPassword);
  const seeded: TenantRecord[] = [];
  for (const demo of demoTenants) {
    const tenant = await ensureTenant(demo, context);
    const logoKey = `tenants/${tenant.id}/brand/logo.svg`;
    await context.uploads.put(logoKey, logoSvg(demo), { httpMetadata: { contentType: "image/svg+xml" } });
    await context.settingsIn(tenant.cell).write(tenant.id, {
      ...defaultTenantSettings,
      secondFactor: demoSecondFactor,
      ...demo.settings,
      ...Object.assign({}, ...demoSettings.map((settingsOf) => settingsOf(demo.slug))),
      logoKey,
    });
    const scope = context.scopeIn(tenant.cell, tenant.id);
    await upsertUsers(scope, demo.users, passwordHash);
    await seedClientRelations(demo, scope);
    for (const seed of demoSeeders) await seed(demo, scope, context.uploads);
    seeded.push(tenant);
  }
  seeded.push(await seedOperator(context, passwordHash));
  return seeded;
}

/** Care teams and client organisations of the demo tenant, by address; kept as they are when present. */
async function seedClientRelations(demo: DemoTenant, scope: TenantScope): Promise<void> {
  const people = await scope.list(users, {
    where: inArray(
      users.email,
      demo.users.map((user) => user.email),
    ),
  });
  const idOf = (email: string) => {
    const id = people.find((person) => person.email === email)?.id;
    if (!id) throw new Error(`Demo tenant ${demo.slug}: no account ${email}`);
    return id;
  };
  const now = new Date();
  const teamRows = Object.entries(demo.careTeams).flatMap(([client, staff]) =>
    staff.map((coach) => careTeamRow(idOf(client), idOf(coach), now)),
  );
  if (teamRows.length) await scope.insert(careTeamMembers, teamRows).onConflictDoNothing();
  const organisations = new D1OrganisationStore(scope);
  for (const { name, members } of demo.organisations ?? []) {
    const existing = await organisations.findByName(name);
    const id = existing?.id ?? newId("organisation");
    if (!existing) await organisations.create({ id, name, createdAt: now.toISOString() });
    for (const [email, role] of Object.entries(members))
      await organisations.place(id, idOf(email), role, now);
  }
}
