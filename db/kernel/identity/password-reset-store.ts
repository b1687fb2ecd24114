import { and, eq, isNull } from "drizzle-orm";
import type { PasswordReset, PasswordResetStore } from "../../../core/kernel/auth/password-reset.ts";
import type { Account } from "../../../core/kernel/auth/accounts.ts";
import { toAccount } from "./account-store.ts";
import { passwordResets, users } from "../schema.ts";
import type { TenantScope } from "../scope.ts";

export class D1PasswordResetStore implements PasswordResetStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async create(reset: PasswordReset): Promise<void> {
    await this.#scope.insert(passwordResets, reset);
  }

  async find(id: string): Promise<{ reset: PasswordReset; account: Account } | null> {
    const found = await this.#scope.joinOne(
      passwordResets,
      users,
      eq(users.id, passwordResets.userId),
      eq(passwordResets.id, id),
    );
    if (!found) return null;
    const { userId, secretHash, createdAt, expiresAt, usedAt } = found.left;
    return {
      reset: { id: found.left.id, userId, secretHash, createdAt, expiresAt, usedAt },
      account: toAccount(found.right),
    };
  }

  async setSecret(id: string, secretHash: string): Promise<void> {
    await this.#scope.update(passwordResets, id, { secretHash });
  }

  async complete(reset: PasswordReset, passwordHash: string, now: Date): Promise<void> {
    await this.#scope.batch([
      this.#scope.update(users, reset.userId, { passwordHash, mustChangePassword: false }),
      this.#scope.updateWhere(
        passwordResets,
        and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt))!,
        {
          usedAt: now.toISOString(),
        },
      ),
    ]);
  }
}
