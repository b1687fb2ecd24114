import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationRoleField } from "../components/OrganisationRoleField.tsx";
import { invite } from "../../../core/kernel/auth/invitations.ts";
import { hasPermission, type Role } from "../../../core/kernel/auth/permissions.ts";
import { rolesGrantableIn } from "../../../core/kernel/tenants/operator.ts";
import type { Tenant } from "../../../core/kernel/tenants/tenant.ts";
import { guard, originOf } from "../auth.server.ts";
import { parseForm } from "../forms.server.ts";
import { inviteForm } from "../invite.server.ts";
import { CareTeamField } from "../components/CareTeamField.tsx";
import { InvitePersonFields } from "../components/InvitePersonFields.tsx";
import { ErrorSummary } from "../components/NewPasswordFields.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "clients:invite" } satisfies Access;

export const handle = { i18n: ["organisations"] };

/** Admins may invite anyone with any role the tenant has; staff invite clients. */
const rolesFor = (tenant: Tenant, role: Role): readonly Role[] =>
  hasPermission(role, "users:manage") ? rolesGrantableIn(tenant) : ["client"];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { account, tenant } = guard({ context, request }, access);
  const clients = context.services.clientsFor(tenant);
  const [coaches, organisations] = await Promise.all([
    clients.careTeams.possibleCoaches(),
    clients.organisations.list(),
  ]);
  return {
    roles: rolesFor(tenant, account.role),
    defaultLanguage: tenant.settings.defaultLanguage,
    me: account.id,
    coaches,
    organisations: organisations.map(({ id, name }) => ({ id, name })),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const formData = await request.formData();
  const form = parseForm(inviteForm, formData);
  // The ticked care team is kept too, when the form comes back.
  const typed = { values: form.values, coachIds: formData.getAll("coach").map(String) };
  if (!form.ok) return data({ ...typed, errors: form.errors }, 400);
  if (!rolesFor(tenant, account.role).includes(form.data.role)) throw data(null, { status: 403 });
  const clients = context.services.clientsFor(tenant);
  const { organisation: organisationId, organisationRole, coach: coachIds, ...person } = form.data;
  // The care team and organisation must be the tenant's own; the form offers only those.
  const [coaches, organisation] = await Promise.all([
    clients.careTeams.possibleCoaches(),
    organisationId ? clients.organisations.find(organisationId) : null,
  ]);
  if (coachIds.some((id) => !coaches.some((coach) => coach.userId === id))) {
    return data({ ...typed, errors: { coach: "users.coachUnknown" } }, 400);
  }
  if (organisationId && !organisation) {
    return data({ ...typed, errors: { organisation: "users.organisationUnknown" } }, 400);
  }
  const result = await invite(context.services.invitationsFor(tenant).deps, {
    ...person,
    // The person chooses their own zone later; until then the tenant's home zone.
    timeZone: account.timeZone,
    invitedBy: account.id,
    origin: originOf(request),
    placement: {
      organisation: organisation ? { id: organisation.id, role: organisationRole } : null,
      coachIds,
    },
  });
  if (!result.ok && result.reason === "roleNotGrantable") throw data(null, { status: 403 });
  if (!result.ok) return data({ ...typed, errors: { email: "users.emailTaken" } }, 409);
  return redirect(`/invitations/new?sent=${encodeURIComponent(form.data.email)}`);
}

export default function InvitePerson() {
  const { t } = useTranslation();
  const { roles: allowed, defaultLanguage, me, coaches, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const values: Record<string, string | undefined> | undefined = result?.values;
  const sent = searchParams.get("sent");
  return (
    <section className="narrow">
      <h1>{t("users.inviteTitle")}</h1>
      <p className="lead">{t("users.inviteIntro")}</p>
      {sent && !result ? (
        <p className="notice notice--success" role="status">
          {t("users.sent", { email: sent })}
        </p>
      ) : null}
      <ErrorSummary
        answer={result}
        messages={Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, code && t(code)]))}
      />
      <Form method="post" className="form" noValidate>
        <InvitePersonFields values={values} errors={errors} defaultLanguage={defaultLanguage} />
        <div className="field">
          <label htmlFor="role">{t("users.role")}</label>
          <select id="role" name="role" defaultValue={values?.role ?? "client"}>
            {allowed.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <CareTeamField
          coaches={coaches}
          hint={t("users.clientsOnly")}
          error={errors.coach ? t(errors.coach) : undefined}
          // Staff inviting a client usually coach them themselves.
          checked={(id) => (result ? result.coachIds.includes(id) : id === me)}
        />
        {organisations.length > 0 ? (
          <fieldset className="field">
            <legend>{t("users.organisationSection")}</legend>
            <label htmlFor="organisation">{t("users.organisation")}</label>
            <select
              id="organisation"
              name="organisation"
              defaultValue={values?.organisation ?? ""}
              aria-invalid={errors.organisation ? true : undefined}
              aria-describedby={errors.organisation ? "organisation-error" : undefined}
            >
              <option value="">{t("users.noOrganisation")}</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
            {errors.organisation ? (
              <p id="organisation-error" className="field__error">
                {t(errors.organisation)}
              </p>
            ) : null}
            <OrganisationRoleField
              id="organisationRole"
              name="organisationRole"
              label={t("users.organisationRole")}
              defaultValue={values?.organisationRole}
            />
          </fieldset>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {t("users.send")}
        </button>
      </Form>
    </section>
  );
}
