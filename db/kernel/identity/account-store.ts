import { eq, gt } from "drizzle-orm";
import type {
  Account,
  AccountStore,
  PeopleDirectory,
  PersonSummary,
} from "../../../core/kernel/auth/accounts.ts";
import type { Role } from "../../../core/kernel/auth/permissions.ts";
import type { Language } from "../../../core/kernel/tenants/languages.ts";
import type { UserAdminStore } from "../../../core/kernel/auth/user-admin.ts";
import { users } from "../schema.ts";
import type { TenantScope } from "../scope.ts";

type UserRow = typeof users.$inferSelect;

export function toAccount(row: UserRow): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    status: row.status,
    language: row.language,
    timeZone: row.timeZone,
    passwordHash: row.passwordHash,
    mustChangePassword: row.mustChangePassword,
  };
}

export class D1AccountStore implements AccountStore, UserAdminStore, PeopleDirectory {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async byEmail(email: string): Promise<Account | null> {
    const row = await this.#scope.findOne(users, eq(users.email, email));
    return row ? toAccount(row) : null;
  }

  async setPassword(id: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    await this.#scope.update(users, id, { passwordHash, mustChangePassword });
  }

  async findById(id: string): Promise<Account | null> {
    const row = await this.#scope.findById(users, id);
    return row ? toAccount(row) : null;
  }

  async setLanguage(id: string, language: Language): Promise<void> {
    await this.#scope.update(users, id, { language });
  }

  async setStatus(id: string, status: "active" | "disabled"): Promise<void> {
    await this.#scope.update(users, id, { status });
  }

  async setRole(id: string, role: Role): Promise<void> {
    await this.#scope.update(users, id, { role });
  }

  async after(cursor: string | null, limit: number): Promise<PersonSummary[]> {
    const rows = await this.#scope.list(users, {
      where: cursor ? gt(users.id, cursor) : undefined,
      orderBy: users.id,
      limit,
    });
    return rows.map(({ id, email, displayName, role, status, createdAt }) => ({
      id,
      email,
      displayName,
      role,
      status,
      createdAt,
    }));
  }
}
