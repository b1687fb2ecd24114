import { z } from "zod";
import { organisationRoles } from "../../core/kernel/auth/permissions.ts";
import { id, passwordToConfirm, text } from "../kernel/forms.server.ts";
import { invitedPersonSchema } from "../kernel/invite.server.ts";

/** The tenant admin's organisation forms: a new organisation by name, or a client placed in one. */
export const organisationsForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), name: text(200, "organisations.nameMissing") }),
  z.object({
    intent: z.literal("add"),
    organisation: id("organisation"),
    email: text(254, "organisations.notFoundPerson").pipe(z.email("organisations.notFoundPerson")),
    role: z.enum(organisationRoles).catch("member"),
  }),
]);

const confirmingPassword = passwordToConfirm();

/** An organisation admin's change of a colleague: a new role, or out of the organisation. */
export const memberChangeForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("role"),
    user: id("user"),
    role: z.enum(organisationRoles),
    password: confirmingPassword,
  }),
  z.object({ intent: z.literal("remove"), user: id("user"), password: confirmingPassword }),
]);

/** The organisation a member of several chooses to act for. */
export const organisationChoiceForm = z.object({
  organisation: id("organisation"),
  returnTo: z.string().optional(),
});

/** An organisation admin's invitation of a colleague, with their role in the organisation. */
export const colleagueForm = invitedPersonSchema.extend({ organisationRole: z.enum(organisationRoles) });
