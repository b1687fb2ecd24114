/**
 * Capabilities a tenant can have. A plan grants a set; a tenant's own toggles switch single
 * features on or off on top of it. The navigation shows exactly the effective features.
 */
export const featureKeys = [
  "messages",
  "documents",
  "assignments",
  "goals",
  "booking",
  "questionnaires",
  "treatmentPlan",
  "planning",
  "contactRequests",
  "absence",
  "contactPersons",
  "tickets",
  "projects",
  "invoices",
  "organisation",
  "forum",
  "library",
] as const;

export type FeatureKey = (typeof featureKeys)[number];
export type FeatureToggles = Partial<Record<FeatureKey, boolean>>;

export function isFeatureKey(value: string): value is FeatureKey {
  return (featureKeys as readonly string[]).includes(value);
}

export function effectiveFeatures(
  planFeatures: readonly FeatureKey[],
  toggles: FeatureToggles,
): FeatureKey[] {
  return featureKeys.filter((key) => toggles[key] ?? planFeatures.includes(key));
}

/**
 * Parts that exist per client: a client has their own, and staff open them inside the dossier of
 * one of their clients (`/clients/<client>/...`), so staff's navigation does not list them.
 */
export const perClientFeatures: readonly FeatureKey[] = ["documents"];

/** Where each feature lives in the app; the order is the order of the navigation column. */
export const featurePaths: Record<FeatureKey, string> = {
  messages: "/messages",
  documents: "/documents",
  assignments: "/assignments",
  goals: "/goals",
  booking: "/booking",
  questionnaires: "/questionnaires",
  treatmentPlan: "/plan",
  planning: "/planning",
  contactRequests: "/contact-requests",
  absence: "/absence",
  contactPersons: "/contact-persons",
  tickets: "/tickets",
  projects: "/projects",
  invoices: "/invoices",
  organisation: "/organisation",
  forum: "/forum",
  library: "/library",
};
