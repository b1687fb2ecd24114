import { z } from "zod";
import { formKey, id, many } from "../kernel/forms.server.ts";

/**
 * The assignment pages' forms as they arrive. The texts go on to the assignments desk, which
 * checks them (required, length) with its codes per field, as for the API; here the ids, whose
 * refusal reads as the desk's own "unknown".
 */
const typed = z.string().default("");
const files = many(id("file", "unknown"));

export const newAssignmentForm = z.object({
  formKey,
  title: typed,
  description: typed,
  client: many(id("user", "unknown")),
  file: files,
});

export const entryForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("handIn"), text: typed, file: files }),
  z.object({ intent: z.literal("feedback"), text: typed, client: id("user") }),
]);
