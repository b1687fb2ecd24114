import type { RequestOrigin } from "../audit/audit.ts";
import { hashSecret } from "../platform/secret-token.ts";
import { normaliseEmail } from "./accounts.ts";

/**
 * Which budget a password guess spends (ADR "sign-in guessing limits"). A browser that signed in
 * to an account before (a known device) has a budget of its own for that account, so a stranger's
 * guesses never lock its owner out there. Every other attempt at the account (a new device)
 * spends the account's budget for new devices and its client address's budget.
 */

/** Counts failed guesses per key in a serialised store. */
export interface AttemptLimiter {
  /** Seconds to wait before another guess is allowed for any of these keys; 0 when allowed. */
  waitSeconds(keys: string[]): Promise<number>;
  recordFailure(keys: string[]): Promise<void>;
}

/** The browsers that signed in to an account, each under the key `deviceKey` gives. */
export interface KnownDevices {
  isKnown(key: string, now: Date): Promise<boolean>;
  remember(key: string, until: Date): Promise<void>;
}

/** A request that may carry the browser's device token (the `__Host-device` cookie). */
export type SignInClient = RequestOrigin & { deviceToken?: string | null };

export type GuessBudget = { keys: string[]; device: "known" | "new" };

/** A browser stays known for half a year after its last sign-in to the account. */
export const knownDeviceDays = 180;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** One token per browser; it may be known to several accounts (a shared family computer). */
export function newDeviceToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
}

/** Only a hash of the token names its budget, so the store cannot be read back into cookies. */
async function deviceKey(email: string, token: string): Promise<string> {
  return `device:${normaliseEmail(email)}:${await hashSecret(token)}`;
}

function wellFormed(token: string | null | undefined): token is string {
  return typeof token === "string" && tokenPattern.test(token);
}

/**
 * The budget of a guess at `email`: the known device's own while it lasts; once a known device
 * has spent its own, it counts as a new device again, so a stolen cookie buys no extra guesses.
 */
export async function guessBudget(
  deps: { limiter: AttemptLimiter; devices: KnownDevices; now: () => Date },
  email: string,
  client: SignInClient,
): Promise<GuessBudget> {
  const newDevice: GuessBudget = {
    keys: [`account:${email}`, `address:${client.ipAddress ?? "unknown"}`],
    device: "new",
  };
  if (!wellFormed(client.deviceToken)) return newDevice;
  const key = await deviceKey(email, client.deviceToken);
  const [known, wait] = await Promise.all([
    deps.devices.isKnown(key, deps.now()),
    deps.limiter.waitSeconds([key]),
  ]);
  return known && wait === 0 ? { keys: [key], device: "known" } : newDevice;
}

/**
 * After a sign-in (or a password reset, which proves the mailbox): this browser is known to the
 * account from now on. Answers the token the browser keeps: its own, or a new one.
 */
export async function rememberDevice(
  deps: { devices: KnownDevices; now: () => Date },
  email: string,
  token: string | null | undefined,
): Promise<string> {
  const kept = wellFormed(token) ? token : newDeviceToken();
  const until = new Date(deps.now().getTime() + knownDeviceDays * 24 * 3600 * 1000);
  await deps.devices.remember(await deviceKey(email, kept), until);
  return kept;
}
