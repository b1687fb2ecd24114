import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { ApiKey, ApiKeyRecord, ApiKeyStore } from "../../../core/kernel/auth/api-keys.ts";
import { apiScopes, type ApiScope } from "../../../core/kernel/auth/api-scopes.ts";
import { apiKeys, users } from "../schema.ts";
import { chunked, maxParameters, type TenantScope } from "../scope.ts";

const isScope = (scope: string): scope is ApiScope => (apiScopes as readonly string[]).includes(scope);

function toKey(row: typeof apiKeys.$inferSelect): ApiKey {
  return {
    id: row.id,
    name: row.name,
    // A scope that is no longer known grants nothing.
    scopes: row.scopes.filter(isScope),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    // Every key is made with an expiry; a row without one counts as expired.
    expiresAt: row.expiresAt ?? row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

const toRecord = (row: typeof apiKeys.$inferSelect): ApiKeyRecord => ({
  ...toKey(row),
  secretHash: row.secretHash,
});

export class D1ApiKeyStore implements ApiKeyStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async create(key: ApiKeyRecord): Promise<void> {
    await this.#scope.insert(apiKeys, key);
  }

  async find(id: string): Promise<ApiKeyRecord | null> {
    const row = await this.#scope.findById(apiKeys, id);
    return row ? toRecord(row) : null;
  }

  async list(): Promise<(ApiKey & { createdByName: string | null })[]> {
    const rows = await this.#scope.list(apiKeys, { orderBy: desc(apiKeys.createdAt), limit: 100 });
    const creators = [...new Set(rows.map((row) => row.createdBy))];
    const named = (
      await Promise.all(
        chunked(creators, maxParameters - 1).map((ids) =>
          this.#scope.list(users, { where: inArray(users.id, ids), limit: ids.length }),
        ),
      )
    ).flat();
    const names = new Map(named.map((user) => [user.id, user.displayName]));
    return rows.map((row) => ({ ...toKey(row), createdByName: names.get(row.createdBy) ?? null }));
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const rows = await this.#scope
      .updateWhere(apiKeys, and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))!, { revokedAt: at })
      .returning({ id: apiKeys.id });
    return rows.length > 0;
  }

  async touch(id: string, lastUsedAt: string): Promise<void> {
    await this.#scope.update(apiKeys, id, { lastUsedAt });
  }
}
