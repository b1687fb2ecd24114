import type { AuditAction, AuditLog } from "../audit/audit.ts";
import type { Account } from "./accounts.ts";
import type { AttemptLimiter } from "./guess-budgets.ts";
import { confirmPassword } from "./reauth.ts";
import type { Role } from "./permissions.ts";
import type { SecondFactorStore } from "./second-factor.ts";
import type { SessionStore } from "./sessions.ts";
import type { NotifyRequest } from "../notifications/notify.ts";

/** The admin's view of the tenant's accounts. */
export interface UserAdminStore {
  findById(id: string): Promise<Account | null>;
  setStatus(id: string, status: "active" | "disabled"): Promise<void>;
  setRole(id: string, role: Role): Promise<void>;
}

export type UserAdminDeps = {
  users: UserAdminStore;
  /** The roles this tenant's people may have (core/kernel/tenants/operator.ts rolesGrantableIn). */
  grantableRoles: readonly Role[];
  sessions: SessionStore;
  limiter: AttemptLimiter;
  audit: AuditLog;
};

type Client = { ipAddress: string | null; userAgent: string | null };
export type AdminResult =
  | { ok: true }
  | { ok: false; reason: "notFound" | "self" | "passwordWrong" | "throttled" | "roleNotGrantable" };

/** The audit line of an admin's change to someone's account that went through. */
function auditDone(
  deps: Pick<UserAdminDeps, "audit">,
  admin: Account,
  user: Account,
  action: AuditAction,
  client: Client,
  detail?: Record<string, string>,
) {
  return deps.audit.record({
    action,
    result: "success",
    actorUserId: admin.id,
    // A change to a client's account is a change to that client's data: it shows in their own log.
    clientUserId: user.role === "client" ? user.id : null,
    targetType: "user",
    targetId: user.id,
    ...client,
    ...(detail ? { detail } : {}),
  });
}

/** Another person of this tenant who has got in (not someone still invited), or null. */
async function targetOf(deps: UserAdminDeps, admin: Account, userId: string) {
  const user = await deps.users.findById(userId);
  if (!user || user.status === "invited") return { user: null, self: false };
  return { user, self: user.id === admin.id };
}

/**
 * Blocks or unblocks an account. Blocking ends every session at once; an admin cannot block
 * themselves (and so lock the tenant out of its last admin by mistake).
 */
export async function setAccountStatus(
  deps: UserAdminDeps,
  admin: Account,
  userId: string,
  status: "active" | "disabled",
  client: Client,
): Promise<AdminResult> {
  const { user, self } = await targetOf(deps, admin, userId);
  if (!user) return { ok: false, reason: "notFound" };
  if (self) return { ok: false, reason: "self" };
  await deps.users.setStatus(user.id, status);
  if (status === "disabled") await deps.sessions.endAllOf(user.id);
  await auditDone(deps, admin, user, status === "disabled" ? "users.disable" : "users.enable", client);
  return { ok: true };
}

/** Signs a person out everywhere (a lost phone, a shared computer). */
export async function endSessionsOf(
  deps: UserAdminDeps,
  admin: Account,
  userId: string,
  client: Client,
): Promise<AdminResult> {
  const { user } = await targetOf(deps, admin, userId);
  if (!user) return { ok: false, reason: "notFound" };
  await deps.sessions.endAllOf(user.id);
  await auditDone(deps, admin, user, "users.sessions.end", client);
  return { ok: true };
}

/**
 * Someone else's account, for a change the admin confirms with their own password: not found
 * (another tenant's, or still invited), not oneself, and a wrong password counts like a failed
 * sign-in and is audited as an attempt of this action on this person.
 */
async function confirmedTarget(
  deps: UserAdminDeps,
  admin: Account,
  userId: string,
  password: string,
  client: Client,
  action: AuditAction,
): Promise<{ ok: true; user: Account } | Extract<AdminResult, { ok: false }>> {
  const { user, self } = await targetOf(deps, admin, userId);
  if (!user) return { ok: false, reason: "notFound" };
  if (self) return { ok: false, reason: "self" };
  const confirmed = await confirmPassword(deps, admin, password, client, {
    action,
    targetType: "user",
    targetId: user.id,
  });
  if (confirmed === "throttled") return { ok: false, reason: "throttled" };
  if (confirmed === "wrong") return { ok: false, reason: "passwordWrong" };
  return { ok: true, user };
}

/**
 * Changes someone's role, confirmed with the admin's own password (seed 004: changes are
 * confirmed with the password). Wrong passwords count like failed sign-ins.
 */
export async function changeRole(
  deps: UserAdminDeps,
  admin: Account,
  userId: string,
  role: Role,
  password: string,
  client: Client,
): Promise<AdminResult> {
  // Checked before the password: no guess is spent on a change that can never happen.
  if (!deps.grantableRoles.includes(role)) return { ok: false, reason: "roleNotGrantable" };
  const target = await confirmedTarget(deps, admin, userId, password, client, "users.role.change");
  if (!target.ok) return target;
  const { user } = target;
  await deps.users.setRole(user.id, role);
  await auditDone(deps, admin, user, "users.role.change", client, { from: user.role, to: role });
  return { ok: true };
}

/**
 * "Lost my authenticator": an admin removes every second factor of someone else (key, recovery
 * codes, passkeys), after typing their own password. The person's sessions end, they hear of it
 * by mail at once, and where their role requires a second factor they set up a new one at their
 * next sign-in.
 */
export async function resetSecondFactors(
  deps: UserAdminDeps & {
    factors: Pick<SecondFactorStore, "removeAll">;
    notify(request: NotifyRequest): Promise<unknown>;
  },
  admin: Account,
  userId: string,
  password: string,
  client: Client,
): Promise<AdminResult> {
  const target = await confirmedTarget(deps, admin, userId, password, client, "users.second-factor.reset");
  if (!target.ok) return target;
  const { user } = target;
  await deps.factors.removeAll(user.id);
  await deps.sessions.endAllOf(user.id);
  await auditDone(deps, admin, user, "users.second-factor.reset", client);
  await deps.notify({
    kind: "second-factor-reset",
    recipients: [user.id],
    actorId: admin.id,
    link: "/account/two-step",
  });
  return { ok: true };
}
