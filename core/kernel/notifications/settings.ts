import { z } from "zod";
import { knownKeysOnly } from "../tenants/known-keys.ts";
import { kindNames, type ChannelChoice, type NotificationKind } from "./kinds.ts";

const clockTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: "a time is written as HH:MM" });

/** A tenant's notification settings, part of its tenant settings. */
export const notificationSettingsSchema = z.object({
  /** What a person gets per kind until they choose themselves. */
  defaults: knownKeysOnly(kindNames, z.object({ mail: z.boolean(), sms: z.boolean() })),
  /** Non-urgent notifications wait this long so that several go out as one mail. */
  digestMinutes: z.number().int().min(0).max(60),
  /** Nothing non-urgent is sent between these times in the recipient's own time zone. */
  quietHours: z.object({ start: clockTime, end: clockTime }).nullable(),
  /** Whether a mail may name who caused it ("a new message from Sanne"). */
  showSender: z.boolean(),
});

export type QuietHours = { start: string; end: string };

export type NotificationSettings = {
  defaults: Partial<Record<NotificationKind, ChannelChoice>>;
  digestMinutes: number;
  quietHours: QuietHours | null;
  showSender: boolean;
};

export const defaultNotificationSettings: NotificationSettings = {
  defaults: {},
  digestMinutes: 5,
  quietHours: { start: "22:00", end: "07:00" },
  showSender: true,
};
