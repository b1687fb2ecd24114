import type { AuditLog } from "../audit/audit.ts";
import { normaliseEmail, type Account, type AccountStore } from "./accounts.ts";
import { hashPassword, needsRehash, unknownUserHash, verifyPassword } from "./password-hash.ts";
import { startSession, type SessionStore, type SessionTimeouts } from "./sessions.ts";

/** Counts failed guesses per key (account, client address) in a serialised store. */
export interface AttemptLimiter {
  /** Seconds to wait before another guess is allowed for any of these keys; 0 when allowed. */
  waitSeconds(keys: string[]): Promise<number>;
  recordFailure(keys: string[]): Promise<void>;
}

export type LoginDeps = {
  accounts: AccountStore;
  sessions: SessionStore;
  limiter: AttemptLimiter;
  audit: AuditLog;
  timeouts: SessionTimeouts;
  now: () => Date;
  /** Tells the owner that their account was just used from a browser it had not used before. */
  alertNewDevice(accountId: string): Promise<void>;
};

export type LoginRequest = {
  email: string;
  password: string;
  ipAddress: string | null;
  userAgent: string | null;
};

export type LoginResult =
  | { ok: true; token: string; account: Account }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/**
 * E-mail and password sign-in. Unknown address and wrong password give the same answer after the
 * same work (a hash is always verified), and every attempt is in the audit log. Failed guesses are
 * limited per account and per client address; while a limit holds, no password is even checked.
 */
export async function login(deps: LoginDeps, request: LoginRequest): Promise<LoginResult> {
  const email = normaliseEmail(request.email);
  const keys = [`account:${email}`, `address:${request.ipAddress ?? "unknown"}`];
  const client = { ipAddress: request.ipAddress, userAgent: request.userAgent };

  const wait = await deps.limiter.waitSeconds(keys);
  if (wait > 0) {
    await deps.audit.record({
      action: "auth.login",
      result: "denied",
      ...client,
      detail: { reason: "throttled" },
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  }

  const account = await deps.accounts.byEmail(email);
  const matches = await verifyPassword(request.password, account?.passwordHash ?? unknownUserHash);
  if (!account || !account.passwordHash || !matches || account.status !== "active") {
    await deps.limiter.recordFailure(keys);
    await deps.audit.record({
      action: "auth.login",
      result: "failure",
      actorUserId: account?.id ?? null,
      ...client,
      detail: {
        reason: !account ? "unknown_email" : account.status !== "active" ? account.status : "wrong_password",
      },
    });
    return { ok: false, reason: "invalid" };
  }

  if (needsRehash(account.passwordHash)) {
    await deps.accounts.setPassword(
      account.id,
      await hashPassword(request.password),
      account.mustChangePassword,
    );
  }
  const knownDevices = await deps.audit.recentSignInDevices(account.id);
  const { token } = await startSession(deps.sessions, account.id, deps.timeouts, client, deps.now());
  await deps.audit.record({ action: "auth.login", result: "success", actorUserId: account.id, ...client });
  // The very first sign-in of an account is no news to its owner.
  const userAgent = client.userAgent?.slice(0, 300) ?? null;
  if (knownDevices.length > 0 && (!userAgent || !knownDevices.includes(userAgent))) {
    await deps.alertNewDevice(account.id);
  }
  return { ok: true, token, account };
}
