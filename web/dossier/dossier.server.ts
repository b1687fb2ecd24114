import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { assignedClient, openDossier } from "../../core/kernel/care-team/dossier.ts";
import { guard, originOf } from "../kernel/auth.server.ts";

/**
 * The guard of every staff page about one client (`/clients/<client>/...`): a staff member or
 * admin in that client's care team; anyone else gets 404. The part's own reads are audited by
 * the part; `audited` also records the opening of the dossier itself.
 */
export async function requireAssignedClient(
  context: AppLoadContext,
  request: Request,
  clientUserId: string,
  { audited = false } = {},
) {
  const user = guard({ context, request }, { permission: "clients:read-assigned" });
  const clients = context.services.clientsFor(user.tenant);
  const client = audited
    ? await openDossier(clients, user.account.id, clientUserId, originOf(request))
    : await assignedClient(clients.careTeams, user.account.id, clientUserId);
  if (!client) throw data(null, { status: 404 });
  return { ...user, client };
}
