import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import { normaliseEmail, type Account, type AccountStore } from "./accounts.ts";
import { hashPassword, needsRehash, unknownUserHash, verifyPassword } from "./password-hash.ts";
import {
  startChallenge,
  spendSecondFactorCode,
  type ChallengeStore,
  type SecondFactorStore,
} from "./second-factor.ts";
import { startSession, type SessionStore, type SessionStrength, type SessionTimeouts } from "./sessions.ts";

/** Counts failed guesses per key (account, client address) in a serialised store. */
export interface AttemptLimiter {
  /** Seconds to wait before another guess is allowed for any of these keys; 0 when allowed. */
  waitSeconds(keys: string[]): Promise<number>;
  recordFailure(keys: string[]): Promise<void>;
}

export type LoginDeps = {
  accounts: AccountStore;
  sessions: SessionStore;
  factors: SecondFactorStore;
  challenges: ChallengeStore;
  limiter: AttemptLimiter;
  audit: AuditLog;
  timeouts: SessionTimeouts;
  now: () => Date;
  /** Tells the owner that their account was just used from a browser it had not used before. */
  alertNewDevice(accountId: string): Promise<void>;
};

export type LoginRequest = RequestOrigin & {
  email: string;
  password: string;
  /** A code of the second factor, typed along with the password while guessing is limited. */
  code?: string;
};

export type LoginResult =
  | { ok: true; token: string; account: Account }
  | { ok: false; reason: "second-factor"; challenge: string }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/**
 * E-mail and password sign-in. Unknown address and wrong password give the same answer after the
 * same work (a hash is always verified), and every attempt is in the audit log. Failed guesses are
 * limited per account and per client address; while a limit holds, no password is checked, unless
 * a second-factor code comes with it: then the owner still gets in, and a guesser, who lacks the
 * code, learns nothing about the password. An account with a second factor gets a challenge
 * for it instead of a session.
 */
export async function login(deps: LoginDeps, request: LoginRequest): Promise<LoginResult> {
  const email = normaliseEmail(request.email);
  const keys = [`account:${email}`, `address:${request.ipAddress ?? "unknown"}`];
  const client = { ipAddress: request.ipAddress, userAgent: request.userAgent };

  const wait = await deps.limiter.waitSeconds(keys);
  if (wait > 0) {
    const account = request.code ? await passwordHolder(deps, email, request.password) : null;
    if (account && request.code && (await deps.factors.hasSecondFactor(account.id))) {
      const outcome = await spendSecondFactorCode(deps, account.id, request.code);
      if (outcome === "totp" || outcome === "recovery-code") {
        const token = await finishSignIn(deps, account, client, "two-step", {
          method: outcome,
          throttled: true,
        });
        return { ok: true, token, account };
      }
    }
    await deps.audit.record({
      action: "auth.login",
      result: "denied",
      actorUserId: account?.id ?? null,
      ...client,
      detail: { reason: "throttled" },
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  }

  const known = await deps.accounts.byEmail(email);
  const account = await passwordHolder(deps, email, request.password, known);
  if (!account) {
    await deps.limiter.recordFailure(keys);
    await deps.audit.record({
      action: "auth.login",
      result: "failure",
      actorUserId: known?.id ?? null,
      ...client,
      detail: {
        reason: !known ? "unknown_email" : known.status !== "active" ? known.status : "wrong_password",
      },
    });
    return { ok: false, reason: "invalid" };
  }

  if (needsRehash(account.passwordHash!)) {
    await deps.accounts.setPassword(
      account.id,
      await hashPassword(request.password),
      account.mustChangePassword,
    );
  }
  if (await deps.factors.hasSecondFactor(account.id)) {
    const challenge = await startChallenge(deps, "second-factor", account.id);
    await deps.audit.record({
      action: "auth.login.password",
      result: "success",
      actorUserId: account.id,
      ...client,
    });
    return { ok: false, reason: "second-factor", challenge };
  }
  const token = await finishSignIn(deps, account, client, "password", { method: "password" });
  return { ok: true, token, account };
}

/** The active account whose password this is, or null; the hash is verified either way. */
async function passwordHolder(
  deps: LoginDeps,
  email: string,
  password: string,
  known?: Account | null,
): Promise<Account | null> {
  const account = known === undefined ? await deps.accounts.byEmail(email) : known;
  const matches = await verifyPassword(password, account?.passwordHash ?? unknownUserHash);
  return account?.passwordHash && matches && account.status === "active" ? account : null;
}

/**
 * The end of every way in (password, second step, passkey): a session of the proven strength,
 * the audit line, and a word to the owner when a browser signs in that never did before.
 */
export async function finishSignIn(
  deps: Pick<LoginDeps, "sessions" | "audit" | "timeouts" | "now" | "alertNewDevice">,
  account: Account,
  client: RequestOrigin,
  strength: SessionStrength,
  detail: Record<string, string | number | boolean>,
): Promise<string> {
  const knownDevices = await deps.audit.recentSignInDevices(account.id);
  const { token } = await startSession(
    deps.sessions,
    account.id,
    deps.timeouts,
    client,
    deps.now(),
    strength,
  );
  await deps.audit.record({
    action: "auth.login",
    result: "success",
    actorUserId: account.id,
    ...client,
    detail,
  });
  // The very first sign-in of an account is no news to its owner.
  const userAgent = client.userAgent?.slice(0, 300) ?? null;
  if (knownDevices.length > 0 && (!userAgent || !knownDevices.includes(userAgent))) {
    await deps.alertNewDevice(account.id);
  }
  return token;
}
