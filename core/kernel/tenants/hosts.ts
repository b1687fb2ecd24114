/**
 * What a request's Host header points at. Tenants live on `<slug>.<platform domain>` or on a
 * custom domain mapped to them; the bare platform domain (and www) is Portaal's public page.
 * Locally the platform domain is `localhost`, so `coaching.localhost:8787` is a tenant.
 */
export type HostTarget =
  | { kind: "platform" }
  | { kind: "subdomain"; slug: string }
  | { kind: "custom"; hostname: string }
  | { kind: "invalid" };

export const slugPattern = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/** Subdomains that never belong to a tenant. */
export const reservedSlugs = new Set([
  "www",
  "api",
  "app",
  "admin",
  "assets",
  "static",
  "mail",
  "status",
  "portaal",
]);

/**
 * The subdomain of the operator tenant (core/kernel/tenants/operator.ts, ADR 0010): a real tenant host,
 * so not in the list above, but no customer can be provisioned with it.
 */
export const operatorTenantSlug = "beheer";

const hostnamePattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function normaliseHost(host: string): string {
  const withoutPort = host.trim().toLowerCase().replace(/:\d+$/, "");
  return withoutPort.endsWith(".") ? withoutPort.slice(0, -1) : withoutPort;
}

export function isValidHostname(hostname: string): boolean {
  return hostnamePattern.test(hostname);
}

export function classifyHost(host: string | null | undefined, platformDomain: string): HostTarget {
  if (!host) return { kind: "invalid" };
  const name = normaliseHost(host);
  const platform = normaliseHost(platformDomain);
  if (name === platform || name === `www.${platform}`) return { kind: "platform" };
  if (name.endsWith(`.${platform}`)) {
    const slug = name.slice(0, -platform.length - 1);
    return slugPattern.test(slug) && !reservedSlugs.has(slug)
      ? { kind: "subdomain", slug }
      : { kind: "invalid" };
  }
  return isValidHostname(name) ? { kind: "custom", hostname: name } : { kind: "invalid" };
}

/** A tenant's own subdomain as an origin, next to the platform's (`http://coaching.localhost:8787`). */
export function subdomainOrigin(slug: string, platformOrigin: string): string {
  const platform = new URL(platformOrigin);
  return `${platform.protocol}//${slug}.${platform.host}`;
}
