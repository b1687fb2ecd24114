import type { AppLoadContext } from "@remix-run/cloudflare";
import type { Account } from "../../core/kernel/auth/accounts.ts";
import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import { webCapabilities } from "../capabilities.ts";

/**
 * What is open for the signed-in person, per capability of the tenant (by its folder): what the
 * start page's tiles and sections show. Only capabilities whose feature the tenant has are asked.
 */
export async function homeSummary(
  context: AppLoadContext,
  tenant: Tenant,
  account: Account,
  when: Intl.DateTimeFormat,
) {
  const parts = webCapabilities.filter(
    (part) => part.home && part.feature && tenant.features.includes(part.feature),
  );
  const loaded = await Promise.all(
    parts.map(async (part) => [part.routes, await part.home?.load(context, tenant, account, when)] as const),
  );
  return Object.fromEntries(loaded.filter(([, summary]) => summary != null));
}
