import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import type { AssignedClient, CareTeamStore } from "./care-team.ts";

/**
 * A staff member's way into a client's dossier: only the clients whose care team they are in.
 * Anyone else learns nothing, not even that the client exists.
 */
export type DossierDeps = { careTeams: Pick<CareTeamStore, "clientsOf">; audit: AuditLog };

/** The client, when this staff member is in their care team. Each part audits what it shows. */
export async function assignedClient(
  careTeams: Pick<CareTeamStore, "clientsOf">,
  staffUserId: string,
  clientUserId: string,
): Promise<AssignedClient | null> {
  return (await careTeams.clientsOf(staffUserId)).find((each) => each.userId === clientUserId) ?? null;
}

/** The dossier's own page shows the client's name and what is open for them, so opening it is audited. */
export async function openDossier(
  deps: DossierDeps,
  staffUserId: string,
  clientUserId: string,
  origin: RequestOrigin,
): Promise<AssignedClient | null> {
  const client = await assignedClient(deps.careTeams, staffUserId, clientUserId);
  if (!client) return null;
  await deps.audit.record({
    action: "dossier.open",
    result: "success",
    actorUserId: staffUserId,
    clientUserId,
    targetType: "user",
    targetId: clientUserId,
    ...origin,
  });
  return client;
}
