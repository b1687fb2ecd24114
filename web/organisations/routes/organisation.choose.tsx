import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chooseOrganisation } from "../../../core/kernel/organisations/organisations.ts";
import { safeReturnTo } from "../../../core/kernel/platform/return-to.ts";
import { originOf, guard } from "../../kernel/auth.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";
import { readForm, throwIfUnknown } from "../../kernel/forms.server.ts";
import { organisationChoiceForm } from "../organisation-forms.server.ts";

export const access = { permission: "portal:use", opensAt: "organisation-choice" } satisfies Access;

export const handle = { i18n: ["organisations"] };

/**
 * After signing in, a member of several client organisations chooses the one they act for; the
 * menu brings them back here to switch.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { memberships, organisation } = guard({ context, request }, access);
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get("returnTo"), request.url);
  return {
    returnTo,
    current: organisation?.organisationId ?? null,
    organisations: memberships.map(({ organisationId, organisationName, role }) => ({
      id: organisationId,
      name: organisationName,
      role,
    })),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { memberships, session, account, tenant } = guard({ context, request }, access);
  const form = await readForm(request, organisationChoiceForm);
  throwIfUnknown(form, "organisation");
  if (!form.ok) throw data(null, { status: 400 });
  const { sessions, audit } = context.services.identityFor(tenant);
  const chosen = await chooseOrganisation(sessions, memberships, session.id, form.data.organisation);
  if (!chosen) throw data(null, { status: 404 });
  await audit.record({
    action: "organisations.choose",
    result: "success",
    actorUserId: account.id,
    targetType: "organisation",
    targetId: chosen.organisationId,
    ...originOf(request),
  });
  return redirect(safeReturnTo(form.data.returnTo, request.url));
}

export default function ChooseOrganisation() {
  const { t } = useTranslation();
  const { organisations, current, returnTo } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t("organisation.chooseTitle")}</h1>
      <p className="lead">
        {organisations.length > 1 ? t("organisation.chooseIntro") : t("organisation.nothingToChoose")}
      </p>
      <ul className="item-list">
        {organisations.map((organisation) => (
          <li key={organisation.id} className="item-list__item">
            <div>
              <p className="item-list__title">
                {organisation.name}
                {organisation.id === current ? (
                  <span className="badge">{t("organisation.current")}</span>
                ) : null}
              </p>
              <p className="item-list__meta">{t(`organisation.roles.${organisation.role}`)}</p>
            </div>
            <Form method="post">
              <input type="hidden" name="organisation" value={organisation.id} />
              <input type="hidden" name="returnTo" value={returnTo} />
              <button
                type="submit"
                className="button"
                aria-label={t("organisation.chooseOne", { name: organisation.name })}
              >
                {t("organisation.choose")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
