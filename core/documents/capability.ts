import { declareCapability } from "../kernel/capability.ts";

/** The files and links of a client's dossier ("Uploads en Downloads", ADR 0014). */
export const documents = declareCapability({
  name: "documents",
  feature: {
    key: "documents",
    path: "/documents",
    perClient: true,
    plans: ["basis", "begeleiding", "zorg", "zakelijk"],
  },
  ids: { document: "doc" },
  notificationKinds: {
    document: { inApp: true, optional: true, urgent: false, defaults: { mail: true, sms: false } },
  },
  permissions: {},
  auditActions: [
    "documents.add",
    "documents.list",
    "documents.view",
    "documents.download",
    "documents.delete",
    "documents.restore",
  ],
});
