import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationRoleField } from "../../kernel/components/OrganisationRoleField.tsx";
import { normaliseEmail } from "../../../core/kernel/auth/accounts.ts";
import { addMember, createOrganisation } from "../../../core/kernel/organisations/organisations.ts";
import { originOf, guard } from "../../kernel/auth.server.ts";
import { Field } from "../../kernel/components/Field.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";
import { readForm, throwIfUnknown } from "../../kernel/forms.server.ts";
import { organisationsForm } from "../organisation-forms.server.ts";

export const access = { permission: "client-organisations:manage" } satisfies Access;

export const handle = { i18n: ["organisations"] };

/**
 * The tenant's client organisations for its admin: each with its people and their roles, a new
 * one by name, and an existing client placed in one. The organisation's own admins manage their
 * colleagues from the organisation's page.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant } = guard({ context, request }, access);
  const { organisations } = context.services.clientsFor(tenant);
  const [all, members] = await Promise.all([organisations.list(), organisations.allMembers()]);
  return {
    organisations: all.map(({ id, name }) => ({
      id,
      name,
      members: members
        .filter((member) => member.organisationId === id)
        .map(({ userId, displayName, role, status }) => ({ userId, displayName, role, status })),
    })),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const form = await readForm(request, organisationsForm);
  throwIfUnknown(form, "organisation");
  if (!form.ok) {
    const { values, errors } = form;
    if (values.intent === "create")
      return data({ form: "create", value: values.name ?? "", error: errors.name ?? errors.form! }, 400);
    const error = errors.email ?? errors.organisation ?? errors.role ?? errors.intent ?? errors.form!;
    return data({ form: values.organisation ?? "", value: values.email ?? "", error }, 400);
  }
  const clients = context.services.clientsFor(tenant);
  const origin = originOf(request);
  const input = form.data;
  if (input.intent === "create") {
    const created = await createOrganisation(clients, input.name, account.id, origin);
    if (!created.ok)
      return data({ form: "create", value: input.name, error: `organisations.${created.reason}` }, 400);
    return redirect("/admin/organisations?done=created");
  }
  const { organisation: organisationId, email, role } = input;
  const person = await context.services.identityFor(tenant).accounts.byEmail(normaliseEmail(email));
  const added = await addMember(clients, account.id, organisationId, person, role, origin);
  if (!added.ok) {
    // An unknown organisation is another tenant's or none: not found. An unknown person is a typo.
    if (!(await clients.organisations.find(organisationId))) throw data(null, { status: 404 });
    return data({ form: organisationId, value: email, error: `organisations.${added.reason}Person` }, 400);
  }
  return redirect("/admin/organisations?done=added");
}

export default function Organisations() {
  const { t } = useTranslation();
  const { organisations } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = refused ? null : searchParams.get("done");
  return (
    <section className="narrow">
      <h1>{t("organisations.title")}</h1>
      <p className="lead">{t("organisations.intro")}</p>
      {done === "created" || done === "added" ? (
        <p className="notice notice--success" role="status">
          {t(`organisations.done.${done}`)}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate>
        <Field
          name="name"
          label={t("organisations.name")}
          required
          defaultValue={refused?.form === "create" ? refused.value : undefined}
          error={refused?.form === "create" ? t(refused.error) : undefined}
        />
        <button type="submit" name="intent" value="create" className="button">
          {t("organisations.create")}
        </button>
      </Form>
      {organisations.length === 0 ? <p>{t("organisations.empty")}</p> : null}
      {organisations.map((organisation) => (
        <section key={organisation.id} aria-labelledby={`${organisation.id}-title`}>
          <h2 id={`${organisation.id}-title`} className="section-title">
            {organisation.name}
          </h2>
          <ul className="item-list">
            {organisation.members.map((member) => (
              <li key={member.userId} className="item-list__item">
                <p className="item-list__title">
                  {member.displayName}
                  {member.status !== "active" ? (
                    <span className="badge">{t(`users.status.${member.status}`)}</span>
                  ) : null}
                </p>
                <p className="item-list__meta">{t(`organisation.roles.${member.role}`)}</p>
              </li>
            ))}
          </ul>
          <details className="role-change" open={refused?.form === organisation.id}>
            <summary>{t("organisations.add", { name: organisation.name })}</summary>
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="organisation" value={organisation.id} />
              <Field
                id={`email-${organisation.id}`}
                name="email"
                type="email"
                label={t("organisations.clientEmail")}
                required
                defaultValue={refused?.form === organisation.id ? refused.value : undefined}
                error={refused?.form === organisation.id ? t(refused.error) : undefined}
              />
              <OrganisationRoleField
                id={`role-${organisation.id}`}
                name="role"
                label={t("users.organisationRole")}
              />
              <button type="submit" name="intent" value="add" className="button">
                {t("organisations.addSubmit")}
              </button>
            </Form>
          </details>
        </section>
      ))}
    </section>
  );
}
