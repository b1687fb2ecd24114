import { roles, type Role } from "../auth/permissions.ts";
import { featureKeys } from "./features.ts";
import { operatorTenantSlug } from "./hosts.ts";
import { provisionTenant, type ProvisionContext } from "./provision.ts";
import type { TenantSettings } from "./settings.ts";
import type { TenantRecord } from "./tenant.ts";

/**
 * Portaal's operators are the accounts of one internal tenant, reached only on
 * `beheer.<platform domain>` (ADR 0010). Signing in, second factors, sessions, rate limits and the
 * audit log are the ones every tenant has; what makes it special is its slug, which no customer
 * can get, and the `operator` role, which exists there and nowhere else.
 */
export { operatorTenantSlug };

export const isOperatorTenant = (tenant: Pick<TenantRecord, "slug">): boolean =>
  tenant.slug === operatorTenantSlug;

/** The roles of a customer tenant's people. */
export const customerRoles = roles.filter((role) => role !== "operator");

/**
 * The roles people of this tenant may be invited with or changed to: operators only in the
 * operator tenant, and nothing else there.
 */
export const rolesGrantableIn = (tenant: Pick<TenantRecord, "slug">): readonly Role[] =>
  isOperatorTenant(tenant) ? ["operator"] : customerRoles;

/** No portal features (the console is all there is), and operators sign in with a second factor. */
export const operatorTenantSettings: Partial<TenantSettings> = {
  features: Object.fromEntries(featureKeys.map((feature) => [feature, false])),
  secondFactor: { required: ["operator"] },
};

/** The operator tenant, created in the first cell on the first call (the plans must exist). */
export async function ensureOperatorTenant(context: ProvisionContext): Promise<TenantRecord> {
  const existing = await context.control.tenantBySlug(operatorTenantSlug);
  if (existing) return existing;
  const result = await provisionTenant(
    {
      slug: operatorTenantSlug,
      name: "Portaal beheer",
      cell: context.cells[0] ?? "",
      planId: "basis",
      settings: operatorTenantSettings,
    },
    context,
    { operatorTenant: true },
  );
  if (!result.ok) throw new Error(`The operator tenant cannot be created: ${JSON.stringify(result.errors)}`);
  return result.tenant;
}
