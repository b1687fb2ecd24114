import { generateSecret, generateURI, verify } from "otplib";

/**
 * Authenticator-app codes (RFC 6238): six digits, 30-second steps, SHA-1, which is what every
 * authenticator app understands. One step of clock drift either way is accepted; a code is
 * accepted once only, because the caller keeps the last accepted step and passes it back.
 */
const driftSeconds = 30;

/** A new shared key: 20 random bytes, base32 as apps expect it. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** What the QR code holds; the issuer is the tenant's name, so the app lists the portal by it. */
export function otpauthUri(secret: string, issuer: string, accountName: string): string {
  return generateURI({ issuer, label: accountName, secret });
}

/** The key written out for typing, in groups of four (seed 000). */
export function groupedKey(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(" ");
}

/** A code as people type it: spaces and dashes are left out. */
export function cleanCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/**
 * The 30-second step of a right code that is newer than `lastTimeStep`, or null: a wrong code,
 * and a code already used (or an older one), both count as wrong.
 */
export async function acceptedTimeStep(
  secret: string,
  code: string,
  lastTimeStep: number,
  now: Date,
): Promise<number | null> {
  const token = cleanCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: driftSeconds,
    afterTimeStep: lastTimeStep,
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
