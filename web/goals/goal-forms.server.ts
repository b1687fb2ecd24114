import { z } from "zod";
import { checkbox, formKey } from "../kernel/forms.server.ts";

/**
 * The goal pages' forms as they arrive. Each field is text: the goals desk checks what the text
 * says (required title, lengths, dates, progress) and answers with its codes per field, as it does
 * for the API.
 */
const typed = z.string().default("");

const smartForm = z.object({
  title: typed,
  specific: typed,
  measurable: typed,
  acceptable: typed,
  realistic: typed,
  dueOn: typed,
});

export const newGoalForm = smartForm.extend({ formKey });

export const goalForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("progress"), progress: typed, note: typed }),
  z.object({ intent: z.literal("comment"), body: typed }),
  smartForm.extend({ intent: z.literal("edit") }),
  z.object({ intent: z.enum(["achieve", "stop", "reopen"]) }),
]);

export const goalSettingsForm = z.object({ clientsMayEdit: checkbox() });
