import { declareCapability } from "../kernel/capability.ts";
import { defaultMessagingSettings, messagingSettingsSchema } from "./settings.ts";

/** Conversations between a client and the staff of their care team (ADR 0015, 0016). */
export const messaging = declareCapability({
  name: "messaging",
  feature: { key: "messages", path: "/messages", plans: ["basis", "begeleiding", "zakelijk"] },
  ids: {
    conversation: "cnv",
    participant: "cnp",
    message: "msg",
    messageEdit: "mse",
    messageDraft: "mdr",
    messageAttachment: "att",
  },
  notificationKinds: {
    message: { inApp: true, optional: true, urgent: false, defaults: { mail: true, sms: false } },
  },
  settings: { schema: messagingSettingsSchema, defaults: defaultMessagingSettings },
  permissions: {},
  auditActions: [
    "messages.conversation.start",
    "messages.conversation.overview",
    "messages.conversation.read",
    "messages.message.send",
    "messages.message.edit",
    "messages.attachment.view",
    "messages.attachment.download",
  ],
});
