import type { FeatureKey } from "../tenants/features.ts";

/**
 * Everything Portaal tells people about. A kind decides where it shows and how it travels:
 * - `inApp`: an item under the bell (account mail such as a password reset has none);
 * - `optional`: the person may turn its mail/SMS off, and its mails carry an unsubscribe link;
 * - `urgent`: sent at once, never held for a digest or for the night;
 * - `feature`: only offered in tenants that have the capability.
 */
export type KindDefinition = {
  inApp: boolean;
  optional: boolean;
  urgent: boolean;
  feature?: FeatureKey;
  /** What a person gets when neither they nor their tenant chose otherwise. */
  defaults: ChannelChoice;
  /** The link carries a secret made when the mail is sent (invitations): never stored in clear. */
  secretLink?: boolean;
};

export type Channel = "mail" | "sms";
export type ChannelChoice = Record<Channel, boolean>;

export const notificationKinds = {
  message: {
    inApp: true,
    optional: true,
    urgent: false,
    feature: "messages",
    defaults: { mail: true, sms: false },
  },
  document: {
    inApp: true,
    optional: true,
    urgent: false,
    feature: "documents",
    defaults: { mail: true, sms: false },
  },
  assignment: {
    inApp: true,
    optional: true,
    urgent: false,
    feature: "assignments",
    defaults: { mail: true, sms: false },
  },
  // A client or their care team changed, moved or commented on a goal.
  goal: {
    inApp: true,
    optional: true,
    urgent: false,
    feature: "goals",
    defaults: { mail: true, sms: false },
  },
  questionnaire: {
    inApp: true,
    optional: true,
    urgent: false,
    feature: "questionnaires",
    defaults: { mail: true, sms: false },
  },
  booking: {
    inApp: true,
    optional: true,
    urgent: false,
    feature: "booking",
    defaults: { mail: true, sms: false },
  },
  // Before an appointment (cron, core/booking/reminders.ts).
  "booking-reminder": {
    inApp: true,
    optional: true,
    urgent: false,
    feature: "booking",
    defaults: { mail: true, sms: false },
  },
  // Time freed up on a day a client waits for; the offer runs out soon, so it never waits.
  "waitlist-offer": {
    inApp: true,
    optional: true,
    urgent: true,
    feature: "booking",
    defaults: { mail: true, sms: false },
  },
  "ticket-reply": {
    inApp: true,
    optional: true,
    urgent: false,
    feature: "tickets",
    defaults: { mail: true, sms: false },
  },
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
} as const satisfies Record<string, KindDefinition>;

export type NotificationKind = keyof typeof notificationKinds;

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
