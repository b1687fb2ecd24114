import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import type { Account } from "../auth/accounts.ts";

/**
 * A client's care team: the staff members who work with them (their coach, practitioners, care
 * manager). Staff see the dossiers, conversations and agendas of the clients in their teams.
 */

export type Coach = { userId: string; displayName: string };
export type AssignedClient = { userId: string; displayName: string; email: string };

/** The tenant's care teams; implemented in db/ over the tenant's cell. */
export interface CareTeamStore {
  coachesOf(clientUserId: string): Promise<Coach[]>;
  /** The active clients whose care team has this staff member, by name. */
  clientsOf(staffUserId: string): Promise<AssignedClient[]>;
  /** Everyone who can be in a care team: the tenant's active staff and admins. */
  possibleCoaches(): Promise<Coach[]>;
  /** The client's care team becomes exactly these staff members, in one batch. */
  replace(clientUserId: string, staffUserIds: readonly string[], now: Date): Promise<void>;
}

/** Whether this staff member is in the client's care team: what lets staff near a client's data. */
export async function inCareTeam(
  careTeams: Pick<CareTeamStore, "coachesOf">,
  staffUserId: string,
  clientUserId: string,
): Promise<boolean> {
  return (await careTeams.coachesOf(clientUserId)).some((coach) => coach.userId === staffUserId);
}

export type CareTeamDeps = { careTeams: CareTeamStore; audit: AuditLog; now(): Date };

export type CareTeamChange = { ok: true } | { ok: false; reason: "notFound" | "coachUnknown" };

/**
 * A tenant admin sets who works with a client. Only a client of this tenant has a care team, and
 * only the tenant's own active staff and admins can be in it.
 */
export async function setCareTeam(
  deps: CareTeamDeps,
  adminId: string,
  client: Pick<Account, "id" | "role"> | null,
  staffUserIds: readonly string[],
  origin: RequestOrigin,
): Promise<CareTeamChange> {
  if (!client || client.role !== "client") return { ok: false, reason: "notFound" };
  const possible = new Set((await deps.careTeams.possibleCoaches()).map((coach) => coach.userId));
  const chosen = [...new Set(staffUserIds)];
  if (chosen.some((id) => !possible.has(id))) return { ok: false, reason: "coachUnknown" };
  await deps.careTeams.replace(client.id, chosen, deps.now());
  await deps.audit.record({
    action: "users.care-team.change",
    result: "success",
    actorUserId: adminId,
    clientUserId: client.id,
    targetType: "user",
    targetId: client.id,
    ...origin,
    detail: { coaches: chosen.join(",") },
  });
  return { ok: true };
}
