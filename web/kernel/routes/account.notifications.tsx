import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { kindsFor } from "../../../core/kernel/notifications/kinds.ts";
import { normalisePhone } from "../../../core/kernel/notifications/phone.ts";
import { channelsFor } from "../../../core/kernel/notifications/preferences.ts";
import { guard } from "../auth.server.ts";
import { notificationChoicesForm } from "../account-forms.server.ts";
import { readForm } from "../forms.server.ts";
import { Field } from "../components/Field.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "account:manage-own", opensAt: "organisation-choice" } satisfies Access;

/** "E-mail diensten" per kind: mail (and SMS with a mobile number) on or off, over the tenant's defaults. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const notifications = context.services.notificationsFor(tenant);
  const [choices, [self]] = await Promise.all([
    notifications.inbox.choicesOf(account.id),
    notifications.inbox.recipients([account.id]),
  ]);
  const settings = tenant.settings.notifications;
  return {
    phone: self?.phone ?? "",
    hasPhone: Boolean(self?.phone),
    quietHours: settings.quietHours,
    kinds: kindsFor(tenant.features).map((kind) => ({
      kind,
      ...channelsFor(kind, settings, choices.get(kind)),
    })),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const inbox = context.services.notificationsFor(tenant).inbox;
  const form = await readForm(request, notificationChoicesForm);
  if (!form.ok) throw data(null, { status: 400 });
  const now = new Date();
  if (form.data.intent === "phone") {
    const typed = form.data.phone;
    const phone = typed.trim() ? normalisePhone(typed) : null;
    if (typed.trim() && !phone)
      return data({ phone: typed, error: "notifications.preferences.phoneInvalid" }, 400);
    await inbox.setPhone(account.id, phone);
    return redirect("/account/notifications?saved=phone");
  }
  // Unticked boxes are absent from the form: every kind shown is written, on or off.
  for (const kind of kindsFor(tenant.features)) {
    await inbox.setChoice(
      account.id,
      kind,
      { mail: `${kind}:mail` in form.data, sms: `${kind}:sms` in form.data },
      now,
    );
  }
  return redirect("/account/notifications?saved=1");
}

export default function NotificationPreferences() {
  const { t } = useTranslation();
  const { kinds, hasPhone, phone, quietHours } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  return (
    <section className="narrow">
      <h1>{t("notifications.preferences.title")}</h1>
      <p className="lead">{t("notifications.preferences.intro")}</p>
      {saved && !result ? (
        <p className="notice notice--success" role="status">
          {saved === "phone"
            ? t("notifications.preferences.phoneSaved")
            : t("notifications.preferences.saved")}
        </p>
      ) : null}
      <Form method="post">
        <table className="choices">
          <thead>
            <tr>
              <th scope="col">{t("notifications.preferences.kind")}</th>
              <th scope="col">{t("notifications.preferences.mail")}</th>
              {hasPhone ? <th scope="col">{t("notifications.preferences.sms")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {kinds.map((choice) => {
              const label = t(`notifications.kinds.${choice.kind}.label`);
              return (
                <tr key={choice.kind}>
                  <th scope="row" id={`kind-${choice.kind}`}>
                    {label}
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      name={`${choice.kind}:mail`}
                      defaultChecked={choice.mail}
                      aria-label={`${label}: ${t("notifications.preferences.mail")}`}
                    />
                  </td>
                  {hasPhone ? (
                    <td>
                      <input
                        type="checkbox"
                        name={`${choice.kind}:sms`}
                        defaultChecked={choice.sms}
                        aria-label={`${label}: ${t("notifications.preferences.sms")}`}
                      />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
        {hasPhone ? null : <p>{t("notifications.preferences.smsNeedsPhone")}</p>}
        {quietHours ? <p>{t("notifications.preferences.quietHours", quietHours)}</p> : null}
        <button type="submit" className="button">
          {t("notifications.preferences.save")}
        </button>
      </Form>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="phone" />
        <Field
          name="phone"
          type="tel"
          label={t("notifications.preferences.phone")}
          autoComplete="tel"
          inputMode="tel"
          defaultValue={result?.phone ?? phone}
          hint={t("notifications.preferences.phoneHint")}
          error={result ? t(result.error) : undefined}
        />
        <button type="submit" className="button button--secondary">
          {t("notifications.preferences.phoneSave")}
        </button>
      </Form>
      <p>
        <Link to="/notifications">{t("notifications.title")}</Link>
      </p>
    </section>
  );
}
