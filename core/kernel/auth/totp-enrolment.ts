import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import { newId } from "../ids.ts";
import type { Account } from "./accounts.ts";
import type { AttemptLimiter } from "./guess-budgets.ts";
import { confirmPassword } from "./reauth.ts";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes.ts";
import type { SecondFactorStore } from "./second-factor.ts";
import { keepOnlyThisSession, type SessionStore } from "./sessions.ts";
import { acceptedTimeStep, newTotpSecret } from "./totp.ts";

export type TotpEnrolmentDeps = {
  factors: SecondFactorStore;
  sessions: SessionStore;
  limiter: AttemptLimiter;
  audit: AuditLog;
  now: () => Date;
  /** Whether the tenant requires a second factor of people with this account's role. */
  secondFactorRequired(account: Account): boolean;
};

type Refusal = { ok: false; reason: "wrong" | "throttled" };

/**
 * Setting up an authenticator app, after the password is typed again: a new key is kept
 * unconfirmed next to any current one, so a "new QR code" never leaves the person without a
 * working factor halfway.
 */
export async function startTotpEnrolment(
  deps: TotpEnrolmentDeps,
  account: Account,
  password: string,
  client: RequestOrigin,
): Promise<{ ok: true } | Refusal> {
  const confirmed = await confirmPassword(deps, account, password, client, { action: "auth.totp.start" });
  if (confirmed !== "ok") return { ok: false, reason: confirmed };
  await deps.factors.startTotp({
    id: newId("totp"),
    userId: account.id,
    secret: newTotpSecret(),
    createdAt: deps.now().toISOString(),
    confirmedAt: null,
    lastTimeStep: 0,
  });
  return { ok: true };
}

/**
 * The first code from the app proves it holds the key. The key then replaces any earlier one,
 * ten new recovery codes are made (returned once, stored hashed), every other session of the
 * account ends, and this session counts as two-step from now on.
 */
export async function confirmTotpEnrolment(
  deps: TotpEnrolmentDeps,
  account: Account,
  sessionId: string,
  code: string,
  client: RequestOrigin,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: "wrong" | "throttled" | "expired" }> {
  const keys = [`factor:${account.id}`];
  if ((await deps.limiter.waitSeconds(keys)) > 0) return { ok: false, reason: "throttled" };
  const { pending } = await deps.factors.totpOf(account.id);
  if (!pending) return { ok: false, reason: "expired" };
  const now = deps.now();
  const step = await acceptedTimeStep(pending.secret, code, 0, now);
  if (step === null) {
    await deps.limiter.recordFailure(keys);
    await deps.audit.record({
      action: "auth.totp.enrol",
      result: "failure",
      actorUserId: account.id,
      ...client,
    });
    return { ok: false, reason: "wrong" };
  }
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
  await deps.factors.confirmTotp(pending, step, hashes, now.toISOString());
  await keepOnlyThisSession(deps.sessions, account.id, sessionId);
  await deps.audit.record({
    action: "auth.totp.enrol",
    result: "success",
    actorUserId: account.id,
    ...client,
  });
  return { ok: true, recoveryCodes };
}

/** Ten fresh recovery codes; the old ones stop working. */
export async function renewRecoveryCodes(
  deps: TotpEnrolmentDeps,
  account: Account,
  password: string,
  client: RequestOrigin,
): Promise<{ ok: true; recoveryCodes: string[] } | Refusal> {
  const confirmed = await confirmPassword(deps, account, password, client, {
    action: "auth.recovery-codes.renew",
  });
  if (confirmed !== "ok") return { ok: false, reason: confirmed };
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map(hashRecoveryCode));
  await deps.factors.replaceRecoveryCodes(account.id, hashes, deps.now().toISOString());
  await deps.audit.record({
    action: "auth.recovery-codes.renew",
    result: "success",
    actorUserId: account.id,
    ...client,
  });
  return { ok: true, recoveryCodes };
}

/**
 * Turning the authenticator app off. Where the tenant requires a second factor, it may only go
 * when a passkey remains; every other session ends.
 */
export async function removeTotp(
  deps: TotpEnrolmentDeps,
  account: Account,
  sessionId: string,
  password: string,
  client: RequestOrigin,
): Promise<{ ok: true } | { ok: false; reason: "wrong" | "throttled" | "required" }> {
  const confirmed = await confirmPassword(deps, account, password, client, { action: "auth.totp.remove" });
  if (confirmed !== "ok") return { ok: false, reason: confirmed };
  if (deps.secondFactorRequired(account) && !(await deps.factors.hasPasskey(account.id))) {
    return { ok: false, reason: "required" };
  }
  await deps.factors.removeTotp(account.id);
  await deps.sessions.endAllOf(account.id, sessionId);
  await deps.audit.record({
    action: "auth.totp.remove",
    result: "success",
    actorUserId: account.id,
    ...client,
  });
  return { ok: true };
}
