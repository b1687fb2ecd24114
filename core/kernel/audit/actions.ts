import { capabilities, type RegisteredCapability } from "../../capabilities.ts";

/**
 * Every action the audit log records, as its code: the area before the first dot, then what was
 * done. The kernel's here, each capability's in its declaration. A line is written only with a
 * declared code (the type says so), and the admin's log shows every declared code in words.
 */
const kernelAuditActions = [
  "auth.login",
  "auth.login.password",
  "auth.logout",
  "auth.second-factor",
  "auth.password.change",
  "auth.reset.request",
  "auth.reset.complete",
  "auth.passkey.add",
  "auth.passkey.remove",
  "auth.totp.start",
  "auth.totp.enrol",
  "auth.totp.remove",
  "auth.recovery-codes.renew",
  "auth.session.end",
  "auth.sessions.end-others",
  "users.invite",
  "users.invite.resend",
  "users.invite.revoke",
  "users.invite.accept",
  "users.enable",
  "users.disable",
  "users.role.change",
  "users.sessions.end",
  "users.second-factor.reset",
  "users.care-team.change",
  "organisations.create",
  "organisations.choose",
  "organisations.member.add",
  "organisations.member.role",
  "organisations.member.remove",
  "dossier.open",
  "notifications.unsubscribe",
  "notifications.delivery.retry",
  "api-keys.create",
  "api-keys.revoke",
  "api-keys.use",
  "audit.read",
  "audit.export",
  "platform.tenants.create",
  "platform.tenants.plan.change",
  "platform.tenants.suspend",
  "platform.tenants.reactivate",
  "platform.tenants.hostname.add",
  "platform.tenants.hostname.remove",
] as const;

type ActionsOf<C> = C extends { auditActions: readonly (infer Action)[] } ? Action : never;
export type AuditAction = (typeof kernelAuditActions)[number] | ActionsOf<RegisteredCapability>;

function declaredOnce(actions: readonly string[]): readonly AuditAction[] {
  const seen = new Set<string>();
  for (const action of actions) {
    if (seen.has(action)) throw new Error(`audit action "${action}" is declared twice`);
    seen.add(action);
  }
  return actions as readonly AuditAction[];
}

export const auditActions = declaredOnce([
  ...kernelAuditActions,
  ...capabilities.flatMap((capability): readonly string[] =>
    "auditActions" in capability ? capability.auditActions : [],
  ),
]);

/** The part of an action before the first dot ("auth", "booking"): what the log filters by. */
export const areaOf = (action: string): string => action.split(".", 1)[0] ?? action;

export const auditAreas: readonly string[] = [...new Set(auditActions.map(areaOf))];
