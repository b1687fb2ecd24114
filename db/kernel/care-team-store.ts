import { and, asc, eq, inArray } from "drizzle-orm";
import type { AssignedClient, CareTeamStore, Coach } from "../../core/kernel/care-team/care-team.ts";
import { newId } from "../../core/kernel/ids.ts";
import { careTeamMembers, users } from "./schema.ts";
import type { TenantScope } from "./scope.ts";

export class D1CareTeamStore implements CareTeamStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async coachesOf(clientUserId: string): Promise<Coach[]> {
    const rows = await this.#scope.joinMany(
      careTeamMembers,
      users,
      eq(users.id, careTeamMembers.staffUserId),
      eq(careTeamMembers.clientUserId, clientUserId),
      { orderBy: asc(users.displayName) },
    );
    return rows.map(({ right }) => ({ userId: right.id, displayName: right.displayName }));
  }

  async clientsOf(staffUserId: string): Promise<AssignedClient[]> {
    const rows = await this.#scope.joinMany(
      careTeamMembers,
      users,
      eq(users.id, careTeamMembers.clientUserId),
      and(eq(careTeamMembers.staffUserId, staffUserId), eq(users.role, "client"), eq(users.status, "active")),
      { orderBy: asc(users.displayName), limit: 1_000 },
    );
    return rows.map(({ right }) => ({
      userId: right.id,
      displayName: right.displayName,
      email: right.email,
    }));
  }

  async possibleCoaches(): Promise<Coach[]> {
    const rows = await this.#scope.list(users, {
      where: and(inArray(users.role, ["staff", "admin"]), eq(users.status, "active")),
      orderBy: asc(users.displayName),
      limit: 1_000,
    });
    return rows.map((row) => ({ userId: row.id, displayName: row.displayName }));
  }

  async replace(clientUserId: string, staffUserIds: readonly string[], now: Date): Promise<void> {
    await this.#scope.batch([
      this.#scope.deleteWhere(careTeamMembers, eq(careTeamMembers.clientUserId, clientUserId)),
      ...staffUserIds.map((staffUserId) =>
        this.#scope.insert(careTeamMembers, careTeamRow(clientUserId, staffUserId, now)),
      ),
    ]);
  }
}

/** The row that puts a staff member in a client's care team (written in the invitation's batch). */
export function careTeamRow(clientUserId: string, staffUserId: string, now: Date) {
  return {
    id: newId("careTeamMember", now.getTime()),
    clientUserId,
    staffUserId,
    createdAt: now.toISOString(),
  };
}
