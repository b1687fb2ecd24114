import type { AppLoadContext } from "@remix-run/cloudflare";
import type { Account } from "../../core/kernel/auth/accounts.ts";
import { clientSummary, staffSummary } from "../../core/assignments/summary.ts";
import { newDocumentsCount } from "../../core/documents/summary.ts";
import { goalSummary } from "../../core/goals/summary.ts";
import { correspondenceOf } from "../../core/messaging/summary.ts";
import type { Tenant } from "../../core/kernel/tenants/tenant.ts";

/**
 * What is open for the signed-in person, per part of the tenant: the counts on the start page's
 * tiles and "my correspondence". Counts and names only, never content; each part answers for
 * the features the tenant has.
 */
export async function homeSummary(context: AppLoadContext, tenant: Tenant, account: Account) {
  const has = (feature: Tenant["features"][number]) => tenant.features.includes(feature);
  const actor = { id: account.id, role: account.role };
  const client = account.role === "client";
  const { services } = context;
  const [messages, documents, assignments, awaitingReview, goals] = await Promise.all([
    has("messages") ? correspondenceOf(services.messagingFor(tenant), actor) : null,
    has("documents") && client
      ? newDocumentsCount(services.documentsFor(tenant).documents, { side: "client" }, account.id, new Date())
      : null,
    has("assignments") && client ? clientSummary(services.assignmentsFor(tenant), actor) : null,
    has("assignments") && !client ? staffSummary(services.assignmentsFor(tenant), actor) : null,
    has("goals") && client ? goalSummary(services.goalsFor(tenant).goals, account.id) : null,
  ]);
  return { messages, documents, assignments, awaitingReview, goals };
}

export type HomeSummary = Awaited<ReturnType<typeof homeSummary>>;
