import { and, desc, eq, isNull } from "drizzle-orm";
import { newId } from "../../../core/kernel/ids.ts";
import type { Invitation, InvitationStore, InvitedPerson } from "../../../core/kernel/auth/invitations.ts";
import type { Placement } from "../../../core/kernel/organisations/organisations.ts";
import { careTeamRow } from "../care-team-store.ts";
import { placementRow } from "../organisation-store.ts";
import { careTeamMembers, invitationLinks, invitations, organisationMembers, users } from "../schema.ts";
import type { TenantScope } from "../scope.ts";

type InvitationRow = typeof invitations.$inferSelect;
const toInvitation = ({ tenantId: _tenant, ...row }: InvitationRow): Invitation => row;

export type UserOverview = {
  id: string;
  email: string;
  displayName: string;
  role: InvitedPerson["role"];
  status: "invited" | "active" | "disabled";
  invitation: Invitation | null;
};

export class D1InvitationStore implements InvitationStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async holderOf(email: string) {
    const user = await this.#scope.findOne(users, eq(users.email, email));
    return user ? { id: user.id, status: user.status } : null;
  }

  async create(person: InvitedPerson, invitation: Invitation, placement: Placement): Promise<void> {
    await this.#scope.batch([
      this.#scope.insert(users, { ...person, status: "invited", createdAt: invitation.createdAt }),
      this.#scope.insert(invitations, invitation),
      ...this.#placementWrites(person.id, placement, new Date(invitation.createdAt)),
    ]);
  }

  /** The rows that place a person; ones that exist already (invited before) stay as they are. */
  #placementWrites(userId: string, placement: Placement, now: Date) {
    const { organisation, coachIds } = placement;
    return [
      ...(organisation
        ? [
            this.#scope
              .insert(organisationMembers, placementRow(organisation.id, userId, organisation.role, now))
              .onConflictDoNothing(),
          ]
        : []),
      ...coachIds.map((coachId) =>
        this.#scope.insert(careTeamMembers, careTeamRow(userId, coachId, now)).onConflictDoNothing(),
      ),
    ];
  }

  async reinvite(invitation: Invitation, placement: Placement): Promise<void> {
    // Older invitations of the person end: only the newest one's links work.
    await this.#scope.batch([
      this.#scope.updateWhere(
        invitations,
        and(
          eq(invitations.userId, invitation.userId),
          isNull(invitations.revokedAt),
          isNull(invitations.acceptedAt),
        )!,
        {
          revokedAt: invitation.createdAt,
        },
      ),
      this.#scope.insert(invitations, invitation),
      ...this.#placementWrites(invitation.userId, placement, new Date(invitation.createdAt)),
    ]);
  }

  async find(id: string): Promise<{ invitation: Invitation; person: InvitedPerson } | null> {
    const found = await this.#scope.joinOne(
      invitations,
      users,
      eq(users.id, invitations.userId),
      eq(invitations.id, id),
    );
    if (!found) return null;
    const { id: personId, email, displayName, role, language, timeZone } = found.right;
    return {
      invitation: toInvitation(found.left),
      person: { id: personId, email, displayName, role, language, timeZone },
    };
  }

  async addLink(invitationId: string, secretHash: string, now: Date): Promise<void> {
    await this.#scope.insert(invitationLinks, {
      id: newId("invitationLink", now.getTime()),
      invitationId,
      secretHash,
      createdAt: now.toISOString(),
    });
  }

  async linkHashes(invitationId: string): Promise<string[]> {
    const rows = await this.#scope.list(invitationLinks, {
      where: eq(invitationLinks.invitationId, invitationId),
    });
    return rows.map((row) => row.secretHash);
  }

  async extend(invitationId: string, expiresAt: Date): Promise<void> {
    await this.#scope.update(invitations, invitationId, { expiresAt: expiresAt.toISOString() });
  }

  async accept(invitation: Invitation, passwordHash: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.#scope.batch([
      this.#scope.update(users, invitation.userId, { status: "active", passwordHash, termsAcceptedAt: at }),
      this.#scope.update(invitations, invitation.id, { acceptedAt: at }),
      this.#scope.deleteWhere(invitationLinks, eq(invitationLinks.invitationId, invitation.id)),
    ]);
  }

  async revoke(invitation: Invitation, now: Date): Promise<void> {
    await this.#scope.batch([
      this.#scope.update(invitations, invitation.id, { revokedAt: now.toISOString() }),
      this.#scope.deleteWhere(invitationLinks, eq(invitationLinks.invitationId, invitation.id)),
    ]);
  }

  async countReminder(invitationId: string): Promise<void> {
    const found = await this.#scope.findById(invitations, invitationId);
    if (found)
      await this.#scope.update(invitations, invitationId, { remindersSent: found.remindersSent + 1 });
  }

  /** Everyone of the tenant with their latest invitation, for the admin's list. */
  async overview(): Promise<UserOverview[]> {
    const people = await this.#scope.list(users, { orderBy: users.displayName, limit: 500 });
    const sent = await this.#scope.list(invitations, { orderBy: desc(invitations.createdAt), limit: 500 });
    const latest = new Map<string, Invitation>();
    for (const row of sent) if (!latest.has(row.userId)) latest.set(row.userId, toInvitation(row));
    return people.map(({ id, email, displayName, role, status }) => ({
      id,
      email,
      displayName,
      role,
      status,
      invitation: latest.get(id) ?? null,
    }));
  }
}
