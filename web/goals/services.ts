import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import type { GoalDeps } from "../../core/goals/desk.ts";

/** Goals' part of what pages may use, built per request by `worker/goals/services.ts`. */
export type GoalServices = {
  /** A client's goals, for the client and their care team (core/goals/desk.ts). */
  goalsFor(tenant: Tenant): GoalDeps;
};
