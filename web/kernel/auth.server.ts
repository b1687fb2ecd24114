import { data, redirect, type AppLoadContext } from "@remix-run/cloudflare";
import type { RequestOrigin } from "../../core/kernel/audit/audit.ts";
import { checkAccess, type Access, type AccessRefusal } from "../../core/kernel/auth/access.ts";
import { activeMembership } from "../../core/kernel/organisations/organisations.ts";
import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import type { RelyingParty } from "../../core/kernel/auth/passkeys.ts";

/** A page of a tenant needs the tenant: on any other host it does not exist. */
export function requireTenant(context: AppLoadContext): Tenant {
  if (context.site.kind !== "tenant") throw data(null, { status: 404 });
  return context.site.tenant;
}

/** Where a member of several client organisations chooses the one they act for. */
const chooseOrganisationPath = "/organisation/choose";

/** The path and query of this request, to come back to after a detour (sign-in, a choice). */
const returnToOf = (request: Request) => {
  const url = new URL(request.url);
  return url.pathname === "/" ? "" : `?returnTo=${encodeURIComponent(url.pathname + url.search)}`;
};

/** Where a page sends a person it refuses, or the status it answers instead. */
const refusalResponse = (refusal: AccessRefusal, request: Request) => {
  switch (refusal) {
    case "feature":
      return data(null, { status: 404 });
    case "signed-out":
      return redirect(`/login${returnToOf(request)}`);
    case "password-change":
      return redirect("/account/password");
    case "second-factor":
      return redirect("/account/two-step");
    case "organisation-choice":
      return redirect(`${chooseOrganisationPath}${returnToOf(request)}`);
    case "permission":
      return data(null, { status: 403 });
  }
};

/**
 * The guard every loader and action behind the sign-in starts with, given the access its route
 * module declares (`export const access = { ... } satisfies Access`). It returns the signed-in
 * person with the client organisation the session acts for.
 */
export function guard({ context, request }: { context: AppLoadContext; request: Request }, access: Access) {
  const tenant = requireTenant(context);
  const auth = context.auth;
  const organisation = auth ? activeMembership(auth.memberships, auth.session.organisationId) : null;
  const person = auth && {
    account: auth.account,
    session: auth.session,
    // A member of a client organisation acts for one of them; until they have chosen, that is
    // the one thing they do.
    organisation:
      auth.memberships.length > 0 && !organisation ? ("unchosen" as const) : (organisation?.role ?? null),
  };
  const verdict = checkAccess({ tenant, person }, access);
  if (!verdict.ok) throw refusalResponse(verdict.refusal, request);
  const { account, session, memberships } = auth!;
  return { tenant, account, session, memberships, organisation };
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
