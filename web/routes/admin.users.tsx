import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resendInvitation, revokeInvitation, stateOf } from "../../core/auth/invitations.ts";
import { requirePermission } from "../auth.server.ts";
import { dateTimeFormat } from "../i18n/format.server.ts";

/** Everyone of the tenant with their status; open invitations can be sent again or withdrawn. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = requirePermission(context, request, "users:manage");
  const people = await context.services.invitationsFor(tenant).store.overview();
  const format = dateTimeFormat(context.language, account.timeZone);
  const now = new Date();
  return {
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
  const { tenant, account } = requirePermission(context, request, "users:manage");
  const { deps } = context.services.invitationsFor(tenant);
  const form = await request.formData();
  const id = String(form.get("invitation") ?? "");
  const intent = form.get("intent");
  const done =
    intent === "resend"
      ? await resendInvitation(deps, id, account.id)
      : intent === "revoke"
        ? await revokeInvitation(deps, id, account.id)
        : false;
  // Another tenant's invitation, or one that ended: not found.
  if (!done) throw data(null, { status: 404 });
  return redirect(`/admin/users?done=${intent}`);
}

export default function Users() {
  const { t } = useTranslation();
  const { people } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  return (
    <section className="narrow">
      <h1>{t("users.title")}</h1>
      <p className="lead">{t("users.intro")}</p>
      {done ? (
        <p className="notice notice--success" role="status">
          {done === "resend" ? t("users.resent") : t("users.revoked")}
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
