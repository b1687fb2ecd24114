import type { AuditLog } from "../audit/audit.ts";
import { newId } from "../ids.ts";
import type { NotifyRequest } from "../notifications/notify.ts";
import { hashSecret, newSecretToken, parseSecretToken, sameHash } from "../platform/secret-token.ts";
import { normaliseEmail, type Account, type AccountStore } from "./accounts.ts";
import { rememberDevice, type AttemptLimiter, type KnownDevices } from "./guess-budgets.ts";
import { checkNewPassword } from "./new-password.ts";
import { hashPassword } from "./password-hash.ts";
import type { PasswordPolicy, PasswordRule } from "./password-policy.ts";
import type { SessionStore } from "./sessions.ts";

export type PasswordReset = {
  id: string;
  userId: string;
  secretHash: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
};

export interface PasswordResetStore {
  create(reset: PasswordReset): Promise<void>;
  find(id: string): Promise<{ reset: PasswordReset; account: Account } | null>;
  setSecret(id: string, secretHash: string): Promise<void>;
  /** The new password, and every open reset of the person used up, in one write. */
  complete(reset: PasswordReset, passwordHash: string, now: Date): Promise<void>;
}

/** A reset link holds half an hour. */
export const resetMinutes = 30;

const isOpen = (reset: PasswordReset, now: Date) => !reset.usedAt && new Date(reset.expiresAt) > now;

export type RequestResetDeps = {
  accounts: AccountStore;
  resets: PasswordResetStore;
  limiter: AttemptLimiter;
  audit: AuditLog;
  notify(request: NotifyRequest): Promise<unknown>;
  now(): Date;
};

/**
 * Asking for a reset mail. The answer is the same whether the address has an account or not
 * (the caller shows one neutral message); only an active account gets a mail, at most three an
 * hour per address asked for.
 */
export async function requestPasswordReset(
  deps: RequestResetDeps,
  email: string,
  client: { ipAddress: string | null; userAgent: string | null },
): Promise<void> {
  const address = normaliseEmail(email);
  const keys = [`reset:${address}`, `reset-address:${client.ipAddress ?? "unknown"}`];
  if ((await deps.limiter.waitSeconds(keys)) > 0) {
    await deps.audit.record({
      action: "auth.reset.request",
      result: "denied",
      ...client,
      detail: { reason: "throttled" },
    });
    return;
  }
  await deps.limiter.recordFailure(keys);
  const account = await deps.accounts.byEmail(address);
  if (!account || account.status !== "active") {
    await deps.audit.record({
      action: "auth.reset.request",
      result: "failure",
      ...client,
      detail: { reason: account ? account.status : "unknown_email" },
    });
    return;
  }
  const now = deps.now();
  const reset: PasswordReset = {
    id: newId("passwordReset", now.getTime()),
    userId: account.id,
    secretHash: null,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + resetMinutes * 60_000).toISOString(),
    usedAt: null,
  };
  await deps.resets.create(reset);
  await deps.notify({
    kind: "password-reset",
    recipients: [account.id],
    actorId: null,
    link: `/password-reset/${reset.id}`,
  });
  await deps.audit.record({
    action: "auth.reset.request",
    result: "success",
    actorUserId: account.id,
    ...client,
  });
}

/** The mail's link, with a secret made now; null when the reset is no longer open. */
export async function issueResetLink(
  store: PasswordResetStore,
  resetId: string,
  now: Date,
): Promise<string | null> {
  const found = await store.find(resetId);
  if (!found || !isOpen(found.reset, now)) return null;
  const { secret, token } = newSecretToken("passwordReset", resetId);
  await store.setSecret(resetId, await hashSecret(secret));
  return `/password-reset/${token}`;
}

/** What a link leads to; opening it uses nothing. */
export async function openPasswordReset(
  store: PasswordResetStore,
  token: string,
  now: Date,
): Promise<{ reset: PasswordReset; account: Account } | null> {
  const parsed = parseSecretToken(token);
  const found = parsed ? await store.find(parsed.id) : null;
  if (!parsed || !found?.reset.secretHash || !isOpen(found.reset, now)) return null;
  if (found.account.status !== "active") return null;
  return sameHash(found.reset.secretHash, await hashSecret(parsed.secret)) ? found : null;
}

export type CompleteResetResult =
  /** The browser's device token: the reset proved the mailbox, so this browser is known now. */
  | { ok: true; deviceToken: string }
  | { ok: false; invalid: true }
  | {
      ok: false;
      invalid: false;
      errors: Partial<Record<"password" | "confirm", "broken" | "mismatch">>;
      broken: PasswordRule[];
    };

/**
 * Sets the new password and ends every session of the person: whoever knew the old password
 * is out. The person then signs in as usual (and, once they have one, with their second factor),
 * from this browser even while strangers' guesses hold the account's limit for new devices.
 */
export async function completePasswordReset(
  deps: {
    resets: PasswordResetStore;
    sessions: SessionStore;
    devices: KnownDevices;
    audit: AuditLog;
    now(): Date;
  },
  token: string,
  input: { password: string; confirm: string },
  policy: PasswordPolicy,
  client: { ipAddress: string | null; userAgent: string | null },
  deviceToken?: string,
): Promise<CompleteResetResult> {
  const now = deps.now();
  const found = await openPasswordReset(deps.resets, token, now);
  if (!found) {
    await deps.audit.record({
      action: "auth.reset.complete",
      result: "failure",
      ...client,
      detail: { reason: "invalid_link" },
    });
    return { ok: false, invalid: true };
  }
  const { broken, errors } = await checkNewPassword(input.password, input.confirm, policy, found.account);
  if (Object.keys(errors).length > 0) return { ok: false, invalid: false, errors, broken };

  await deps.resets.complete(found.reset, await hashPassword(input.password), now);
  await deps.sessions.endAllOf(found.account.id);
  await deps.audit.record({
    action: "auth.reset.complete",
    result: "success",
    actorUserId: found.account.id,
    ...client,
  });
  return { ok: true, deviceToken: await rememberDevice(deps, found.account.email, deviceToken) };
}
