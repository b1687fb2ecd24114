import type { DocumentStore, Side } from "./documents.ts";

/** What the dossier tile counts as new: documents from the other side of the last fourteen days. */
export const newForDays = 14;

/**
 * How many documents in the client's dossier are new to the viewer: added by the other side
 * (staff for the client, the client for staff) within the last `newForDays` days and not deleted.
 * A fixed window rather than "since you last looked", so it needs no read marks per person.
 */
export async function newDocumentsCount(
  documents: Pick<DocumentStore, "ofClient">,
  viewer: { side: Side },
  clientUserId: string,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - newForDays * 24 * 60 * 60_000).toISOString();
  const all = await documents.ofClient(clientUserId, null);
  return all.filter((document) => document.side !== viewer.side && document.createdAt >= since).length;
}
