import { capabilities, type RegisteredCapability } from "../../capabilities.ts";
import { mergeDeclared } from "../capability.ts";
import type { FeatureKey } from "../tenants/features.ts";
import type { Channel, ChannelChoice, KindRules } from "./channels.ts";

/** Everything Portaal tells people about: the kernel's kinds and each registered capability's. */
export type KindDefinition = KindRules & {
  /** Only offered in tenants that have the capability. */
  feature?: FeatureKey;
};

export type { Channel, ChannelChoice };

/** The kernel's kinds: about one's account, whatever the tenant's features. */
const kernelKinds = {
  // A sign-in from a browser this account has not used before: the owner should know at once.
  "new-sign-in": { inApp: true, optional: true, urgent: true, defaults: { mail: true, sms: false } },
  // Account mail: always sent at once, whatever the hour; the person has no account to choose with yet.
  invitation: {
    inApp: false,
    optional: false,
    urgent: true,
    secretLink: true,
    defaults: { mail: true, sms: false },
  },
  "password-reset": {
    inApp: false,
    optional: false,
    urgent: true,
    secretLink: true,
    defaults: { mail: true, sms: false },
  },
  // An admin reset the second factors: the owner must hear of it, whether or not they asked for it.
  "second-factor-reset": { inApp: true, optional: false, urgent: true, defaults: { mail: true, sms: false } },
  "invitation-reminder": {
    inApp: false,
    optional: false,
    urgent: true,
    secretLink: true,
    defaults: { mail: true, sms: false },
  },
} as const satisfies Record<string, KindRules>;

/** Each capability's kinds belong to its feature: a tenant without it neither gets nor chooses them. */
const capabilityKinds = capabilities.map((capability) =>
  Object.fromEntries(
    Object.entries(capability.notificationKinds).map(([kind, rules]) => [
      kind,
      { ...rules, feature: capability.feature?.key },
    ]),
  ),
);

type KindsOf<C> = C extends { notificationKinds: infer Kinds } ? keyof Kinds & string : never;
export type NotificationKind = keyof typeof kernelKinds | KindsOf<RegisteredCapability>;

/** The capabilities' kinds first: the preference page lists them in this order. */
export const notificationKinds = mergeDeclared("notification kind", [
  ...capabilityKinds,
  kernelKinds as Record<string, KindDefinition>,
]) as Record<NotificationKind, KindDefinition>;

export const kindNames = Object.keys(notificationKinds) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(notificationKinds, value);
}

export function definitionOf(kind: NotificationKind): KindDefinition {
  return notificationKinds[kind];
}

/** The kinds a person of this tenant can choose about, in the order the preference page lists them. */
export function kindsFor(features: readonly FeatureKey[]): NotificationKind[] {
  return kindNames.filter((kind) => {
    const { feature, optional } = definitionOf(kind);
    return optional && (!feature || features.includes(feature));
  });
}
