import type { AuditLog } from "../audit/audit.ts";
import { normaliseEmail, type Account, type AccountStore } from "./accounts.ts";
import { hashPassword, needsRehash, unknownUserHash, verifyPassword } from "./password-hash.ts";
import {
  startChallenge,
  spendSecondFactorCode,
  type ChallengeStore,
  type SecondFactorStore,
} from "./second-factor.ts";
import { startSession, type SessionStore, type SessionStrength, type SessionTimeouts } from "./sessions.ts";
import {
  guessBudget,
  rememberDevice,
  type AttemptLimiter,
  type KnownDevices,
  type SignInClient,
} from "./guess-budgets.ts";

export type LoginDeps = {
  accounts: AccountStore;
  sessions: SessionStore;
  factors: SecondFactorStore;
  challenges: ChallengeStore;
  limiter: AttemptLimiter;
  devices: KnownDevices;
  audit: AuditLog;
  timeouts: SessionTimeouts;
  now: () => Date;
  /** Tells the owner that their account was just used from a browser it had not used before. */
  alertNewDevice(accountId: string): Promise<void>;
};

export type LoginRequest = SignInClient & {
  email: string;
  password: string;
  /** A code of the second factor, typed along with the password while guessing is limited. */
  code?: string;
};

export type LoginResult =
  | ({ ok: true; account: Account } & SignedIn)
  | { ok: false; reason: "second-factor"; challenge: string }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/**
 * E-mail and password sign-in. Unknown address and wrong password give the same answer after the
 * same work (a hash is always verified), and every attempt is in the audit log. Failed guesses are
 * limited per known device, or for a new device per account and per client address
 * (`guessBudget`); while a limit holds, no password is checked, unless a second-factor code comes
 * with it: then the owner still gets in, and a guesser, who lacks the code, learns nothing about
 * the password. An account with a second factor gets a challenge for it instead of a session.
 */
export async function login(deps: LoginDeps, request: LoginRequest): Promise<LoginResult> {
  const email = normaliseEmail(request.email);
  const client = { ipAddress: request.ipAddress, userAgent: request.userAgent };
  const budget = await guessBudget(deps, email, request);

  const wait = await deps.limiter.waitSeconds(budget.keys);
  if (wait > 0) {
    const account = request.code ? await passwordHolder(deps, email, request.password) : null;
    if (account && request.code && (await deps.factors.hasSecondFactor(account.id))) {
      const outcome = await spendSecondFactorCode(deps, account.id, request.code);
      if (outcome === "totp" || outcome === "recovery-code") {
        const signedIn = await finishSignIn(deps, account, request, "two-step", {
          method: outcome,
          throttled: true,
        });
        return { ok: true, account, ...signedIn };
      }
    }
    await deps.audit.record({
      action: "auth.login",
      result: "denied",
      actorUserId: account?.id ?? null,
      ...client,
      detail: { reason: "throttled", device: budget.device },
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  }

  const known = await deps.accounts.byEmail(email);
  const account = await passwordHolder(deps, email, request.password, known);
  if (!account) {
    await deps.limiter.recordFailure(budget.keys);
    await deps.audit.record({
      action: "auth.login",
      result: "failure",
      actorUserId: known?.id ?? null,
      ...client,
      detail: {
        reason: !known ? "unknown_email" : known.status !== "active" ? known.status : "wrong_password",
        device: budget.device,
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
  const signedIn = await finishSignIn(deps, account, request, "password", { method: "password" });
  return { ok: true, account, ...signedIn };
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

/** The session's token, and the device token the browser keeps (its `__Host-device` cookie). */
export type SignedIn = { token: string; deviceToken: string };

/**
 * The end of every way in (password, second step, passkey): a session of the proven strength,
 * the audit line, a word to the owner when a browser signs in that never did before, and this
 * browser known to the account from now on.
 */
export async function finishSignIn(
  deps: Pick<LoginDeps, "sessions" | "audit" | "timeouts" | "now" | "alertNewDevice" | "devices">,
  account: Account,
  origin: SignInClient,
  strength: SessionStrength,
  detail: Record<string, string | number | boolean>,
): Promise<SignedIn> {
  const client = { ipAddress: origin.ipAddress, userAgent: origin.userAgent };
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
  const deviceToken = await rememberDevice(deps, account.email, origin.deviceToken);
  return { token, deviceToken };
}
