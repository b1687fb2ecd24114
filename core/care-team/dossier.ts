import type { AuditLog, RequestOrigin } from "../audit/audit.ts";
import type { AssignedClient, CareTeamStore } from "./care-team.ts";

/**
 * A staff member's way into a client's dossier: only the clients whose care team they are in.
 * Opening a dossier shows the client's name and what is open for them, so it is audited.
 */
export type DossierDeps = { careTeams: Pick<CareTeamStore, "clientsOf">; audit: AuditLog };

export async function openDossier(
  deps: DossierDeps,
  staffUserId: string,
  clientUserId: string,
  origin: RequestOrigin,
): Promise<AssignedClient | null> {
  const client = (await deps.careTeams.clientsOf(staffUserId)).find((each) => each.userId === clientUserId);
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
