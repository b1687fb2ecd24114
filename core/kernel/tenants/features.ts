import { capabilities, type RegisteredCapability } from "../../capabilities.ts";

/**
 * Parts of the portal a tenant can have: the features of the registered capabilities. A plan
 * grants a set; a tenant's own toggles switch single features on or off on top of it. The
 * navigation shows exactly the effective features. A toggle or plan entry naming a feature that
 * is not registered (one whose capability is gone or not here yet) is ignored.
 */
type FeatureOf<C> = C extends { feature: { key: infer Key extends string } } ? Key : never;
export type FeatureKey = FeatureOf<RegisteredCapability>;
export type FeatureToggles = Partial<Record<FeatureKey, boolean>>;

const declared = capabilities.flatMap((capability) =>
  "feature" in capability
    ? [capability.feature as RegisteredCapability["feature"] & { key: FeatureKey }]
    : [],
);

/** In the order of the navigation column. */
export const featureKeys: readonly FeatureKey[] = declared.map((feature) => feature.key);

export function isFeatureKey(value: string): value is FeatureKey {
  return (featureKeys as readonly string[]).includes(value);
}

export function effectiveFeatures(
  planFeatures: readonly string[],
  toggles: Record<string, boolean>,
): FeatureKey[] {
  return featureKeys.filter((key) => toggles[key] ?? planFeatures.includes(key));
}

/**
 * Parts that exist per client: a client has their own, and staff open them inside the dossier of
 * one of their clients (`/clients/<client>/...`), so staff's navigation does not list them.
 */
export const perClientFeatures: readonly FeatureKey[] = declared
  .filter((feature) => "perClient" in feature && feature.perClient)
  .map((feature) => feature.key);

/** Where each feature lives in the app. */
export const featurePaths = Object.fromEntries(
  declared.map((feature) => [feature.key, feature.path]),
) as Record<FeatureKey, string>;

/** The features a plan includes, by the plans each capability names. */
export const featuresOfPlan = (planId: string): FeatureKey[] =>
  declared
    .filter((feature) => planId === "compleet" || (feature.plans as readonly string[]).includes(planId))
    .map((feature) => feature.key);
