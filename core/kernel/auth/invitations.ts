import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import { newId } from "../ids.ts";
import type { NotifyRequest } from "../notifications/notify.ts";
import { noPlacement, type Placement } from "../organisations/organisations.ts";
import { hashSecret, newSecretToken, parseSecretToken, sameHash } from "../platform/secret-token.ts";
import type { Language } from "../tenants/languages.ts";
import { normaliseEmail } from "./accounts.ts";
import { checkNewPassword } from "./new-password.ts";
import { hashPassword } from "./password-hash.ts";
import type { PasswordPolicy, PasswordRule } from "./password-policy.ts";
import type { Role } from "./permissions.ts";
import { startSession, type SessionStore, type SessionTimeouts } from "./sessions.ts";

export type Invitation = {
  id: string;
  userId: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  remindersSent: number;
};

export type InvitedPerson = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  language: Language;
  timeZone: string;
};

export type InvitationState = "open" | "accepted" | "revoked" | "expired";

export interface InvitationStore {
  /** Who has this address already, if anyone, and whether they ever got in. */
  holderOf(email: string): Promise<{ id: string; status: "invited" | "active" | "disabled" } | null>;
  /** The invited person's user row (status "invited"), their placement and the invitation, atomically. */
  create(person: InvitedPerson, invitation: Invitation, placement: Placement): Promise<void>;
  /** A new invitation (and placement) for a person who was invited before and never got in. */
  reinvite(invitation: Invitation, placement: Placement): Promise<void>;
  find(id: string): Promise<{ invitation: Invitation; person: InvitedPerson } | null>;
  addLink(invitationId: string, secretHash: string, now: Date): Promise<void>;
  linkHashes(invitationId: string): Promise<string[]>;
  extend(invitationId: string, expiresAt: Date): Promise<void>;
  /** The person becomes active with this password; the invitation is closed and its links go. */
  accept(invitation: Invitation, passwordHash: string, now: Date): Promise<void>;
  revoke(invitation: Invitation, now: Date): Promise<void>;
  countReminder(invitationId: string): Promise<void>;
}

/** How long an invitation holds: long enough for both reminders (3 and 7 days) and a week more. */
export const invitationDays = 14;
const day = 24 * 60 * 60 * 1000;

export function stateOf(invitation: Invitation, now: Date): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return new Date(invitation.expiresAt) <= now ? "expired" : "open";
}

export type InviteRequest = {
  origin: RequestOrigin;
  email: string;
  displayName: string;
  role: Role;
  language: Language;
  timeZone: string;
  invitedBy: string;
  /** For a client: their organisation and care team, checked by the caller against the tenant's. */
  placement?: Placement;
};

export type InviteDeps = {
  invitations: InvitationStore;
  /** The roles this tenant's people may have (core/kernel/tenants/operator.ts rolesGrantableIn). */
  grantableRoles: readonly Role[];
  audit: AuditLog;
  notify(request: NotifyRequest): Promise<unknown>;
  now(): Date;
};

/**
 * Creates the invited person and mails them their link; an address in use is refused, and so is a
 * role this tenant does not have (the operator role anywhere but in the operator tenant).
 */
export async function invite(
  deps: InviteDeps,
  request: InviteRequest,
): Promise<{ ok: true; invitationId: string } | { ok: false; reason: "emailTaken" | "roleNotGrantable" }> {
  if (!deps.grantableRoles.includes(request.role)) return { ok: false, reason: "roleNotGrantable" };
  const email = normaliseEmail(request.email);
  // Someone invited before who never got in (withdrawn, expired) may be invited again.
  const holder = await deps.invitations.holderOf(email);
  if (holder && holder.status !== "invited") return { ok: false, reason: "emailTaken" };
  const now = deps.now();
  const { origin, placement, ...fields } = request;
  const person = { ...fields, email, id: holder?.id ?? newId("user", now.getTime()) };
  const invitation: Invitation = {
    id: newId("invitation", now.getTime()),
    userId: person.id,
    invitedBy: request.invitedBy,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + invitationDays * day).toISOString(),
    acceptedAt: null,
    revokedAt: null,
    remindersSent: 0,
  };
  // Only clients belong to organisations and have care teams.
  const clientPlacement = (request.role === "client" && placement) || noPlacement;
  if (holder) await deps.invitations.reinvite(invitation, clientPlacement);
  else await deps.invitations.create(person, invitation, clientPlacement);
  await deps.notify({
    kind: "invitation",
    recipients: [person.id],
    actorId: request.invitedBy,
    link: linkPath(invitation.id),
  });
  await deps.audit.record({
    action: "users.invite",
    result: "success",
    actorUserId: request.invitedBy,
    clientUserId: request.role === "client" ? person.id : null,
    targetType: "user",
    targetId: person.id,
    ...origin,
    detail: {
      role: request.role,
      ...(clientPlacement.organisation
        ? {
            organisation: clientPlacement.organisation.id,
            organisationRole: clientPlacement.organisation.role,
          }
        : {}),
      ...(clientPlacement.coachIds.length ? { coaches: clientPlacement.coachIds.join(",") } : {}),
    },
  });
  return { ok: true, invitationId: invitation.id };
}

/** The path a mail's link starts from; the secret is added when the mail is sent (issueLink). */
export const linkPath = (invitationId: string) => `/invitation/${invitationId}`;

/**
 * A fresh secret link for one mail, or null when the invitation is no longer open (the mail is
 * then not sent). Each mail has its own secret; any of them works until the invitation ends.
 */
export async function issueLink(
  store: InvitationStore,
  invitationId: string,
  now: Date,
): Promise<string | null> {
  const found = await store.find(invitationId);
  if (!found || stateOf(found.invitation, now) !== "open") return null;
  const { secret, token } = newSecretToken("invitation", invitationId);
  await store.addLink(invitationId, await hashSecret(secret), now);
  return `/invitation/${token}`;
}

/**
 * What a link leads to. Opening it changes nothing (mail scanners open links); only accepting
 * uses it. A forged secret is "invalid", as is an id of another tenant.
 */
export async function openInvitation(
  store: InvitationStore,
  token: string,
  now: Date,
): Promise<{ state: InvitationState | "invalid"; invitation?: Invitation; person?: InvitedPerson }> {
  const parsed = parseSecretToken(token);
  const found = parsed ? await store.find(parsed.id) : null;
  if (!parsed || !found) return { state: "invalid" };
  const state = stateOf(found.invitation, now);
  if (state !== "open") return { state };
  const hash = await hashSecret(parsed.secret);
  const known = (await store.linkHashes(parsed.id)).some((each) => sameHash(each, hash));
  return known ? { state, ...found } : { state: "invalid" };
}

/** Sends the invitation again with a new link and a new term. */
export async function resendInvitation(
  deps: InviteDeps,
  invitationId: string,
  actorId: string,
  origin: RequestOrigin,
): Promise<boolean> {
  const now = deps.now();
  const found = await deps.invitations.find(invitationId);
  if (!found || found.invitation.acceptedAt || found.invitation.revokedAt) return false;
  await deps.invitations.extend(invitationId, new Date(now.getTime() + invitationDays * day));
  await deps.notify({
    kind: "invitation",
    recipients: [found.person.id],
    actorId,
    link: linkPath(invitationId),
  });
  await deps.audit.record({
    action: "users.invite.resend",
    result: "success",
    actorUserId: actorId,
    targetType: "user",
    targetId: found.person.id,
    ...origin,
  });
  return true;
}

export async function revokeInvitation(
  deps: InviteDeps,
  invitationId: string,
  actorId: string,
  origin: RequestOrigin,
): Promise<boolean> {
  const found = await deps.invitations.find(invitationId);
  if (!found || stateOf(found.invitation, deps.now()) !== "open") return false;
  await deps.invitations.revoke(found.invitation, deps.now());
  await deps.audit.record({
    action: "users.invite.revoke",
    result: "success",
    actorUserId: actorId,
    targetType: "user",
    targetId: found.person.id,
    ...origin,
  });
  return true;
}

/** Which reminder (1 after 3 days, 2 after 7) an open invitation is due for now, if any. */
export function reminderDue(invitation: Invitation, now: Date): 1 | 2 | null {
  if (stateOf(invitation, now) !== "open") return null;
  const age = now.getTime() - new Date(invitation.createdAt).getTime();
  if (invitation.remindersSent === 0 && age >= 3 * day) return 1;
  if (invitation.remindersSent === 1 && age >= 7 * day) return 2;
  return null;
}

export type AcceptInput = { password: string; confirm: string; acceptTerms: boolean };

export type AcceptResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; state: InvitationState | "invalid" }
  | {
      ok: false;
      state: "open";
      errors: Partial<
        Record<"password" | "confirm" | "acceptTerms", "broken" | "mismatch" | "termsRequired">
      >;
      broken: PasswordRule[];
    };

export type AcceptDeps = {
  invitations: InvitationStore;
  sessions: SessionStore;
  timeouts: SessionTimeouts;
  audit: AuditLog;
  now(): Date;
};

/**
 * The invitee sets a password (the tenant's rules, not a common or personal one), accepts the
 * tenant's terms when it has any, and is signed in. The link is used up: all links of the
 * invitation are removed in the same write that activates the person.
 */
export async function acceptInvitation(
  deps: AcceptDeps,
  token: string,
  input: AcceptInput,
  rules: { policy: PasswordPolicy; termsRequired: boolean },
  client: { ipAddress: string | null; userAgent: string | null },
): Promise<AcceptResult> {
  const now = deps.now();
  const opened = await openInvitation(deps.invitations, token, now);
  if (opened.state !== "open" || !opened.invitation || !opened.person) {
    await deps.audit.record({
      action: "users.invite.accept",
      result: "failure",
      ...client,
      detail: { reason: opened.state },
    });
    return { ok: false, state: opened.state };
  }
  const { broken, errors: found } = await checkNewPassword(
    input.password,
    input.confirm,
    rules.policy,
    opened.person,
  );
  const errors: Extract<AcceptResult, { errors: unknown }>["errors"] = { ...found };
  if (rules.termsRequired && !input.acceptTerms) errors.acceptTerms = "termsRequired";
  if (Object.keys(errors).length > 0) return { ok: false, state: "open", errors, broken };

  await deps.invitations.accept(opened.invitation, await hashPassword(input.password), now);
  const { token: sessionToken } = await startSession(
    deps.sessions,
    opened.person.id,
    deps.timeouts,
    client,
    now,
    "password",
  );
  await deps.audit.record({
    action: "users.invite.accept",
    result: "success",
    actorUserId: opened.person.id,
    ...client,
    detail: { termsAccepted: rules.termsRequired },
  });
  return { ok: true, token: sessionToken, userId: opened.person.id };
}
