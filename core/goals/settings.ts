import { z } from "zod";

/** A tenant's rules for goals, part of its tenant settings. */
export const goalSettingsSchema = z.object({
  /**
   * Whether clients add, change, move and close their own goals (seed 000), or only read and
   * comment on what their care team sets (a treatment plan that staff keep, seed 001).
   */
  clientsMayEdit: z.boolean(),
});

export type GoalSettings = z.infer<typeof goalSettingsSchema>;

export const defaultGoalSettings: GoalSettings = { clientsMayEdit: true };
