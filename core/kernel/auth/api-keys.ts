import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import { isId } from "../ids.ts";
import { hashSecret, newSecretToken, parseSecretToken, sameHash } from "../platform/secret-token.ts";
import type { Account } from "./accounts.ts";
import type { ApiScope } from "./api-scopes.ts";
import { confirmPassword, type ReauthDeps } from "./reauth.ts";

/**
 * Every key starts with this, so secret scanners (and people) recognise a pasted Portaal key:
 * `portaal_key_<26 characters>.<32 characters>` (ADR 0009).
 */
export const apiKeyPrefix = "portaal_";

export type ApiKey = {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type ApiKeyRecord = ApiKey & { secretHash: string };

/** The tenant's keys; implemented in db/ over the tenant's cell. */
export interface ApiKeyStore {
  create(key: ApiKeyRecord): Promise<void>;
  find(id: string): Promise<ApiKeyRecord | null>;
  /** Newest first, with the name of the admin who made each. */
  list(): Promise<(ApiKey & { createdByName: string | null })[]>;
  /** Marks a live key revoked; false when there is no such key or it was revoked already. */
  revoke(id: string, at: string): Promise<boolean>;
  touch(id: string, lastUsedAt: string): Promise<void>;
}

export type ApiKeyDeps = ReauthDeps & { apiKeys: ApiKeyStore; audit: AuditLog; now(): Date };

export type ApiKeyStatus = "active" | "expired" | "revoked";

export function statusOf(key: Pick<ApiKey, "expiresAt" | "revokedAt">, now: Date): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  return now.getTime() >= new Date(key.expiresAt).getTime() ? "expired" : "active";
}

/** A new key as the admin chose it: a lifetime is one of `keyLifetimes` of api-scopes.ts. */
export type NewApiKey = { name: string; scopes: ApiScope[]; days: number };

export type CreateResult =
  { ok: true; key: ApiKey; token: string } | { ok: false; reason: "passwordWrong" | "throttled" };

/**
 * A new key, after the admin's own password. The key as a whole is returned once, for the admin
 * to copy; only the SHA-256 of its secret is kept (it is random, so no slow hash is needed).
 */
export async function createApiKey(
  deps: ApiKeyDeps,
  admin: Account,
  input: NewApiKey,
  password: string,
  client: RequestOrigin,
): Promise<CreateResult> {
  const confirmed = await confirmPassword(deps, admin, password, client, { action: "api-keys.create" });
  if (confirmed !== "ok") return { ok: false, reason: confirmed === "wrong" ? "passwordWrong" : "throttled" };
  const now = deps.now();
  const { id, secret, token } = newSecretToken("apiKey");
  const key: ApiKey = {
    id,
    name: input.name,
    scopes: [...new Set(input.scopes)],
    createdBy: admin.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + input.days * 86_400_000).toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.apiKeys.create({ ...key, secretHash: await hashSecret(secret) });
  await deps.audit.record({
    action: "api-keys.create",
    result: "success",
    actorUserId: admin.id,
    targetType: "api-key",
    targetId: key.id,
    ...client,
    detail: { name: key.name, scopes: key.scopes.join(" "), days: input.days },
  });
  return { ok: true, key, token: apiKeyPrefix + token };
}

/** Ends a key at once; false for a key of another tenant, an unknown one, or one already revoked. */
export async function revokeApiKey(
  deps: ApiKeyDeps,
  admin: Account,
  keyId: string,
  client: RequestOrigin,
): Promise<boolean> {
  const key = await deps.apiKeys.find(keyId);
  if (!key || !(await deps.apiKeys.revoke(key.id, deps.now().toISOString()))) return false;
  await deps.audit.record({
    action: "api-keys.revoke",
    result: "success",
    actorUserId: admin.id,
    targetType: "api-key",
    targetId: key.id,
    ...client,
    detail: { name: key.name },
  });
  return true;
}

/** Whether a bearer token is meant as an API key (rather than a session token). */
export const looksLikeApiKey = (token: string) => token.startsWith(apiKeyPrefix);

export type KeyCheck =
  | { ok: true; key: ApiKey }
  /** `key` is set when the token named a key of this tenant, so the refusal can be logged against it. */
  | { ok: false; reason: "malformed" | "unknown" | "forged" | "revoked" | "expired"; key?: ApiKey };

/** Writing "last used" on every call would turn every read into a write; once a minute is enough. */
const touchAfterMillis = 60_000;

/**
 * The live key of this tenant that the token proves. The secret is compared in constant time; a
 * key of another tenant is not found (the store is scoped to the tenant).
 */
export async function authenticateApiKey(
  deps: Pick<ApiKeyDeps, "apiKeys" | "now">,
  token: string,
): Promise<KeyCheck> {
  const parsed = looksLikeApiKey(token) ? parseSecretToken(token.slice(apiKeyPrefix.length)) : null;
  if (!parsed || !isId("apiKey", parsed.id)) return { ok: false, reason: "malformed" };
  const found = await deps.apiKeys.find(parsed.id);
  if (!found) return { ok: false, reason: "unknown" };
  const { secretHash, ...key } = found;
  if (!sameHash(await hashSecret(parsed.secret), secretHash)) return { ok: false, reason: "forged", key };
  const now = deps.now();
  const status = statusOf(key, now);
  if (status !== "active") return { ok: false, reason: status, key };
  if (!key.lastUsedAt || now.getTime() - new Date(key.lastUsedAt).getTime() > touchAfterMillis) {
    await deps.apiKeys.touch(key.id, now.toISOString());
    return { ok: true, key: { ...key, lastUsedAt: now.toISOString() } };
  }
  return { ok: true, key };
}
