import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { GoalStore } from "../../core/goals/desk.ts";
import type { Goal, GoalComment, GoalStatus, ProgressPoint, SmartFields } from "../../core/goals/goal.ts";
import type { RequestKey } from "../../core/kernel/request-keys.ts";
import { once } from "../kernel/request-keys/once.ts";
import { users } from "../kernel/schema.ts";
import { goalComments, goalProgress, goals } from "./schema.ts";
import { chunked, maxParameters, type TenantScope } from "../kernel/scope.ts";

/** The newest this many progress steps and comments of a goal are shown. */
const shownPerGoal = 200;

const toGoal = ({ tenantId: _tenant, ...row }: typeof goals.$inferSelect): Goal => row;

export class D1GoalStore implements GoalStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async ofClient(clientUserId: string): Promise<Goal[]> {
    const rows = await this.#scope.list(goals, {
      where: eq(goals.clientUserId, clientUserId),
      orderBy: sql`case ${goals.status} when 'open' then 0 else 1 end, ${goals.createdAt} desc`,
      limit: 500,
    });
    return rows.map(toGoal);
  }

  async openOfClients(clientUserIds: readonly string[]): Promise<Goal[]> {
    const parts = await Promise.all(
      chunked(clientUserIds, maxParameters - 2).map((ids) =>
        this.#scope.list(goals, {
          where: and(inArray(goals.clientUserId, ids), eq(goals.status, "open")),
          limit: 5_000,
        }),
      ),
    );
    return parts.flat().map(toGoal);
  }

  async find(id: string): Promise<Goal | null> {
    const row = await this.#scope.findById(goals, id);
    return row ? toGoal(row) : null;
  }

  async history(goalId: string): Promise<ProgressPoint[]> {
    const rows = await this.#scope.joinMany(
      goalProgress,
      users,
      eq(users.id, goalProgress.byUserId),
      eq(goalProgress.goalId, goalId),
      { orderBy: desc(goalProgress.id), limit: shownPerGoal },
    );
    return rows.reverse().map(({ left, right }) => ({
      id: left.id,
      progress: left.progress,
      note: left.note,
      byUserId: left.byUserId,
      byName: right.displayName,
      at: left.at,
    }));
  }

  async comments(goalId: string): Promise<GoalComment[]> {
    const rows = await this.#scope.joinMany(
      goalComments,
      users,
      eq(users.id, goalComments.authorUserId),
      eq(goalComments.goalId, goalId),
      { orderBy: desc(goalComments.id), limit: shownPerGoal },
    );
    return rows.reverse().map(({ left, right }) => ({
      id: left.id,
      authorUserId: left.authorUserId,
      authorName: right.displayName,
      body: left.body,
      at: left.createdAt,
    }));
  }

  async create(goal: Goal, firstPointId: string, request?: RequestKey): Promise<string> {
    const statements = [
      this.#scope.insert(goals, goal),
      this.#scope.insert(goalProgress, {
        id: firstPointId,
        goalId: goal.id,
        progress: goal.progress,
        note: null,
        byUserId: goal.createdByUserId,
        at: goal.createdAt,
      }),
    ] as const;
    return (await once(this.#scope, request, goal.id, statements))!;
  }

  async update(id: string, fields: SmartFields, at: string): Promise<void> {
    await this.#scope.update(goals, id, { ...fields, updatedAt: at });
  }

  async moveProgress(
    id: string,
    point: Omit<ProgressPoint, "byName">,
    status?: { status: GoalStatus; closedAt: string | null },
  ): Promise<void> {
    await this.#scope.batch([
      this.#scope.update(goals, id, { progress: point.progress, updatedAt: point.at, ...status }),
      this.#scope.insert(goalProgress, {
        id: point.id,
        goalId: id,
        progress: point.progress,
        note: point.note,
        byUserId: point.byUserId,
        at: point.at,
      }),
    ]);
  }

  async setStatus(id: string, status: GoalStatus, closedAt: string | null, at: string): Promise<void> {
    await this.#scope.update(goals, id, { status, closedAt, updatedAt: at });
  }

  async addComment(goalId: string, comment: Omit<GoalComment, "authorName">): Promise<void> {
    await this.#scope.insert(goalComments, {
      id: comment.id,
      goalId,
      authorUserId: comment.authorUserId,
      body: comment.body,
      createdAt: comment.at,
    });
  }
}
