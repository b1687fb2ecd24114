import type { AuditAction, AuditLog, RequestOrigin } from "../audit/audit.ts";
import type { Account } from "./accounts.ts";
import type { AttemptLimiter } from "./guess-budgets.ts";
import { verifyPassword } from "./password-hash.ts";

export type ReauthDeps = { limiter: AttemptLimiter; audit: AuditLog };

/**
 * Re-authentication before a sensitive change (password, second factors, someone's role): the
 * person types their current password again. Wrong guesses count against the same per-account
 * limit as sign-in, so a forgotten open session cannot be used to try passwords.
 */
export async function confirmPassword(
  deps: ReauthDeps,
  account: Account,
  password: string,
  client: RequestOrigin,
  /** The audit line of a wrong password: the change that was attempted, and on whom. */
  attempted: { action: AuditAction; targetType?: string; targetId?: string },
): Promise<"ok" | "wrong" | "throttled"> {
  const keys = [`account:${account.email}`];
  if ((await deps.limiter.waitSeconds(keys)) > 0) return "throttled";
  if (account.passwordHash && (await verifyPassword(password, account.passwordHash))) return "ok";
  await deps.limiter.recordFailure(keys);
  await deps.audit.record({
    ...attempted,
    result: "failure",
    actorUserId: account.id,
    ...client,
    detail: { reason: "current_password_wrong" },
  });
  return "wrong";
}
