import { and, eq } from "drizzle-orm";
import type { Passkey, PasskeyStore } from "../../../core/kernel/auth/passkeys.ts";
import { passkeys } from "../schema.ts";
import type { TenantScope } from "../scope.ts";

function toPasskey(row: typeof passkeys.$inferSelect): Passkey {
  const { id, userId, credentialId, publicKey, counter, transports, backedUp, name, createdAt, lastUsedAt } =
    row;
  return { id, userId, credentialId, publicKey, counter, transports, backedUp, name, createdAt, lastUsedAt };
}

export class D1PasskeyStore implements PasskeyStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async listOf(userId: string): Promise<Passkey[]> {
    const rows = await this.#scope.list(passkeys, {
      where: eq(passkeys.userId, userId),
      orderBy: passkeys.createdAt,
    });
    return rows.map(toPasskey);
  }

  async byCredentialId(credentialId: string): Promise<Passkey | null> {
    const row = await this.#scope.findOne(passkeys, eq(passkeys.credentialId, credentialId));
    return row ? toPasskey(row) : null;
  }

  async add(passkey: Passkey): Promise<void> {
    await this.#scope.insert(passkeys, passkey);
  }

  async rename(userId: string, id: string, name: string): Promise<boolean> {
    const rows = await this.#scope
      .updateWhere(passkeys, and(eq(passkeys.id, id), eq(passkeys.userId, userId))!, { name })
      .returning({ id: passkeys.id });
    return rows.length === 1;
  }

  async remove(userId: string, id: string): Promise<boolean> {
    const rows = await this.#scope
      .deleteWhere(passkeys, and(eq(passkeys.id, id), eq(passkeys.userId, userId))!)
      .returning({ id: passkeys.id });
    return rows.length === 1;
  }

  async recordUse(id: string, counter: number, backedUp: boolean, at: string): Promise<void> {
    await this.#scope.update(passkeys, id, { counter, backedUp, lastUsedAt: at });
  }
}
