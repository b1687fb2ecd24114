import { z } from "zod";
import { organisationRoles, roles } from "../../core/kernel/auth/permissions.ts";
import { languages } from "../../core/kernel/tenants/languages.ts";
import { id, many } from "./forms.server.ts";

/** Who is invited, as both invitation forms send it; messages are i18n keys for the fields. */
export const invitedPersonSchema = z.object({
  email: z.string().trim().min(1, "users.emailInvalid").email("users.emailInvalid").max(254),
  displayName: z.string().trim().min(1, "users.nameRequired").max(100),
  language: z.enum(languages),
});

/** The tenant's invitation form: who, with which role, care team and organisation. */
export const inviteForm = invitedPersonSchema.extend({
  role: z.enum(roles),
  coach: many(id("user", "users.coachUnknown")),
  organisation: z.union([z.literal(""), id("organisation", "users.organisationUnknown")]).default(""),
  organisationRole: z.enum(organisationRoles).default("member"),
});
