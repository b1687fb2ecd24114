import type { AuditAction, AuditLog, RequestOrigin } from "../audit/audit.ts";
import { invite, type InviteDeps } from "../auth/invitations.ts";
import type { Language } from "./languages.ts";
import { normaliseHost } from "./hosts.ts";
import { isOperatorTenant } from "./operator.ts";
import {
  hostnameProblem,
  hostnameSchema,
  maxHostnames,
  provisionTenant,
  type ProvisionContext,
  type ProvisionError,
  type ProvisionResult,
} from "./provision.ts";
import { loadTenant, type Tenant, type TenantRecord, type TenantStatus } from "./tenant.ts";

/**
 * What an operator does to customer tenants from the console: create one with its first admin,
 * change its plan, suspend or reactivate it, add or remove a custom domain. Every change is a
 * line in the operator tenant's audit log. The operator tenant itself is not among the tenants
 * these functions find: nobody suspends or re-plans the console from the console.
 */
export type OperatorDeps = ProvisionContext & {
  /** The operator tenant's audit log. */
  audit: AuditLog;
  /** Inviting people into a tenant: that tenant's store, mail and audit log. */
  invitationsFor(tenant: Tenant): InviteDeps;
  /** Resolved hosts this isolate keeps for a short while (worker/kernel/middleware/site.ts): look them up again. */
  forgetHosts(hosts: string[]): void;
};

/** Who acts, and from where. */
export type Acting = { operator: { id: string; timeZone: string }; origin: RequestOrigin };

export type OperationResult =
  { ok: true } | { ok: false; reason: "notFound" } | { ok: false; reason: "refused"; error: ProvisionError };

export type NewTenant = {
  slug: string;
  name: string;
  cell: string;
  planId: string;
  hostnames: string[];
  language: Language;
  firstAdmin: { email: string; displayName: string };
};

function record(
  deps: OperatorDeps,
  acting: Acting,
  action: AuditAction,
  tenant: TenantRecord,
  detail: Record<string, string>,
) {
  return deps.audit.record({
    action,
    result: "success",
    actorUserId: acting.operator.id,
    targetType: "tenant",
    targetId: tenant.id,
    ...acting.origin,
    detail: { slug: tenant.slug, ...detail },
  });
}

/**
 * A new tenant, and its first admin invited by mail through the tenant's own invitation flow (the
 * mail comes from the tenant, the link opens on its host).
 */
export async function createTenant(
  deps: OperatorDeps,
  acting: Acting,
  input: NewTenant,
): Promise<ProvisionResult> {
  const { firstAdmin, language, ...fields } = input;
  const result = await provisionTenant({ ...fields, settings: { defaultLanguage: language } }, deps);
  if (!result.ok) return result;
  const tenant = await loadTenant(result.tenant, deps);
  if (!tenant) throw new Error(`Tenant ${result.tenant.id} has no plan ${result.tenant.planId}`);
  const invited = await invite(deps.invitationsFor(tenant), {
    ...firstAdmin,
    role: "admin",
    language,
    timeZone: acting.operator.timeZone,
    invitedBy: acting.operator.id,
    origin: acting.origin,
  });
  // A tenant made a moment ago has nobody yet, so no address can be taken.
  if (!invited.ok) throw new Error(`The first admin of ${tenant.slug} could not be invited`);
  await record(deps, acting, "platform.tenants.create", tenant, {
    name: tenant.name,
    plan: tenant.planId,
    cell: tenant.cell,
    hostnames: result.hostnames.join(", "),
    firstAdmin: firstAdmin.email,
  });
  return result;
}

/** A customer tenant by slug; the operator tenant is not one. */
export async function customerTenant(deps: ProvisionContext, slug: string): Promise<TenantRecord | null> {
  const tenant = await deps.control.tenantBySlug(slug);
  return tenant && !isOperatorTenant(tenant) ? tenant : null;
}

/** Every host a tenant answers on, as the site cache knows them. */
async function hostsOf(deps: OperatorDeps, tenant: TenantRecord): Promise<string[]> {
  return [
    `${tenant.slug}.${normaliseHost(deps.platformDomain)}`,
    ...(await deps.control.hostnamesOf(tenant.id)),
  ];
}

export async function changePlan(
  deps: OperatorDeps,
  acting: Acting,
  slug: string,
  planId: string,
): Promise<OperationResult> {
  const tenant = await customerTenant(deps, slug);
  if (!tenant) return { ok: false, reason: "notFound" };
  const plan = await deps.control.plan(planId);
  if (!plan) return { ok: false, reason: "refused", error: { code: "planUnknown" } };
  if (plan.id === tenant.planId) return { ok: true };
  await deps.control.updateTenant(tenant.id, { name: tenant.name, planId: plan.id });
  deps.forgetHosts(await hostsOf(deps, tenant));
  await record(deps, acting, "platform.tenants.plan.change", tenant, { from: tenant.planId, to: plan.id });
  return { ok: true };
}

/**
 * Suspends or reactivates a tenant. A suspended tenant's hosts answer like hosts nobody has
 * (core/kernel/tenants/resolve.ts): no page, no sign-in, no API, no session is honoured.
 */
export async function setTenantStatus(
  deps: OperatorDeps,
  acting: Acting,
  slug: string,
  status: TenantStatus,
): Promise<OperationResult> {
  const tenant = await customerTenant(deps, slug);
  if (!tenant) return { ok: false, reason: "notFound" };
  if (tenant.status === status) return { ok: true };
  await deps.control.setStatus(tenant.id, status);
  deps.forgetHosts(await hostsOf(deps, tenant));
  const action = status === "suspended" ? "platform.tenants.suspend" : "platform.tenants.reactivate";
  await record(deps, acting, action, tenant, {});
  return { ok: true };
}

export async function addHostname(
  deps: OperatorDeps,
  acting: Acting,
  slug: string,
  typed: string,
): Promise<OperationResult> {
  const tenant = await customerTenant(deps, slug);
  if (!tenant) return { ok: false, reason: "notFound" };
  const parsed = hostnameSchema.safeParse(typed);
  if (!parsed.success) return { ok: false, reason: "refused", error: { code: "hostnameInvalid" } };
  const hostname = parsed.data;
  if ((await deps.control.hostnamesOf(tenant.id)).length >= maxHostnames) {
    return { ok: false, reason: "refused", error: { code: "hostnamesTooMany" } };
  }
  const problem = await hostnameProblem([hostname], tenant.slug, deps);
  if (problem) return { ok: false, reason: "refused", error: problem };
  // Unique in the control plane: of two operators adding the same name at once, one gets it.
  if (!(await deps.control.addHostname(tenant.id, hostname))) {
    return {
      ok: false,
      reason: "refused",
      error: { code: "hostnameTaken", values: { hostnames: hostname } },
    };
  }
  await record(deps, acting, "platform.tenants.hostname.add", tenant, { hostname });
  return { ok: true };
}

export async function removeHostname(
  deps: OperatorDeps,
  acting: Acting,
  slug: string,
  hostname: string,
): Promise<OperationResult> {
  const tenant = await customerTenant(deps, slug);
  if (!tenant || !(await deps.control.removeHostname(tenant.id, hostname))) {
    return { ok: false, reason: "notFound" };
  }
  deps.forgetHosts([hostname]);
  await record(deps, acting, "platform.tenants.hostname.remove", tenant, { hostname });
  return { ok: true };
}
