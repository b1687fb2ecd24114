import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";

/**
 * A software WebAuthn authenticator for workerd tests: an ES256 key made with WebCrypto, answers
 * built byte for byte as a platform authenticator builds them ("none" attestation, user present
 * and verified), so the server's real verification runs on them. `synced` sets the backup flags
 * and keeps the signature counter at 0, as synced passkeys do.
 */
export class SoftwareAuthenticator {
  readonly credentialId = crypto.getRandomValues(new Uint8Array(32));
  counter = 0;
  readonly #keys: CryptoKeyPair;
  readonly #synced: boolean;
  #userHandle = "";

  private constructor(keys: CryptoKeyPair, synced: boolean) {
    this.#keys = keys;
    this.#synced = synced;
  }

  static async create({ synced = false } = {}): Promise<SoftwareAuthenticator> {
    const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
    return new SoftwareAuthenticator(keys, synced);
  }

  get id(): string {
    return base64url(this.credentialId);
  }

  async register(
    options: PublicKeyCredentialCreationOptionsJSON,
    origin: string,
  ): Promise<RegistrationResponseJSON> {
    this.#userHandle = options.user.id;
    const raw = new Uint8Array((await crypto.subtle.exportKey("raw", this.#keys.publicKey)) as ArrayBuffer);
    const coseKey = cbor(
      new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, raw.slice(1, 33)],
        [-3, raw.slice(33)],
      ]),
    );
    const attested = concat(
      new Uint8Array(16),
      uint(this.credentialId.length, 2),
      this.credentialId,
      coseKey,
    );
    const authData = concat(await this.#authData(options.rp.id!, 0x40), attested);
    const clientData = clientDataJSON("webauthn.create", options.challenge, origin);
    const attestationObject = cbor(
      new Map<string, unknown>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: base64url(clientData),
        attestationObject: base64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  async authenticate(
    options: PublicKeyCredentialRequestOptionsJSON,
    origin: string,
  ): Promise<AuthenticationResponseJSON> {
    if (!this.#synced) this.counter += 1;
    const authData = await this.#authData(options.rpId!, 0);
    const clientData = clientDataJSON("webauthn.get", options.challenge, origin);
    const signed = concat(authData, new Uint8Array(await crypto.subtle.digest("SHA-256", clientData)));
    const signature = new Uint8Array(
      await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, this.#keys.privateKey, signed),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: base64url(clientData),
        authenticatorData: base64url(authData),
        signature: base64url(derSignature(signature)),
        userHandle: this.#userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /** RP id hash, flags (user present and verified, backup bits when synced, extra bits), counter. */
  async #authData(rpId: string, extraFlags: number): Promise<Uint8Array<ArrayBuffer>> {
    const rpIdHash = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(rpId)));
    const flags = 0x01 | 0x04 | (this.#synced ? 0x08 | 0x10 : 0) | extraFlags;
    return concat(rpIdHash, new Uint8Array([flags]), uint(this.counter, 4));
  }
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

function clientDataJSON(type: string, challenge: string, origin: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function uint(value: number, bytes: number): Uint8Array {
  return Uint8Array.from({ length: bytes }, (_, index) => (value >>> (8 * (bytes - 1 - index))) & 0xff);
}

/** WebCrypto signs ECDSA as r‖s; WebAuthn carries it DER-encoded. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = bytes.slice(start);
    const padded = trimmed[0]! & 0x80 ? concat(new Uint8Array([0]), trimmed) : trimmed;
    return concat(new Uint8Array([0x02, padded.length]), padded);
  };
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(new Uint8Array([0x30, body.length]), body);
}

/** The small part of CBOR an authenticator's answers use: integers, byte and text strings, maps. */
function cbor(value: unknown): Uint8Array {
  const head = (major: number, length: number) =>
    length < 24
      ? new Uint8Array([(major << 5) | length])
      : length < 256
        ? new Uint8Array([(major << 5) | 24, length])
        : concat(new Uint8Array([(major << 5) | 25]), uint(length, 2));
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = new TextEncoder().encode(value);
    return concat(head(3, bytes.length), bytes);
  }
  if (value instanceof Uint8Array) return concat(head(2, value.length), value);
  if (value instanceof Map) {
    return concat(head(5, value.size), ...[...value].flatMap(([key, item]) => [cbor(key), cbor(item)]));
  }
  throw new Error(`cbor: cannot encode ${typeof value}`);
}
