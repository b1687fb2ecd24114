import { D1AssignmentStore } from "../../db/assignments/store.ts";
import { D1AuditLog } from "../../db/kernel/audit-log.ts";
import { D1FileStore } from "../../db/kernel/files/file-store.ts";
import type { AssignmentServices } from "../../web/assignments/services.ts";
import type { ServicesOf } from "../capabilities.ts";

/** Assignments' services of one request. */
export const assignmentServices: ServicesOf<AssignmentServices> = ({ data, notificationsFor, now }) => ({
  assignmentsFor(tenant) {
    const scope = data.scopeIn(tenant.cell, tenant.id);
    return {
      store: new D1AssignmentStore(scope),
      files: new D1FileStore(scope),
      audit: new D1AuditLog(scope),
      notify: notificationsFor(tenant).notify,
      now,
    };
  },
});
