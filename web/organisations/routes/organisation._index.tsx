import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationRoleField } from "../../kernel/components/OrganisationRoleField.tsx";
import { hasPermission, organisationRoles } from "../../../core/kernel/auth/permissions.ts";
import { changeMember } from "../../../core/kernel/organisations/organisations.ts";
import { originOf, guard } from "../../kernel/auth.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";
import { readForm, throwIfUnknown } from "../../kernel/forms.server.ts";
import { memberChangeForm } from "../organisation-forms.server.ts";

export const access = { permission: "organisation:read" } satisfies Access;

export const handle = { i18n: ["organisations"] };

/** The organisation the person acts for: its people and their roles; its admins manage them. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account, organisation } = guard({ context, request }, access);
  // organisation:read comes only with an organisation, so there is one here.
  const { organisationId, organisationName, role } = organisation!;
  const members = await context.services.clientsFor(tenant).organisations.membersOf(organisationId);
  return {
    name: organisationName,
    myRole: role,
    me: account.id,
    canManage: hasPermission(account.role, "organisation:manage", role),
    members: members.map(({ userId, displayName, email, status, role: memberRole }) => ({
      userId,
      displayName,
      email,
      status,
      role: memberRole,
    })),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account, organisation } = guard(
    { context, request },
    { ...access, permission: "organisation:manage" },
  );
  const form = await readForm(request, memberChangeForm);
  throwIfUnknown(form, "user");
  if (!form.ok) return data({ refused: "invalid" as const, user: form.values.user ?? "" }, 400);
  const { intent, user: userId, password } = form.data;
  // "role" sets the chosen role, "remove" takes the person out (no role).
  const role = form.data.intent === "role" ? form.data.role : null;
  const deps = {
    ...context.services.clientsFor(tenant),
    limiter: context.services.identityFor(tenant).limiter,
  };
  const result = await changeMember(
    deps,
    account,
    {
      organisationId: organisation!.organisationId,
      userId,
      role,
    },
    password,
    originOf(request),
  );
  // Someone outside this organisation (or tenant) is not found here.
  if (!result.ok && result.reason === "notFound") throw data(null, { status: 404 });
  if (!result.ok)
    return data({ refused: result.reason, user: userId }, result.reason === "throttled" ? 429 : 400);
  return redirect(`/organisation?done=${intent}`);
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const { name, myRole, me, canManage, members } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = refused ? null : searchParams.get("done");
  return (
    <section className="narrow">
      <h1>{name}</h1>
      <p className="lead">{t("organisation.intro", { role: t(`organisation.roles.${myRole}`) })}</p>
      {done === "role" || done === "remove" || done === "invited" ? (
        <p className="notice notice--success" role="status">
          {t(`organisation.done.${done}`)}
        </p>
      ) : null}
      {refused ? (
        <p className="notice notice--error" role="alert">
          {t(`organisation.refused.${refused.refused}`)}
        </p>
      ) : null}
      {canManage ? (
        <p>
          <Link to="/organisation/invite" className="button">
            {t("organisation.inviteColleague")}
          </Link>
        </p>
      ) : null}
      <h2 className="section-title">{t("organisation.colleagues")}</h2>
      <ul className="item-list">
        {members.map((member) => (
          <li key={member.userId} className="item-list__item">
            <div>
              <p className="item-list__title">
                {member.displayName}
                {member.userId === me ? <span className="badge">{t("organisation.you")}</span> : null}
                {member.status !== "active" ? (
                  <span className="badge">{t(`users.status.${member.status}`)}</span>
                ) : null}
              </p>
              <p className="item-list__meta">
                {member.email} · {t(`organisation.roles.${member.role}`)}
              </p>
            </div>
            {canManage && member.userId !== me ? <MemberActions member={member} /> : null}
          </li>
        ))}
      </ul>
      <h2 className="section-title">{t("organisation.rolesTitle")}</h2>
      <dl className="role-explanations">
        {organisationRoles.map((role) => (
          <div key={role}>
            <dt>{t(`organisation.roles.${role}`)}</dt>
            <dd>{t(`organisation.roleExplained.${role}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

type MemberRow = ReturnType<typeof useLoaderData<typeof loader>>["members"][number];

/** Change a colleague's role or take them out of the organisation, confirmed with one's password. */
function MemberActions({ member }: { member: MemberRow }) {
  const { t } = useTranslation();
  return (
    <details className="role-change">
      <summary>{t("organisation.change", { name: member.displayName })}</summary>
      <Form method="post" className="form">
        <input type="hidden" name="user" value={member.userId} />
        <OrganisationRoleField
          id={`role-${member.userId}`}
          name="role"
          label={t("organisation.newRole")}
          defaultValue={member.role}
        />
        <div className="field">
          <label htmlFor={`password-${member.userId}`}>{t("users.confirmPassword")}</label>
          <input
            id={`password-${member.userId}`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <div className="item-list__actions">
          <button type="submit" name="intent" value="role" className="button">
            {t("organisation.saveRole")}
          </button>
          <button type="submit" name="intent" value="remove" className="button button--secondary">
            {t("organisation.remove")}
          </button>
        </div>
      </Form>
    </details>
  );
}
