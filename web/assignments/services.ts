import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import type { AssignmentDeps } from "../../core/assignments/desk.ts";

/** Assignments' part of what pages may use, built per request by `worker/assignments/services.ts`. */
export type AssignmentServices = {
  /** Assignments staff set for their clients, hand-ins and feedback (core/assignments/desk.ts). */
  assignmentsFor(tenant: Tenant): AssignmentDeps;
};
