import { capabilities } from "../capabilities.ts";
import { mergeDeclared } from "./capability.ts";

/*
 * Prefixed, time-sortable identifiers: `ten_01J...`. The prefix tells a reader (and a log line)
 * what kind of object an id belongs to; the first ten characters sort by creation time so that
 * indexes stay append-friendly, the remaining sixteen are 80 random bits.
 */
/** The kernel's kinds of object; each capability declares its own (core/<capability>/capability.ts). */
const kernelPrefixes = {
  tenant: "ten",
  user: "usr",
  plan: "pln",
  settings: "set",
  session: "ses",
  audit: "aud",
  request: "req",
  notification: "ntf",
  delivery: "dlv",
  batch: "bat",
  preference: "prf",
  outbox: "obx",
  invitation: "inv",
  invitationLink: "inl",
  passwordReset: "pwr",
  totp: "otp",
  recoveryCode: "rec",
  challenge: "chl",
  passkey: "psk",
  organisation: "org",
  organisationMember: "orm",
  careTeamMember: "ctm",
  apiKey: "key",
  file: "fil",
  filePart: "fpt",
  requestKey: "rqk",
} as const;

const prefixes = mergeDeclared("id kind", [
  kernelPrefixes,
  ...capabilities.map((capability) => capability.ids),
]);

/** Every prefix once: two kinds with one prefix could not be told apart in a log line. */
export const idPrefixes: readonly string[] = Object.values(prefixes);

export type IdKind = keyof typeof prefixes;
export type Id<K extends IdKind> = `${(typeof prefixes)[K]}_${string}`;

// Crockford's base32: no I, L, O or U, so ids survive being read aloud or typed over.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function encodeTime(ms: number): string {
  let out = "";
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = alphabet[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let out = "";
  for (const byte of bytes) out += alphabet[byte % 32];
  return out;
}

export function newId<K extends IdKind>(kind: K, now: number = Date.now()): Id<K> {
  return `${prefixes[kind]}_${encodeTime(now)}${encodeRandom()}` as Id<K>;
}

export function isId<K extends IdKind>(kind: K, value: string): value is Id<K> {
  return new RegExp(`^${prefixes[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value);
}
