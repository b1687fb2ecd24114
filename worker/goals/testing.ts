import { env } from "cloudflare:workers";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { careTeamMembers } from "../../db/kernel/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { addUser, createTenant, signIn } from "../kernel/testing/fixtures.ts";

export const password = "een lang en sterk wachtwoord";

/**
 * A tenant with goals for the goal tests: a client and a neighbour in the care team of `coach`,
 * a staff member and an admin outside it, and signed-in sessions of each, by name.
 */
export async function goalsTenant(
  slug: string,
  cell: string,
  options: { clientsMayEdit?: boolean; features?: ("goals" | "messages")[] } = {},
) {
  const data = platformData(env);
  const planId = `plan-${slug}`;
  await data.control.savePlan({ id: planId, name: slug, features: options.features ?? ["goals"] });
  const tenant: TenantRecord = await createTenant(slug, cell, {
    planId,
    settings: { secondFactor: { required: [] }, goals: { clientsMayEdit: options.clientsMayEdit ?? true } },
  });
  const host = `${slug}.localhost`;
  const people = {
    coach: await addUser(tenant, { email: `coach@${slug}.test`, role: "staff", password }),
    outsider: await addUser(tenant, { email: `outsider@${slug}.test`, role: "staff", password }),
    admin: await addUser(tenant, { email: `admin@${slug}.test`, role: "admin", password }),
    client: await addUser(tenant, { email: `client@${slug}.test`, password }),
    neighbour: await addUser(tenant, { email: `neighbour@${slug}.test`, password }),
    english: await addUser(tenant, { email: `english@${slug}.test`, password, language: "en" }),
  };
  const now = new Date().toISOString();
  await data.scopeIn(tenant.cell, tenant.id).insert(
    careTeamMembers,
    [people.client, people.neighbour, people.english].map((clientUserId) => ({
      id: `ctm_${crypto.randomUUID()}`,
      clientUserId,
      staffUserId: people.coach,
      createdAt: now,
    })),
  );
  const cookies = Object.fromEntries(
    await Promise.all(
      Object.keys(people).map(
        async (name) => [name, await signIn(host, `${name}@${slug}.test`, password)] as const,
      ),
    ),
  ) as Record<keyof typeof people, string>;
  return { tenant, host, people, cookies, scope: data.scopeIn(tenant.cell, tenant.id) };
}
