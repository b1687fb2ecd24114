import { z } from "zod";

/**
 * The operator's change of one tenant. What a hostname or plan must be is the provisioning's to
 * say; here the one button that was pressed, and texts cut at a length no real value reaches.
 */
const typed = z
  .string()
  .default("")
  .transform((value) => value.slice(0, 300));

export const tenantChangeForm = z.object({
  intent: z.enum(["add-hostname", "remove-hostname", "plan", "suspend", "reactivate"]),
  hostname: typed,
  planId: typed,
  password: typed,
});
