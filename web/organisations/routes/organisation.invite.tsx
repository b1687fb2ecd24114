import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationRoleField } from "../../kernel/components/OrganisationRoleField.tsx";
import { invite } from "../../../core/kernel/auth/invitations.ts";
import { originOf, guard } from "../../kernel/auth.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";
import { InvitePersonFields } from "../../kernel/components/InvitePersonFields.tsx";
import { ErrorSummary } from "../../kernel/components/NewPasswordFields.tsx";
import { readForm, refused } from "../../kernel/forms.server.ts";
import { colleagueForm } from "../organisation-forms.server.ts";

export const access = { permission: "organisation:manage" } satisfies Access;

export const handle = { i18n: ["organisations"] };

/** An organisation's admin invites a colleague into the organisation, with their role there. */
export function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, organisation } = guard({ context, request }, access);
  return { name: organisation!.organisationName, defaultLanguage: tenant.settings.defaultLanguage };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account, organisation } = guard({ context, request }, access);
  const form = await readForm(request, colleagueForm);
  if (!form.ok) return refused(form);
  const { values } = form;
  const { organisationRole, ...person } = form.data;
  const result = await invite(context.services.invitationsFor(tenant).deps, {
    ...person,
    role: "client",
    timeZone: account.timeZone,
    invitedBy: account.id,
    origin: originOf(request),
    placement: { organisation: { id: organisation!.organisationId, role: organisationRole }, coachIds: [] },
  });
  if (!result.ok) return data({ values, errors: { email: "users.emailTaken" } }, 409);
  return redirect("/organisation?done=invited");
}

export default function InviteColleague() {
  const { t } = useTranslation();
  const { name, defaultLanguage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const values: Record<string, string | undefined> | undefined = result?.values;
  return (
    <section className="narrow">
      <h1>{t("organisation.inviteColleague")}</h1>
      <p className="lead">{t("organisation.inviteIntro", { name })}</p>
      <ErrorSummary
        answer={result}
        messages={Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, code && t(code)]))}
      />
      <Form method="post" className="form" noValidate>
        <InvitePersonFields values={values} errors={errors} defaultLanguage={defaultLanguage} />
        <OrganisationRoleField
          id="organisationRole"
          name="organisationRole"
          label={t("users.organisationRole")}
          defaultValue={values?.organisationRole}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("users.send")}
        </button>
      </Form>
    </section>
  );
}
