import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { SecondFactorStore, TotpFactor } from "../../../core/kernel/auth/second-factor.ts";
import { newId } from "../../../core/kernel/ids.ts";
import { passkeys, recoveryCodes, totpFactors } from "../schema.ts";
import type { TenantScope } from "../scope.ts";

export class D1SecondFactorStore implements SecondFactorStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async totpOf(userId: string): Promise<{ confirmed: TotpFactor | null; pending: TotpFactor | null }> {
    const rows = await this.#scope.list(totpFactors, { where: eq(totpFactors.userId, userId) });
    return {
      confirmed: rows.find((row) => row.confirmedAt) ?? null,
      pending: rows.find((row) => !row.confirmedAt) ?? null,
    };
  }

  async startTotp(factor: TotpFactor): Promise<void> {
    await this.#scope.batch([
      this.#scope.deleteWhere(
        totpFactors,
        and(eq(totpFactors.userId, factor.userId), isNull(totpFactors.confirmedAt))!,
      ),
      this.#scope.insert(totpFactors, factor),
    ]);
  }

  async confirmTotp(
    factor: TotpFactor,
    timeStep: number,
    recoveryHashes: string[],
    now: string,
  ): Promise<void> {
    const ofUser = eq(totpFactors.userId, factor.userId);
    await this.#scope.batch([
      this.#scope.deleteWhere(totpFactors, and(ofUser, sql`${totpFactors.id} <> ${factor.id}`)!),
      this.#scope.update(totpFactors, factor.id, { confirmedAt: now, lastTimeStep: timeStep }),
      ...this.#replaceCodes(factor.userId, recoveryHashes, now),
    ]);
  }

  async useTimeStep(factorId: string, timeStep: number): Promise<boolean> {
    const rows = await this.#scope
      .updateWhere(totpFactors, and(eq(totpFactors.id, factorId), lt(totpFactors.lastTimeStep, timeStep))!, {
        lastTimeStep: timeStep,
      })
      .returning({ id: totpFactors.id });
    return rows.length === 1;
  }

  async useRecoveryCode(userId: string, codeHash: string, now: string): Promise<boolean> {
    const rows = await this.#scope
      .updateWhere(
        recoveryCodes,
        and(
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, codeHash),
          isNull(recoveryCodes.usedAt),
        )!,
        { usedAt: now },
      )
      .returning({ id: recoveryCodes.id });
    return rows.length > 0;
  }

  recoveryCodesLeft(userId: string): Promise<number> {
    return this.#scope.count(
      recoveryCodes,
      and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)),
    );
  }

  async replaceRecoveryCodes(userId: string, recoveryHashes: string[], now: string): Promise<void> {
    const [first, ...rest] = this.#replaceCodes(userId, recoveryHashes, now);
    await this.#scope.batch([first, ...rest]);
  }

  #replaceCodes(userId: string, recoveryHashes: string[], now: string) {
    return [
      this.#scope.deleteWhere(recoveryCodes, eq(recoveryCodes.userId, userId)),
      ...this.#scope.insertAll(
        recoveryCodes,
        recoveryHashes.map((codeHash) => ({ id: newId("recoveryCode"), userId, codeHash, createdAt: now })),
      ),
    ] as const;
  }

  async removeTotp(userId: string): Promise<void> {
    await this.#scope.batch([
      this.#scope.deleteWhere(totpFactors, eq(totpFactors.userId, userId)),
      this.#scope.deleteWhere(recoveryCodes, eq(recoveryCodes.userId, userId)),
    ]);
  }

  async removeAll(userId: string): Promise<void> {
    await this.#scope.batch([
      this.#scope.deleteWhere(totpFactors, eq(totpFactors.userId, userId)),
      this.#scope.deleteWhere(recoveryCodes, eq(recoveryCodes.userId, userId)),
      this.#scope.deleteWhere(passkeys, eq(passkeys.userId, userId)),
    ]);
  }

  async hasPasskey(userId: string): Promise<boolean> {
    return (await this.#scope.count(passkeys, eq(passkeys.userId, userId))) > 0;
  }

  async hasSecondFactor(userId: string): Promise<boolean> {
    const [totp, keys] = await Promise.all([
      this.#scope.count(totpFactors, and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt))),
      this.#scope.count(passkeys, eq(passkeys.userId, userId)),
    ]);
    return totp + keys > 0;
  }
}
