import { z } from "zod";
import { clientMessageIdPattern } from "../../core/messaging/conversation.ts";
import { id, many } from "../kernel/forms.server.ts";

/**
 * The messaging pages' forms as they arrive. The texts are checked by the conversation itself
 * (empty, too long), which answers with its codes per field as it does for the chat room; here
 * the rest: ids of the right kind, the one notify choice, and the message's own id.
 */
const body = z.string().default("");
// Ticked sends "yes"; anything else is no notification.
const notify = z
  .string()
  .optional()
  .transform((value) => value === "yes");
const clientMessageId = z.string().regex(clientMessageIdPattern);
// Messages are the conversation's own codes, so a refusal reads the same wherever it comes from.
const files = many(id("file", "unknown"));

export const startForm = z.object({
  subject: z.string().default(""),
  to: many(id("user", "unknown")),
  body,
  notify,
  clientMessageId,
  file: files,
});

export const threadForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("draft"), body, notify }),
  z.object({ intent: z.literal("publish"), body, notify, clientMessageId, file: files }),
  z.object({ intent: z.literal("edit"), body, messageId: id("message") }),
]);
