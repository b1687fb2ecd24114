import { featureKeys, type FeatureKey } from "./features.ts";
import type { Plan } from "./tenant.ts";

/**
 * The plans Portaal sells. Each grants a set of features; a tenant's own toggles switch single
 * features on or off on top of its plan. Saved to the control plane by `npm start` and by the
 * operator command, so a plan named on the command line always exists.
 */
const plan = (id: string, name: string, features: FeatureKey[]): Plan => ({ id, name, features });

export const standardPlans: Plan[] = [
  plan("basis", "Basis", ["messages", "documents"]),
  plan("begeleiding", "Begeleiding", [
    "messages",
    "documents",
    "assignments",
    "goals",
    "booking",
    "questionnaires",
    "treatmentPlan",
    "forum",
    "library",
  ]),
  plan("zorg", "Zorg thuis", ["documents", "planning", "contactRequests", "absence", "contactPersons"]),
  plan("zakelijk", "Zakelijk", ["messages", "documents", "tickets", "projects", "invoices", "organisation"]),
  plan("compleet", "Compleet", [...featureKeys]),
];
