import { timingSafeEqual } from "node:crypto";
import { newId, type IdKind } from "../ids.ts";

/**
 * A secret token is `<id>.<secret>` (sessions, unsubscribe links): the id finds the row, the
 * secret proves possession. Only the SHA-256 of the secret is stored and it is compared in
 * constant time, so a leaked table cannot be replayed.
 */
export function newSecretToken(
  kind: IdKind,
  id: string = newId(kind),
): { id: string; secret: string; token: string } {
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64url");
  return { id, secret, token: `${id}.${secret}` };
}

export function parseSecretToken(token: string | undefined): { id: string; secret: string } | null {
  const [id, secret, ...rest] = (token ?? "").split(".");
  return id && secret && rest.length === 0 ? { id, secret } : null;
}

export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return Buffer.from(digest).toString("hex");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
