import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt with one of OWASP's equivalent minimum settings (N=2^14, r=8, p=5: 16 MiB, five passes),
 * native in workerd and in Node. The parameters travel inside the stored string, so they can be
 * raised later and old hashes still verify (and get re-hashed at the next sign-in).
 * See docs/decisions/0006-password-hashing.md.
 */
export const scryptParameters = { N: 2 ** 14, r: 8, p: 5, keyLength: 32, saltLength: 16 };

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize("NFKC"),
      salt,
      keyLength,
      { N, r, p, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength, saltLength } = scryptParameters;
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, N, r, p, keyLength);
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !N || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(
    password,
    Buffer.from(salt, "base64"),
    Number(N),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(key, expected);
}

export function needsRehash(stored: string): boolean {
  const { N, r, p } = scryptParameters;
  return !stored.startsWith(`scrypt$${N}$${r}$${p}$`);
}

/**
 * Verifying against this when an e-mail address is unknown costs the same as a real check, so
 * the answer's timing does not tell whether an account exists.
 */
export const unknownUserHash =
  "scrypt$16384$8$5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
