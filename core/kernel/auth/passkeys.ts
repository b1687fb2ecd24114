import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import { newId } from "../ids.ts";
import type { Account } from "./accounts.ts";
import type { AttemptLimiter } from "./guess-budgets.ts";
import { confirmPassword } from "./reauth.ts";
import {
  openChallenge,
  startChallenge,
  type ChallengeStore,
  type SecondFactorStore,
} from "./second-factor.ts";
import { keepOnlyThisSession, type SessionStore } from "./sessions.ts";

export type Passkey = {
  id: string;
  userId: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  backedUp: boolean;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
};

/** The tenant's passkeys; implemented in db/ over the tenant's cell. */
export interface PasskeyStore {
  listOf(userId: string): Promise<Passkey[]>;
  byCredentialId(credentialId: string): Promise<Passkey | null>;
  add(passkey: Passkey): Promise<void>;
  rename(userId: string, id: string, name: string): Promise<boolean>;
  remove(userId: string, id: string): Promise<boolean>;
  recordUse(id: string, counter: number, backedUp: boolean, at: string): Promise<void>;
}

/**
 * The relying party is the tenant's host name, so a passkey made on one tenant's portal is
 * offered by the browser only there, and the origin is the page's own.
 */
export type RelyingParty = { id: string; name: string; origin: string };

export type PasskeyDeps = {
  passkeys: PasskeyStore;
  factors: Pick<SecondFactorStore, "totpOf">;
  /** Whether the tenant requires a second factor of people with this account's role. */
  secondFactorRequired(account: Account): boolean;
  challenges: ChallengeStore;
  sessions: SessionStore;
  users: { findById(id: string): Promise<Account | null> };
  limiter: AttemptLimiter;
  audit: AuditLog;
  now: () => Date;
};

const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, "base64url"));

/**
 * Step one of adding a passkey, after the password is typed again: the options the browser
 * needs. The passkey must be discoverable (so it signs in without typing the e-mail address) and
 * verify the person (PIN or biometrics), which makes it a strong factor on its own.
 */
export async function passkeyCreationOptions(
  deps: PasskeyDeps,
  account: Account,
  password: string,
  rp: RelyingParty,
  client: RequestOrigin,
): Promise<
  | { ok: true; options: PublicKeyCredentialCreationOptionsJSON; token: string }
  | { ok: false; reason: "wrong" | "throttled" }
> {
  const confirmed = await confirmPassword(deps, account, password, client, { action: "auth.passkey.add" });
  if (confirmed !== "ok") return { ok: false, reason: confirmed };
  const existing = await deps.passkeys.listOf(account.id);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: account.email,
    userDisplayName: account.displayName,
    userID: new TextEncoder().encode(account.id),
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.credentialId,
      transports: passkey.transports,
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  const token = await startChallenge(deps, "passkey-add", account.id, options.challenge);
  return { ok: true, options, token };
}

/**
 * Step two: the browser's answer. A verified new passkey is stored under the name the person
 * chose; this session counts as two-step from now on and every other session ends.
 */
export async function addPasskey(
  deps: PasskeyDeps,
  account: Account,
  sessionId: string,
  token: string | undefined,
  response: RegistrationResponseJSON,
  name: string,
  rp: RelyingParty,
  client: RequestOrigin,
): Promise<{ ok: true } | { ok: false; reason: "expired" | "refused" }> {
  const challenge = await openChallenge(deps, token, "passkey-add");
  if (!challenge || challenge.userId !== account.id || !challenge.webauthnChallenge) {
    return { ok: false, reason: "expired" };
  }
  await deps.challenges.delete(challenge.id);
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge.webauthnChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch(() => ({ verified: false as const }));
  if (!verification.verified) {
    await deps.audit.record({
      action: "auth.passkey.add",
      result: "failure",
      actorUserId: account.id,
      ...client,
    });
    return { ok: false, reason: "refused" };
  }
  const { credential, credentialBackedUp } = verification.registrationInfo;
  const id = newId("passkey");
  await deps.passkeys.add({
    id,
    userId: account.id,
    credentialId: credential.id,
    publicKey: toBase64Url(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
    backedUp: credentialBackedUp,
    name,
    createdAt: deps.now().toISOString(),
    lastUsedAt: null,
  });
  await keepOnlyThisSession(deps.sessions, account.id, sessionId);
  await deps.audit.record({
    action: "auth.passkey.add",
    result: "success",
    actorUserId: account.id,
    targetType: "passkey",
    targetId: id,
    ...client,
  });
  return { ok: true };
}

/** The options for signing in with a passkey: no e-mail address, the browser offers what it has. */
export async function passkeySignInOptions(
  deps: PasskeyDeps,
  rp: RelyingParty,
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; token: string }> {
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: "required" });
  const token = await startChallenge(deps, "passkey-sign-in", null, options.challenge);
  return { options, token };
}

/**
 * A passkey sign-in: the signature over this challenge, by a passkey of this tenant, with the
 * person verified. Synced passkeys may report a counter that stays 0; a counter that goes back
 * while it was counting means a cloned authenticator, and is refused.
 */
export async function completePasskeySignIn(
  deps: PasskeyDeps,
  token: string | undefined,
  response: AuthenticationResponseJSON,
  rp: RelyingParty,
  client: RequestOrigin,
): Promise<{ ok: true; account: Account } | { ok: false; reason: "expired" | "refused" }> {
  const challenge = await openChallenge(deps, token, "passkey-sign-in");
  if (!challenge?.webauthnChallenge) return { ok: false, reason: "expired" };
  await deps.challenges.delete(challenge.id);
  const passkey = await deps.passkeys.byCredentialId(response.id);
  const account = passkey ? await deps.users.findById(passkey.userId) : null;
  const verification =
    passkey && account?.status === "active"
      ? await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge.webauthnChallenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          credential: {
            id: passkey.credentialId,
            publicKey: fromBase64Url(passkey.publicKey),
            counter: passkey.counter,
            transports: passkey.transports,
          },
          requireUserVerification: true,
        }).catch(() => null)
      : null;
  if (!passkey || !account || !verification?.verified) {
    await deps.audit.record({
      action: "auth.login",
      result: "failure",
      actorUserId: account?.id ?? null,
      ...client,
      // The credential id names the key that was tried; it is no secret.
      detail: {
        method: "passkey",
        reason: passkey ? "signature" : "unknown_passkey",
        credentialId: response.id.slice(0, 200),
      },
    });
    return { ok: false, reason: "refused" };
  }
  const { newCounter, credentialBackedUp } = verification.authenticationInfo;
  await deps.passkeys.recordUse(passkey.id, newCounter, credentialBackedUp, deps.now().toISOString());
  return { ok: true, account };
}

/**
 * Removing one's passkey, after the password is typed again. Where the tenant requires a second
 * factor, the last one (no authenticator app, no other passkey) stays; every other session ends.
 */
export async function removePasskey(
  deps: PasskeyDeps,
  account: Account,
  sessionId: string,
  passkeyId: string,
  password: string,
  client: RequestOrigin,
): Promise<{ ok: true } | { ok: false; reason: "wrong" | "throttled" | "required" | "notFound" }> {
  const mine = await deps.passkeys.listOf(account.id);
  if (!mine.some((passkey) => passkey.id === passkeyId)) return { ok: false, reason: "notFound" };
  const confirmed = await confirmPassword(deps, account, password, client, {
    action: "auth.passkey.remove",
    targetType: "passkey",
    targetId: passkeyId,
  });
  if (confirmed !== "ok") return { ok: false, reason: confirmed };
  const { confirmed: totp } = await deps.factors.totpOf(account.id);
  if (deps.secondFactorRequired(account) && !totp && mine.length === 1)
    return { ok: false, reason: "required" };
  await deps.passkeys.remove(account.id, passkeyId);
  await deps.sessions.endAllOf(account.id, sessionId);
  await deps.audit.record({
    action: "auth.passkey.remove",
    result: "success",
    actorUserId: account.id,
    targetType: "passkey",
    targetId: passkeyId,
    ...client,
  });
  return { ok: true };
}
