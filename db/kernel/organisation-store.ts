import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { OrganisationRole } from "../../core/kernel/auth/permissions.ts";
import type {
  Member,
  Membership,
  Organisation,
  OrganisationStore,
} from "../../core/kernel/organisations/organisations.ts";
import { newId } from "../../core/kernel/ids.ts";
import { clientOrganisations, organisationMembers, users } from "./schema.ts";
import type { TenantScope } from "./scope.ts";

export class D1OrganisationStore implements OrganisationStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async membershipsOf(userId: string): Promise<Membership[]> {
    const rows = await this.#scope.joinMany(
      organisationMembers,
      clientOrganisations,
      eq(clientOrganisations.id, organisationMembers.organisationId),
      eq(organisationMembers.userId, userId),
      { orderBy: asc(clientOrganisations.name) },
    );
    return rows.map(({ left, right }) => ({
      organisationId: right.id,
      organisationName: right.name,
      role: left.role,
    }));
  }

  async list(): Promise<Organisation[]> {
    const rows = await this.#scope.list(clientOrganisations, {
      orderBy: asc(clientOrganisations.name),
      limit: 1_000,
    });
    return rows.map(({ id, name, createdAt }) => ({ id, name, createdAt }));
  }

  async find(id: string): Promise<Organisation | null> {
    const row = await this.#scope.findById(clientOrganisations, id);
    return row ? { id: row.id, name: row.name, createdAt: row.createdAt } : null;
  }

  async findByName(name: string): Promise<Organisation | null> {
    const row = await this.#scope.findOne(
      clientOrganisations,
      sql`lower(${clientOrganisations.name}) = lower(${name})`,
    );
    return row ? { id: row.id, name: row.name, createdAt: row.createdAt } : null;
  }

  async create(organisation: Organisation): Promise<void> {
    await this.#scope.insert(clientOrganisations, organisation);
  }

  async membersOf(organisationId: string): Promise<Member[]> {
    return this.#members(eq(organisationMembers.organisationId, organisationId));
  }

  async allMembers(): Promise<(Member & { organisationId: string })[]> {
    return this.#members();
  }

  async #members(condition?: SQL) {
    const rows = await this.#scope.joinMany(
      organisationMembers,
      users,
      eq(users.id, organisationMembers.userId),
      condition,
      { orderBy: asc(users.displayName), limit: 5_000 },
    );
    return rows.map(({ left, right }) => ({
      organisationId: left.organisationId,
      userId: right.id,
      displayName: right.displayName,
      email: right.email,
      status: right.status,
      role: left.role,
    }));
  }

  async place(organisationId: string, userId: string, role: OrganisationRole, now: Date): Promise<void> {
    await this.#scope
      .insert(organisationMembers, placementRow(organisationId, userId, role, now))
      .onConflictDoUpdate({
        target: [
          organisationMembers.tenantId,
          organisationMembers.organisationId,
          organisationMembers.userId,
        ],
        set: { role },
      });
  }

  async remove(organisationId: string, userId: string): Promise<void> {
    await this.#scope.deleteWhere(
      organisationMembers,
      and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId))!,
    );
  }
}

/** The row that places a person in an organisation (also written in the invitation's batch). */
export function placementRow(organisationId: string, userId: string, role: OrganisationRole, now: Date) {
  return {
    id: newId("organisationMember", now.getTime()),
    organisationId,
    userId,
    role,
    createdAt: now.toISOString(),
  };
}
