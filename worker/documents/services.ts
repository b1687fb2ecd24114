import { D1DocumentStore } from "../../db/documents/store.ts";
import { D1AuditLog } from "../../db/kernel/audit-log.ts";
import { D1CareTeamStore } from "../../db/kernel/care-team-store.ts";
import type { DocumentServices } from "../../web/documents/services.ts";
import type { ServicesOf } from "../capabilities.ts";

/** Documents' services of one request; the files themselves go through the kernel's upload path. */
export const documentServices: ServicesOf<DocumentServices> = ({
  data,
  notificationsFor,
  filesFor,
  now,
}) => ({
  documentsFor(tenant) {
    const scope = data.scopeIn(tenant.cell, tenant.id);
    return {
      documents: new D1DocumentStore(scope),
      files: filesFor(tenant),
      careTeams: new D1CareTeamStore(scope),
      audit: new D1AuditLog(scope),
      notify: notificationsFor(tenant).notify,
      now,
    };
  },
});
