import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { chooseLanguage, defaultLanguage } from "../../../core/kernel/tenants/languages.ts";
import { normaliseHost } from "../../../core/kernel/tenants/hosts.ts";
import { resolveSite, type Site } from "../../../core/kernel/tenants/resolve.ts";
import type { AppEnv } from "../../context.ts";
import { languageCookie } from "../../../web/kernel/cookies.ts";

/**
 * Host -> tenant, once per request. Resolved tenants are kept in the isolate for a short while
 * so a busy tenant costs no control-plane read per request; unknown hosts are not kept, so a
 * tenant provisioned a moment ago is reachable at once.
 */
const cacheMillis = 30_000;
const cacheLimit = 1_000;
const cache = new Map<string, { site: Site; until: number }>();

function remember(host: string, site: Site, now: number): void {
  // Oldest entries go first once the isolate holds many hosts, so the map cannot grow unbounded.
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  cache.set(host, { site, until: now + cacheMillis });
}

/**
 * After an operator's change (suspension, plan, a removed hostname) this isolate looks the hosts
 * up again at once; other isolates follow within `cacheMillis`.
 */
export function forgetHosts(hosts: string[]): void {
  for (const host of hosts) cache.delete(normaliseHost(host));
}

/** Every host at once, for when the whole control plane is replaced (a test file's fresh store). */
export function forgetAllHosts(): void {
  cache.clear();
}

export const siteMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const services = c.get("services");
  const host = normaliseHost(c.req.header("host") ?? new URL(c.req.url).host);
  const now = Date.now();
  const cached = cache.get(host);
  let site: Site;
  if (cached && cached.until > now) {
    site = cached.site;
  } else {
    site = await resolveSite(host, services.config.PLATFORM_DOMAIN, services);
    cache.delete(host);
    if (site.kind !== "unknown") remember(host, site, now);
  }
  c.set("site", site);
  const tenantDefault = site.kind === "tenant" ? site.tenant.settings.defaultLanguage : defaultLanguage;
  c.set("language", chooseLanguage(getCookie(c, languageCookie.name), tenantDefault));
  await next();
});
