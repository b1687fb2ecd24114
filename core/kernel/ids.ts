/**
 * Prefixed, time-sortable identifiers: `ten_01J...`. The prefix tells a reader (and a log line)
 * what kind of object an id belongs to; the first ten characters sort by creation time so that
 * indexes stay append-friendly, the remaining sixteen are 80 random bits.
 */
const prefixes = {
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
  booking: "bkg",
  bookingProfile: "bpr",
  availabilityWindow: "avw",
  availabilityException: "avx",
  appointmentType: "apt",
  waitlistEntry: "wle",
  calendarFeed: "cfd",
  file: "fil",
  filePart: "fpt",
  document: "doc",
  assignment: "asg",
  assignmentCopy: "asc",
  assignmentEntry: "ase",
  assignmentFile: "asf",
  conversation: "cnv",
  participant: "cnp",
  message: "msg",
  messageEdit: "mse",
  messageDraft: "mdr",
  messageAttachment: "att",
  goal: "gol",
  goalProgress: "gpr",
  goalComment: "gcm",
} as const;

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
