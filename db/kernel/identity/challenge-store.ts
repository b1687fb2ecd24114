import { sql } from "drizzle-orm";
import type { Challenge, ChallengeStore } from "../../../core/kernel/auth/second-factor.ts";
import { signInChallenges } from "../schema.ts";
import type { TenantScope } from "../scope.ts";

export class D1ChallengeStore implements ChallengeStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async create(challenge: Challenge): Promise<void> {
    await this.#scope.insert(signInChallenges, challenge);
  }

  async find(challengeId: string): Promise<Challenge | null> {
    const row = await this.#scope.findById(signInChallenges, challengeId);
    if (!row) return null;
    const { id, userId, purpose, secretHash, webauthnChallenge, failures, createdAt, expiresAt } = row;
    return { id, userId, purpose, secretHash, webauthnChallenge, failures, createdAt, expiresAt };
  }

  async recordFailure(id: string): Promise<void> {
    await this.#scope.update(signInChallenges, id, { failures: sql`${signInChallenges.failures} + 1` });
  }

  async delete(id: string): Promise<void> {
    await this.#scope.delete(signInChallenges, id);
  }
}
