import { z } from "zod";
import { languages } from "../../core/kernel/tenants/languages.ts";

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

/**
 * Where a new tenant lives and what it is called, as typed: the provisioning checks these itself,
 * so they read as text whatever was sent. The hostnames field holds one domain per line (commas
 * and spaces separate too).
 */
const asTyped = z.string().catch("");
export const tenantPlaceForm = z.object({
  name: asTyped,
  slug: asTyped,
  cell: asTyped,
  planId: asTyped,
  hostnames: asTyped.transform((typed) => typed.split(/[\s,]+/).filter(Boolean)),
});

const adminName = "operator.errors.adminName";
const adminEmail = "operator.errors.adminEmail";

/** The operator's new tenant: its place, its language, and its first admin, who is invited. */
export const newTenantForm = tenantPlaceForm.extend({
  language: z.enum(languages, "operator.errors.language"),
  adminName: z.string(adminName).trim().min(1, adminName).max(100, adminName),
  adminEmail: z.string(adminEmail).trim().max(254, adminEmail).pipe(z.email(adminEmail)),
});
