import { data, type AppLoadContext } from "@remix-run/cloudflare";
import type { Acting, OperatorDeps } from "../../core/kernel/tenants/operations.ts";
import { isOperatorTenant } from "../../core/kernel/tenants/operator.ts";
import type { ProvisionError } from "../../core/kernel/tenants/provision.ts";
import { guard, originOf } from "../kernel/auth.server.ts";

/**
 * The guard of every console page: the console exists only on the operator tenant's host (404
 * anywhere else, before anything about the visitor is looked at), and there it asks its
 * permission like every page.
 */
export function requireOperator(
  context: AppLoadContext,
  request: Request,
): ReturnType<typeof guard> & { deps: OperatorDeps; acting: Acting } {
  if (context.site.kind !== "tenant" || !isOperatorTenant(context.site.tenant)) {
    throw data(null, { status: 404 });
  }
  const user = guard({ context, request }, { permission: "platform:manage-tenants" });
  return {
    ...user,
    deps: context.services.operationsFor(user.tenant),
    acting: { operator: user.account, origin: originOf(request) },
  };
}

/** A refusal as the page translates it: `operator.errors.<code>` with its values. */
export const messageOf = (error: ProvisionError) => ({
  key: `operator.errors.${error.code}`,
  values: error.values ?? {},
});
