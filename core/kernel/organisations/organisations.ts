import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import type { Account } from "../auth/accounts.ts";
import type { OrganisationRole } from "../auth/permissions.ts";
import { confirmPassword, type ReauthDeps } from "../auth/reauth.ts";
import type { SessionStore } from "../auth/sessions.ts";
import { newId } from "../ids.ts";

/**
 * Client organisations: a practice or a company is the client, and its people sign in as its
 * members with a role there (admin, member+, member). A person may belong to several and acts
 * for one at a time, chosen after signing in and switched from the menu.
 */

export type Organisation = { id: string; name: string; createdAt: string };

/** A person's place in an organisation, as the session and the menu need it. */
export type Membership = { organisationId: string; organisationName: string; role: OrganisationRole };

/** A member as the organisation's own pages show them. */
export type Member = {
  userId: string;
  displayName: string;
  email: string;
  status: "invited" | "active" | "disabled";
  role: OrganisationRole;
};

/** Where a newly invited client is placed: an organisation with a role, and their care team. */
export type Placement = {
  organisation: { id: string; role: OrganisationRole } | null;
  coachIds: string[];
};

export const noPlacement: Placement = { organisation: null, coachIds: [] };

/** The tenant's client organisations; implemented in db/ over the tenant's cell. */
export interface OrganisationStore {
  membershipsOf(userId: string): Promise<Membership[]>;
  list(): Promise<Organisation[]>;
  find(id: string): Promise<Organisation | null>;
  /** Organisation names compare without case: two organisations never share one. */
  findByName(name: string): Promise<Organisation | null>;
  create(organisation: Organisation): Promise<void>;
  membersOf(organisationId: string): Promise<Member[]>;
  /** Every organisation's members at once, for the admin's overview. */
  allMembers(): Promise<(Member & { organisationId: string })[]>;
  /** Adds the person or, when they are in already, sets their role. */
  place(organisationId: string, userId: string, role: OrganisationRole, now: Date): Promise<void>;
  remove(organisationId: string, userId: string): Promise<void>;
}

export type OrganisationDeps = {
  organisations: OrganisationStore;
  audit: AuditLog;
  now(): Date;
};

/** The membership a session acts for, if it is still one of the person's. */
export function activeMembership(
  memberships: readonly Membership[],
  organisationId: string | null,
): Membership | null {
  return memberships.find((each) => each.organisationId === organisationId) ?? null;
}

/**
 * Makes the session act for one of the person's organisations. Anything else (another person's
 * organisation, another tenant's) is refused as unknown.
 */
export async function chooseOrganisation(
  sessions: Pick<SessionStore, "setOrganisation">,
  memberships: readonly Membership[],
  sessionId: string,
  organisationId: string,
): Promise<Membership | null> {
  const chosen = activeMembership(memberships, organisationId);
  if (chosen) await sessions.setOrganisation(sessionId, chosen.organisationId);
  return chosen;
}

export type NameCheck = { ok: true; name: string } | { ok: false; reason: "nameMissing" | "nameTaken" };

export async function createOrganisation(
  deps: OrganisationDeps,
  name: string,
  actorId: string,
  origin: RequestOrigin,
): Promise<NameCheck & { id?: string }> {
  const trimmed = name.trim().replace(/\s+/g, " ").slice(0, 120);
  if (trimmed.length < 2) return { ok: false, reason: "nameMissing" };
  if (await deps.organisations.findByName(trimmed)) return { ok: false, reason: "nameTaken" };
  const now = deps.now();
  const id = newId("organisation", now.getTime());
  await deps.organisations.create({ id, name: trimmed, createdAt: now.toISOString() });
  await deps.audit.record({
    action: "organisations.create",
    result: "success",
    actorUserId: actorId,
    targetType: "organisation",
    targetId: id,
    ...origin,
  });
  return { ok: true, name: trimmed, id };
}

export type MemberChange =
  { ok: true } | { ok: false; reason: "notFound" | "self" | "lastAdmin" | "passwordWrong" | "throttled" };

/**
 * Sets a colleague's role in the organisation, or removes them from it (`role: null`), confirmed
 * with the acting admin's own password. Nobody changes their own place, so an organisation always
 * keeps an admin (the one acting) and nobody locks themselves out by a slip.
 */
export async function changeMember(
  deps: OrganisationDeps & ReauthDeps,
  admin: Account,
  change: { organisationId: string; userId: string; role: OrganisationRole | null },
  password: string,
  origin: RequestOrigin,
): Promise<MemberChange> {
  if (change.userId === admin.id) return { ok: false, reason: "self" };
  const members = await deps.organisations.membersOf(change.organisationId);
  const target = members.find((member) => member.userId === change.userId);
  if (!target) return { ok: false, reason: "notFound" };
  const action = change.role ? "organisations.member.role" : "organisations.member.remove";
  const confirmed = await confirmPassword(deps, admin, password, origin, {
    action,
    targetType: "user",
    targetId: target.userId,
  });
  if (confirmed !== "ok") return { ok: false, reason: confirmed === "wrong" ? "passwordWrong" : "throttled" };
  if (change.role)
    await deps.organisations.place(change.organisationId, target.userId, change.role, deps.now());
  else await deps.organisations.remove(change.organisationId, target.userId);
  await deps.audit.record({
    action,
    result: "success",
    actorUserId: admin.id,
    clientUserId: target.userId,
    targetType: "organisation",
    targetId: change.organisationId,
    ...origin,
    detail: change.role ? { from: target.role, to: change.role } : { from: target.role },
  });
  return { ok: true };
}

export type Addition = { ok: true } | { ok: false; reason: "notFound" | "notClient" };

/** A tenant admin places an existing client (found by address) in an organisation, or sets their role there. */
export async function addMember(
  deps: OrganisationDeps,
  adminId: string,
  organisationId: string,
  person: Pick<Account, "id" | "role"> | null,
  role: OrganisationRole,
  origin: RequestOrigin,
): Promise<Addition> {
  if (!(await deps.organisations.find(organisationId))) return { ok: false, reason: "notFound" };
  if (!person) return { ok: false, reason: "notFound" };
  if (person.role !== "client") return { ok: false, reason: "notClient" };
  await deps.organisations.place(organisationId, person.id, role, deps.now());
  await deps.audit.record({
    action: "organisations.member.add",
    result: "success",
    actorUserId: adminId,
    clientUserId: person.id,
    targetType: "organisation",
    targetId: organisationId,
    ...origin,
    detail: { role },
  });
  return { ok: true };
}
