import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import { hashSecret, newSecretToken, parseSecretToken, sameHash } from "../platform/secret-token.ts";
import type { Account } from "./accounts.ts";
import type { AttemptLimiter } from "./guess-budgets.ts";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes.ts";
import { acceptedTimeStep } from "./totp.ts";

export type TotpFactor = {
  id: string;
  userId: string;
  secret: string;
  createdAt: string;
  confirmedAt: string | null;
  lastTimeStep: number;
};

/** The tenant's authenticator keys and recovery codes; implemented in db/ over the tenant's cell. */
export interface SecondFactorStore {
  totpOf(userId: string): Promise<{ confirmed: TotpFactor | null; pending: TotpFactor | null }>;
  /** Keeps a new, unconfirmed key; an earlier unconfirmed one is dropped. */
  startTotp(factor: TotpFactor): Promise<void>;
  /** The pending key becomes the key, and new recovery codes replace the old ones, in one batch. */
  confirmTotp(factor: TotpFactor, timeStep: number, recoveryHashes: string[], now: string): Promise<void>;
  /** Records the step of an accepted code; false when that step or a newer one was already used. */
  useTimeStep(factorId: string, timeStep: number): Promise<boolean>;
  /** Marks an unused code used; false when there is no such unused code. */
  useRecoveryCode(userId: string, codeHash: string, now: string): Promise<boolean>;
  recoveryCodesLeft(userId: string): Promise<number>;
  replaceRecoveryCodes(userId: string, recoveryHashes: string[], now: string): Promise<void>;
  /** The authenticator key and the recovery codes. */
  removeTotp(userId: string): Promise<void>;
  /** Every second factor: the key, the recovery codes and the passkeys. */
  removeAll(userId: string): Promise<void>;
  /** A confirmed authenticator key or a passkey. */
  hasSecondFactor(userId: string): Promise<boolean>;
  hasPasskey(userId: string): Promise<boolean>;
}

export type ChallengePurpose = "second-factor" | "passkey-sign-in" | "passkey-add";

export type Challenge = {
  id: string;
  userId: string | null;
  purpose: ChallengePurpose;
  secretHash: string;
  webauthnChallenge: string | null;
  failures: number;
  createdAt: string;
  expiresAt: string;
};

/** Half-done sign-ins and passkey ceremonies. */
export interface ChallengeStore {
  create(challenge: Challenge): Promise<void>;
  find(id: string): Promise<Challenge | null>;
  recordFailure(id: string): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Five minutes to type the code, and five tries, before the password has to be typed again. */
const challengeMinutes = 5;
const triesPerChallenge = 5;

export type SecondFactorDeps = {
  factors: SecondFactorStore;
  challenges: ChallengeStore;
  limiter: AttemptLimiter;
  audit: AuditLog;
  now: () => Date;
};

/** Starts a challenge the browser proves with the returned token (kept in a short-lived cookie). */
export async function startChallenge(
  deps: Pick<SecondFactorDeps, "challenges" | "now">,
  purpose: ChallengePurpose,
  userId: string | null,
  webauthnChallenge: string | null = null,
): Promise<string> {
  const { id, secret, token } = newSecretToken("challenge");
  const now = deps.now();
  await deps.challenges.create({
    id,
    userId,
    purpose,
    secretHash: await hashSecret(secret),
    webauthnChallenge,
    failures: 0,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + challengeMinutes * 60_000).toISOString(),
  });
  return token;
}

/** The live challenge of this purpose the token proves, or null (forged, expired, used up). */
export async function openChallenge(
  deps: Pick<SecondFactorDeps, "challenges" | "now">,
  token: string | undefined,
  purpose: ChallengePurpose,
): Promise<Challenge | null> {
  const parsed = parseSecretToken(token);
  if (!parsed) return null;
  const challenge = await deps.challenges.find(parsed.id);
  if (!challenge || challenge.purpose !== purpose) return null;
  if (!sameHash(await hashSecret(parsed.secret), challenge.secretHash)) return null;
  if (deps.now().getTime() >= new Date(challenge.expiresAt).getTime()) {
    await deps.challenges.delete(challenge.id);
    return null;
  }
  return challenge;
}

/**
 * Checks a code from the authenticator app or a recovery code and uses it up: the same code
 * never works twice, even when two requests carry it at the same moment (the store's update is
 * conditional). Wrong codes count against the account's own limit of second-factor guesses.
 */
export async function spendSecondFactorCode(
  deps: SecondFactorDeps,
  userId: string,
  code: string,
): Promise<"totp" | "recovery-code" | "wrong" | "throttled"> {
  const keys = [`factor:${userId}`];
  if ((await deps.limiter.waitSeconds(keys)) > 0) return "throttled";
  const now = deps.now();
  if (looksLikeRecoveryCode(code)) {
    if (await deps.factors.useRecoveryCode(userId, await hashRecoveryCode(code), now.toISOString()))
      return "recovery-code";
  } else {
    const { confirmed } = await deps.factors.totpOf(userId);
    const step = confirmed
      ? await acceptedTimeStep(confirmed.secret, code, confirmed.lastTimeStep, now)
      : null;
    if (confirmed && step !== null && (await deps.factors.useTimeStep(confirmed.id, step))) return "totp";
  }
  await deps.limiter.recordFailure(keys);
  return "wrong";
}

export type SecondStepResult =
  | { ok: true; account: Account; method: "totp" | "recovery-code" }
  | { ok: false; reason: "expired" | "wrong" | "throttled" };

/**
 * The second step of a sign-in: the challenge left by a right password, and a code. Five wrong
 * codes end the challenge; every attempt is in the audit log.
 */
export async function completeSecondStep(
  deps: SecondFactorDeps & { users: { findById(id: string): Promise<Account | null> } },
  challengeToken: string | undefined,
  code: string,
  client: RequestOrigin,
): Promise<SecondStepResult> {
  const challenge = await openChallenge(deps, challengeToken, "second-factor");
  const account = challenge?.userId ? await deps.users.findById(challenge.userId) : null;
  if (!challenge || !account || account.status !== "active") return { ok: false, reason: "expired" };
  const outcome = await spendSecondFactorCode(deps, account.id, code);
  if (outcome === "totp" || outcome === "recovery-code") {
    await deps.challenges.delete(challenge.id);
    return { ok: true, account, method: outcome };
  }
  if (challenge.failures + 1 >= triesPerChallenge) await deps.challenges.delete(challenge.id);
  else await deps.challenges.recordFailure(challenge.id);
  await deps.audit.record({
    action: "auth.second-factor",
    result: outcome === "throttled" ? "denied" : "failure",
    actorUserId: account.id,
    ...client,
    detail: { reason: outcome },
  });
  return { ok: false, reason: outcome };
}
