import { declareCapability } from "../kernel/capability.ts";

/** Assignments staff set for their clients, with the clients' hand-ins and the staff's feedback. */
export const assignments = declareCapability({
  name: "assignments",
  feature: { key: "assignments", path: "/assignments", plans: ["begeleiding"] },
  ids: { assignment: "asg", assignmentCopy: "asc", assignmentEntry: "ase", assignmentFile: "asf" },
  notificationKinds: {
    assignment: { inApp: true, optional: true, urgent: false, defaults: { mail: true, sms: false } },
  },
  permissions: {
    "assignments:hand-in": ["client"],
    "assignments:set": ["staff", "admin"],
  },
  auditActions: [
    "assignments.create",
    "assignments.list",
    "assignments.view",
    "assignments.file",
    "assignments.hand-in",
    "assignments.feedback",
  ],
});
