import type { FeatureKey } from "../tenants/features.ts";
import type { Tenant } from "../tenants/tenant.ts";
import type { Account } from "./accounts.ts";
import { hasPermission, type OrganisationRole, type Permission } from "./permissions.ts";
import type { SessionRecord } from "./sessions.ts";

/**
 * The steps a signed-in person goes through before the portal opens, in this order: replace a
 * temporary password, set up a second factor where the tenant requires one for the role, and
 * (for a member of several client organisations) choose the organisation to act for.
 */
export const accessSteps = ["password-change", "second-factor", "organisation-choice"] as const;
export type AccessStep = (typeof accessSteps)[number];

/**
 * What a page or an API operation needs, declared once beside it: the permission, the tenant's
 * feature of its capability, and, for the few that help a person through the steps above, the
 * first step from which it is already open (the new-password page opens during every step, the
 * second-factor pages from that step on, one's own account pages at the organisation choice).
 */
export type Access = {
  permission: Permission;
  feature?: FeatureKey;
  opensAt?: AccessStep;
};

/** Who asks, as far as access goes: the tenant's host and, when signed in, the person. */
export type AccessSubject = {
  tenant: Pick<Tenant, "features" | "settings">;
  person: {
    account: Pick<Account, "role" | "mustChangePassword">;
    session: Pick<SessionRecord, "strength">;
    /** The organisation role the session acts with, or "unchosen" while a choice is due. */
    organisation: OrganisationRole | null | "unchosen";
  } | null;
};

export type AccessRefusal = "signed-out" | AccessStep | "permission" | "feature";
export type AccessVerdict = { ok: true } | { ok: false; refusal: AccessRefusal };

const stepIsOpen = (step: AccessStep, opensAt: AccessStep | undefined) =>
  opensAt !== undefined && accessSteps.indexOf(opensAt) <= accessSteps.indexOf(step);

/**
 * The one check of every page and API operation: the sign-in, the steps a person must finish
 * first, the permission, and last the feature (a tenant without it has no such page or operation,
 * which only someone who could otherwise use it learns).
 */
export function checkAccess({ tenant, person }: AccessSubject, access: Access): AccessVerdict {
  const refuse = (refusal: AccessRefusal): AccessVerdict => ({ ok: false, refusal });
  if (!person) return refuse("signed-out");
  const { account, session, organisation } = person;
  if (account.mustChangePassword && !stepIsOpen("password-change", access.opensAt)) {
    return refuse("password-change");
  }
  const needsSecondFactor = tenant.settings.secondFactor.required.includes(account.role);
  if (needsSecondFactor && session.strength !== "two-step" && !stepIsOpen("second-factor", access.opensAt)) {
    return refuse("second-factor");
  }
  if (organisation === "unchosen" && !stepIsOpen("organisation-choice", access.opensAt)) {
    return refuse("organisation-choice");
  }
  const organisationRole = organisation === "unchosen" ? null : organisation;
  if (!hasPermission(account.role, access.permission, organisationRole)) return refuse("permission");
  if (access.feature && !tenant.features.includes(access.feature)) return refuse("feature");
  return { ok: true };
}
