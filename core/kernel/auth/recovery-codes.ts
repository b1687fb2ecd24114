import { hashSecret } from "../platform/secret-token.ts";

/** Ten single-use codes for when the authenticator is lost; shown once, kept only as hashes. */
export const recoveryCodeCount = 10;

// No 0/o, 1/l/i: the codes are read off paper and typed by hand.
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

/** One code: three groups of four characters, about 59 bits of chance. */
function newRecoveryCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const characters = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]);
  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join("")).join("-");
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, newRecoveryCode);
}

/** Whether typed input has the shape of a recovery code rather than a six-digit code. */
export function looksLikeRecoveryCode(input: string): boolean {
  return /^[a-z0-9]{12}$/.test(input.toLowerCase().replace(/[\s-]/g, ""));
}

/** The hash stored for a code; the same code typed with other case or spacing hashes alike. */
export function hashRecoveryCode(code: string): Promise<string> {
  return hashSecret(code.toLowerCase().replace(/[\s-]/g, ""));
}
