import type { Actor, AssignmentDeps } from "./desk.ts";

/**
 * Counts for the dossier and home tiles. They name no assignment and no client, so reading them
 * is not a read of anyone's dossier.
 */
export type ClientSummary = { new: number; open: number; handedIn: number; reviewed: number };
export type StaffSummary = { awaitingReview: number };

/** A client's tile: new (never opened) and open (not yet handed in) assignments. */
export async function clientSummary(
  deps: Pick<AssignmentDeps, "store">,
  client: Actor,
): Promise<ClientSummary> {
  const summary: ClientSummary = { new: 0, open: 0, handedIn: 0, reviewed: 0 };
  if (client.role !== "client") return summary;
  for (const { copy } of await deps.store.ofClient(client.id)) {
    if (copy.openedAt === null) summary.new += 1;
    summary[copy.status] += 1;
  }
  return summary;
}

/** A staff member's tile: hand-ins of their clients awaiting feedback on what they set. */
export async function staffSummary(deps: Pick<AssignmentDeps, "store">, staff: Actor): Promise<StaffSummary> {
  if (staff.role !== "staff" && staff.role !== "admin") return { awaitingReview: 0 };
  const set = await deps.store.setBy(staff.id);
  return { awaitingReview: set.reduce((sum, item) => sum + item.counts.handedIn, 0) };
}
