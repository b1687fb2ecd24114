import { data, redirect, type AppLoadContext } from "@remix-run/cloudflare";
import type { RequestOrigin } from "../../core/kernel/audit/audit.ts";
import { hasPermission, type Permission } from "../../core/kernel/auth/permissions.ts";
import { activeMembership } from "../../core/kernel/organisations/organisations.ts";
import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import type { RelyingParty } from "../../core/kernel/auth/passkeys.ts";

/**
 * The guards every loader and action starts with. A page of a tenant needs the tenant; a page
 * behind the login needs a signed-in person; an action needs the permission it exercises.
 */
export function requireTenant(context: AppLoadContext): Tenant {
  if (context.site.kind !== "tenant") throw data(null, { status: 404 });
  return context.site.tenant;
}

/** The pages a person who must still set up a second factor may open. */
const secondFactorSetupPaths = ["/account/two-step", "/account/passkeys", "/account/password"];

/** Where a member of several client organisations chooses the one they act for. */
export const chooseOrganisationPath = "/organisation/choose";

/** The path and query of this request, to come back to after a detour (sign-in, a choice). */
const returnToOf = (request: Request) => {
  const url = new URL(request.url);
  return url.pathname === "/" ? "" : `?returnTo=${encodeURIComponent(url.pathname + url.search)}`;
};

export function requireUser(context: AppLoadContext, request: Request) {
  const tenant = requireTenant(context);
  if (!context.auth) throw redirect(`/login${returnToOf(request)}`);
  const { account, session, memberships } = context.auth;
  const path = new URL(request.url).pathname;
  // A temporary password (letter flow) must be replaced before anything else.
  if (account.mustChangePassword && path !== "/account/password") {
    throw redirect("/account/password");
  }
  // Where the tenant requires a second factor for this role, a password-only session can do one
  // thing: set one up.
  const needsSecondFactor = tenant.settings.secondFactor.required.includes(account.role);
  if (needsSecondFactor && session.strength !== "two-step" && !secondFactorSetupPaths.includes(path)) {
    throw redirect("/account/two-step");
  }
  // A member of a client organisation acts for one of them; until they have chosen, that is the
  // one thing they do (their own account's pages stay open).
  const organisation = activeMembership(memberships, session.organisationId);
  const choosing = path === chooseOrganisationPath || path.startsWith("/account");
  if (memberships.length > 0 && !organisation && !choosing) {
    throw redirect(`${chooseOrganisationPath}${returnToOf(request)}`);
  }
  return { tenant, account, session, memberships, organisation };
}

export function requirePermission(context: AppLoadContext, request: Request, permission: Permission) {
  const user = requireUser(context, request);
  if (!hasPermission(user.account.role, permission, user.organisation?.role ?? null)) {
    throw data(null, { status: 403 });
  }
  return user;
}

/** Where the request came from, for the audit log: the client address Cloudflare saw, and the browser. */
export function originOf(request: Request): RequestOrigin {
  return { ipAddress: request.headers.get("cf-connecting-ip"), userAgent: request.headers.get("user-agent") };
}

/** The WebAuthn relying party of this request: the tenant's host name, as the browser sees it. */
export function relyingPartyOf(request: Request, tenant: Tenant): RelyingParty {
  const url = new URL(request.url);
  return { id: url.hostname, name: tenant.name, origin: url.origin };
}
