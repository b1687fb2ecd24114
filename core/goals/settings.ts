import { z } from "zod";
import type { AuditLog, RequestOrigin } from "../kernel/audit/audit.ts";
import type { SettingsStore } from "../kernel/tenants/tenant.ts";

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

export type GoalSettingsDeps = { settings: SettingsStore; audit: AuditLog; tenantId: string };

/** The tenant admin decides whether clients edit their own goals; the change is audited. */
export async function saveGoalSettings(
  deps: GoalSettingsDeps,
  adminId: string,
  goals: GoalSettings,
  origin: RequestOrigin,
): Promise<boolean> {
  const settings = await deps.settings.read(deps.tenantId);
  if (!settings) return false;
  await deps.settings.write(deps.tenantId, { ...settings, goals });
  await deps.audit.record({
    action: "goals.settings-change",
    result: "success",
    actorUserId: adminId,
    targetType: "tenant",
    targetId: deps.tenantId,
    ...origin,
    detail: goals,
  });
  return true;
}
