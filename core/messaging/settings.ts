import { z } from "zod";

/** A tenant's messaging rules, part of its tenant settings. */
export const messagingSettingsSchema = z.object({
  /** A sender may change a published message this many minutes; 0: never. Old bodies stay visible. */
  editMinutes: z.number().int().min(0).max(60),
  /** Clients may write to any practitioner of the tenant (seed 001), not only their care team. */
  clientsWriteToAllStaff: z.boolean(),
});

export type MessagingSettings = z.infer<typeof messagingSettingsSchema>;

export const defaultMessagingSettings: MessagingSettings = { editMinutes: 0, clientsWriteToAllStaff: false };

export { messageLimits } from "./limits.ts";
