import { and, desc, eq, ne, type SQL } from "drizzle-orm";
import type { Account } from "../../../core/kernel/auth/accounts.ts";
import type { SessionRecord, SessionStore, SessionStrength } from "../../../core/kernel/auth/sessions.ts";
import { toAccount } from "./account-store.ts";
import { sessions, users } from "../schema.ts";
import type { TenantScope } from "../scope.ts";

function toRecord(row: typeof sessions.$inferSelect): SessionRecord {
  return {
    id: row.id,
    userId: row.userId,
    secretHash: row.secretHash,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    userAgent: row.userAgent,
    ipAddress: row.ipAddress,
    strength: row.strength,
    organisationId: row.organisationId,
  };
}

export class D1SessionStore implements SessionStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async create(session: SessionRecord): Promise<void> {
    await this.#scope.insert(sessions, session);
  }

  async find(id: string): Promise<SessionRecord | null> {
    const row = await this.#scope.findById(sessions, id);
    return row ? toRecord(row) : null;
  }

  async findWithAccount(id: string): Promise<{ session: SessionRecord; account: Account } | null> {
    const row = await this.#scope.joinOne(
      sessions,
      users,
      eq(users.id, sessions.userId),
      eq(sessions.id, id),
    );
    return row ? { session: toRecord(row.left), account: toAccount(row.right) } : null;
  }

  async listOf(userId: string): Promise<SessionRecord[]> {
    const rows = await this.#scope.list(sessions, {
      where: eq(sessions.userId, userId),
      orderBy: desc(sessions.lastSeenAt),
    });
    return rows.map(toRecord);
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    await this.#scope.update(sessions, id, { lastSeenAt });
  }

  async setStrength(id: string, strength: SessionStrength): Promise<void> {
    await this.#scope.update(sessions, id, { strength });
  }

  async setOrganisation(id: string, organisationId: string): Promise<void> {
    await this.#scope.update(sessions, id, { organisationId });
  }

  async end(id: string): Promise<void> {
    await this.#scope.delete(sessions, id);
  }

  async endAllOf(userId: string, except?: string): Promise<void> {
    await this.#scope.deleteWhere(
      sessions,
      and(eq(sessions.userId, userId), except ? ne(sessions.id, except) : undefined) as SQL,
    );
  }
}
