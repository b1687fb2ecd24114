import { classifyHost, operatorTenantSlug } from "./hosts.ts";
import { loadTenant, type Tenant, type TenantServices } from "./tenant.ts";

/** Who a request is for: Portaal itself, one tenant, or nobody (plain 404, no data). */
export type Site = { kind: "platform" } | { kind: "tenant"; tenant: Tenant } | { kind: "unknown" };

export async function resolveSite(
  host: string | null | undefined,
  platformDomain: string,
  services: TenantServices,
): Promise<Site> {
  const target = classifyHost(host, platformDomain);
  if (target.kind === "platform") return { kind: "platform" };
  if (target.kind === "invalid") return { kind: "unknown" };
  const record =
    target.kind === "subdomain"
      ? await services.control.tenantBySlug(target.slug)
      : await services.control.tenantByHostname(target.hostname);
  // A suspended tenant is indistinguishable from one that does not exist. The operator tenant is
  // reached on its own subdomain only, never through a custom domain (ADR 0010).
  if (!record || record.status !== "active") return { kind: "unknown" };
  if (target.kind === "custom" && record.slug === operatorTenantSlug) return { kind: "unknown" };
  const tenant = await loadTenant(record, services);
  return tenant ? { kind: "tenant", tenant } : { kind: "unknown" };
}
