import { declareCapability } from "../kernel/capability.ts";
import { defaultGoalSettings, goalSettingsSchema } from "./settings.ts";

/** A client's goals, kept with their care team. */
export const goals = declareCapability({
  name: "goals",
  feature: { key: "goals", path: "/goals", plans: ["begeleiding"] },
  ids: { goal: "gol", goalProgress: "gpr", goalComment: "gcm" },
  notificationKinds: {
    // A client or their care team changed, moved or commented on a goal.
    goal: { inApp: true, optional: true, urgent: false, defaults: { mail: true, sms: false } },
  },
  settings: { schema: goalSettingsSchema, defaults: defaultGoalSettings },
  permissions: {},
  auditActions: [
    "goals.list",
    "goals.view",
    "goals.create",
    "goals.edit",
    "goals.progress",
    "goals.comment",
    "goals.status",
    "goals.settings-change",
  ],
});
