import { z } from "zod";
import { languages } from "../../core/kernel/tenants/languages.ts";

/** Who is invited, as both invitation forms send it; messages are i18n keys for the fields. */
export const invitedPersonSchema = z.object({
  email: z.string().trim().min(1, "users.emailInvalid").email("users.emailInvalid").max(254),
  displayName: z.string().trim().min(1, "users.nameRequired").max(100),
  language: z.enum(languages),
});

/** The typed values of a refused invitation form, to put back in its fields. */
export function typedPerson(form: Record<string, FormDataEntryValue>) {
  return {
    email: String(form.email ?? ""),
    displayName: String(form.displayName ?? ""),
    language: String(form.language ?? ""),
  };
}
