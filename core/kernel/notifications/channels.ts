export type Channel = "mail" | "sms";
export type ChannelChoice = Record<Channel, boolean>;

/**
 * How a kind of notification shows and travels:
 * - `inApp`: an item under the bell (account mail such as a password reset has none);
 * - `optional`: the person may turn its mail/SMS off, and its mails carry an unsubscribe link;
 * - `urgent`: sent at once, never held for a digest or for the night.
 */
export type KindRules = {
  inApp: boolean;
  optional: boolean;
  urgent: boolean;
  /** What a person gets when neither they nor their tenant chose otherwise. */
  defaults: ChannelChoice;
  /** The link carries a secret made when the mail is sent (invitations): never stored in clear. */
  secretLink?: boolean;
};
