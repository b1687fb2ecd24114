import { keepDeletedDays, purgeDeleted } from "../../core/documents/documents.ts";
import { tenantsWithDeletedDocuments } from "../../db/documents/maintenance.ts";
import { D1DocumentStore } from "../../db/documents/store.ts";
import type { HeldFiles } from "../capabilities.ts";

/** Deleted documents keep their files until the retention period is over; then both go. */
export const documentFiles: HeldFiles = {
  tenantsWithFilesToRemove: (database, now) =>
    tenantsWithDeletedDocuments(database, new Date(now.getTime() - keepDeletedDays * 24 * 60 * 60_000)),
  remove: (scope, files) => purgeDeleted({ documents: new D1DocumentStore(scope), files, now: files.now }),
};
