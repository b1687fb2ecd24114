import { data, type AppLoadContext } from "@remix-run/cloudflare";
import { openDossier } from "../core/care-team/dossier.ts";
import { originOf, requirePermission } from "./auth.server.ts";

/**
 * The guard of every staff page about one client (`/clients/<client>/...`): a staff member or
 * admin in that client's care team. Anyone else learns nothing, not even that the client exists.
 */
export async function requireAssignedClient(context: AppLoadContext, request: Request, clientUserId: string) {
  const user = requirePermission(context, request, "clients:read-assigned");
  const client = await openDossier(
    context.services.clientsFor(user.tenant),
    user.account.id,
    clientUserId,
    originOf(request),
  );
  if (!client) throw data(null, { status: 404 });
  return { ...user, client };
}
