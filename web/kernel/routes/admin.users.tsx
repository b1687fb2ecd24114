import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resendInvitation, revokeInvitation, stateOf } from "../../../core/kernel/auth/invitations.ts";
import { rolesGrantableIn } from "../../../core/kernel/tenants/operator.ts";
import {
  changeRole,
  endSessionsOf,
  resetSecondFactors,
  setAccountStatus,
} from "../../../core/kernel/auth/user-admin.ts";
import { guard, originOf } from "../auth.server.ts";
import { userAdminForm } from "../account-forms.server.ts";
import { readForm, throwIfUnknown } from "../forms.server.ts";
import { dateTimeFormat } from "../i18n/format.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "users:manage" } satisfies Access;

/** Everyone of the tenant with their status; open invitations can be sent again or withdrawn. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const people = await context.services.invitationsFor(tenant).store.overview();
  const format = dateTimeFormat(context.language, account.timeZone);
  const now = new Date();
  return {
    me: account.id,
    roles: rolesGrantableIn(tenant),
    people: people.map(({ invitation, ...person }) => ({
      ...person,
      invitation:
        person.status === "invited" && invitation
          ? {
              id: invitation.id,
              state: stateOf(invitation, now),
              sentOn: format.format(new Date(invitation.createdAt)),
              until: format.format(new Date(invitation.expiresAt)),
            }
          : null,
    })),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const form = await readForm(request, userAdminForm);
  // An unknown change, role or person names nothing here: not found, as before any check.
  throwIfUnknown(form, "intent", "invitation", "user", "role");
  if (!form.ok) throw data(null, { status: 400 });
  const input = form.data;
  const { intent } = input;
  if ("invitation" in input) {
    const { deps } = context.services.invitationsFor(tenant);
    const id = input.invitation;
    const done =
      intent === "resend"
        ? await resendInvitation(deps, id, account.id, originOf(request))
        : await revokeInvitation(deps, id, account.id, originOf(request));
    // Another tenant's invitation, or one that ended: not found.
    if (!done) throw data(null, { status: 404 });
    return redirect(`/admin/users?done=${intent}`);
  }
  const identity = context.services.identityFor(tenant);
  const { user: userId, password } = input;
  const client = originOf(request);
  const result =
    input.intent === "disable" || input.intent === "enable"
      ? await setAccountStatus(
          identity,
          account,
          userId,
          input.intent === "disable" ? "disabled" : "active",
          client,
        )
      : input.intent === "end-sessions"
        ? await endSessionsOf(identity, account, userId, client)
        : input.intent === "role"
          ? await changeRole(identity, account, userId, input.role, password, client)
          : await resetSecondFactors(identity, account, userId, password, client);
  if (result.ok) return redirect(`/admin/users?done=${intent}`);
  if (result.reason === "notFound") throw data(null, { status: 404 });
  if (result.reason === "roleNotGrantable") throw data(null, { status: 403 });
  return data({ refused: result.reason, user: userId }, result.reason === "throttled" ? 429 : 400);
}

export default function Users() {
  const { t } = useTranslation();
  const { people, me } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = refused ? null : searchParams.get("done");
  return (
    <section className="narrow">
      <h1>{t("users.title")}</h1>
      <p className="lead">{t("users.intro")}</p>
      {done ? (
        <p className="notice notice--success" role="status">
          {done === "resend"
            ? t("users.resent")
            : done === "revoke"
              ? t("users.revoked")
              : t(`users.done.${done}`)}
        </p>
      ) : null}
      {refused ? (
        <p className="notice notice--error" role="alert">
          {t(`users.refused.${refused.refused}`)}
        </p>
      ) : null}
      <p>
        <Link to="/invitations/new" className="button">
          {t("users.invite")}
        </Link>
      </p>
      <ul className="item-list">
        {people.map((person) => (
          <li key={person.id} className="item-list__item">
            <div>
              <p className="item-list__title">
                {person.displayName}
                <span className="badge">{t(`users.status.${person.status}`)}</span>
              </p>
              <p className="item-list__meta">
                {person.email} · {t(`roles.${person.role}`)}
              </p>
              {person.role === "client" ? (
                <p className="item-list__meta">
                  <Link to={`/admin/care-team/${person.id}`}>{t("users.careTeamLink")}</Link>
                </p>
              ) : null}
              {person.invitation ? (
                <p className="item-list__meta">
                  {person.invitation.state === "expired"
                    ? t("users.expired")
                    : t("users.invitedOn", {
                        when: person.invitation.sentOn,
                        until: person.invitation.until,
                      })}
                </p>
              ) : null}
            </div>
            {person.status !== "invited" && person.id !== me ? <AccountActions person={person} /> : null}
            {person.invitation && person.invitation.state !== "revoked" ? (
              <div className="item-list__actions">
                <Form method="post">
                  <input type="hidden" name="invitation" value={person.invitation.id} />
                  <button type="submit" name="intent" value="resend" className="button button--secondary">
                    {t("users.resend")}
                  </button>
                </Form>
                {person.invitation.state === "open" ? (
                  <Form method="post">
                    <input type="hidden" name="invitation" value={person.invitation.id} />
                    <button type="submit" name="intent" value="revoke" className="button button--secondary">
                      {t("users.revoke")}
                    </button>
                  </Form>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type Person = ReturnType<typeof useLoaderData<typeof loader>>["people"][number];

/** Block or unblock, sign out everywhere, and change the role (confirmed with the admin's password). */
function AccountActions({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { roles: grantable } = useLoaderData<typeof loader>();
  return (
    <div className="item-list__actions">
      <Form method="post">
        <input type="hidden" name="user" value={person.id} />
        <button
          type="submit"
          name="intent"
          value={person.status === "disabled" ? "enable" : "disable"}
          className="button button--secondary"
        >
          {person.status === "disabled" ? t("users.enable") : t("users.disable")}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="user" value={person.id} />
        <button type="submit" name="intent" value="end-sessions" className="button button--secondary">
          {t("users.endSessions")}
        </button>
      </Form>
      <details className="role-change">
        <summary>{t("users.changeRole")}</summary>
        <Form method="post" className="form">
          <input type="hidden" name="user" value={person.id} />
          <div className="field">
            <label htmlFor={`role-${person.id}`}>{t("users.newRole")}</label>
            <select id={`role-${person.id}`} name="role" defaultValue={person.role}>
              {grantable.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`password-${person.id}`}>{t("users.confirmPassword")}</label>
            <input
              id={`password-${person.id}`}
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
          </div>
          <button type="submit" name="intent" value="role" className="button">
            {t("users.saveRole")}
          </button>
        </Form>
      </details>
      <details className="role-change">
        <summary>{t("users.resetFactors")}</summary>
        <Form method="post" className="form">
          <p>{t("users.resetFactorsIntro")}</p>
          <input type="hidden" name="user" value={person.id} />
          <div className="field">
            <label htmlFor={`reset-password-${person.id}`}>{t("users.confirmPassword")}</label>
            <input
              id={`reset-password-${person.id}`}
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
          </div>
          <button type="submit" name="intent" value="reset-factors" className="button">
            {t("users.resetFactorsSubmit")}
          </button>
        </Form>
      </details>
    </div>
  );
}
