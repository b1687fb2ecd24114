import { planNames, type PlanId } from "../capability.ts";
import { featuresOfPlan } from "./features.ts";
import type { Plan } from "./tenant.ts";

/**
 * The plans Portaal sells. Each grants the features of the capabilities that name it ("compleet":
 * all); a tenant's own toggles switch single features on or off on top of its plan. Saved to the
 * control plane by `npm start` and by the operator command, so a plan named on the command line
 * always exists.
 */
export const standardPlans: Plan[] = (Object.keys(planNames) as PlanId[]).map((id) => ({
  id,
  name: planNames[id],
  features: featuresOfPlan(id),
}));
