/**
 * A client's care team: the staff members who work with them (their coach, practitioners, care
 * manager). Staff see the dossiers, conversations and agendas of the clients in their teams.
 */

export type Coach = { userId: string; displayName: string };

/** The tenant's care teams; implemented in db/ over the tenant's cell. */
export interface CareTeamStore {
  coachesOf(clientUserId: string): Promise<Coach[]>;
  /** Everyone who can be in a care team: the tenant's active staff and admins. */
  possibleCoaches(): Promise<Coach[]>;
}
