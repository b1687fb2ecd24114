import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { safeReturnTo } from "../../../core/kernel/platform/return-to.ts";
import { guard } from "../auth.server.ts";
import { notificationsForm } from "../account-forms.server.ts";
import { readForm, throwIfUnknown } from "../forms.server.ts";
import { dateTimeFormat } from "../i18n/format.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use" } satisfies Access;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const items = await context.services.notificationsFor(tenant).inbox.list(account.id, 50);
  const format = dateTimeFormat(context.language, account.timeZone);
  return {
    items: items.map((item) => ({ ...item, when: format.format(new Date(item.createdAt)) })),
  };
}

/** Opening an item marks it read and follows its link; "all read" clears the bell. */
export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const inbox = context.services.notificationsFor(tenant).inbox;
  const form = await readForm(request, notificationsForm);
  throwIfUnknown(form, "notification");
  if (!form.ok) throw data(null, { status: 400 });
  if (form.data.intent === "all-read") {
    await inbox.markAllRead(account.id, new Date());
    return redirect("/notifications");
  }
  // Someone else's notification (or none) is not found: ids reveal nothing.
  const { notification } = form.data;
  const link = notification ? await inbox.open(account.id, notification, new Date()) : null;
  if (!link) throw data(null, { status: 404 });
  return redirect(safeReturnTo(link, request.url, "/notifications"));
}

export default function Notifications() {
  const { t } = useTranslation();
  const { items } = useLoaderData<typeof loader>();
  const unread = items.some((item) => !item.read);
  return (
    <section className="narrow">
      <h1>{t("notifications.title")}</h1>
      <p>
        <Link to="/account/notifications">{t("notifications.settings")}</Link>
      </p>
      {items.length === 0 ? <p>{t("notifications.empty")}</p> : null}
      <ul className="item-list">
        {items.map((item) => (
          <li key={item.id} className="item-list__item" data-unread={!item.read}>
            <Form method="post" className="item-list__form">
              <input type="hidden" name="notification" value={item.id} />
              <button type="submit" className="item-list__open">
                <span className="item-list__title">
                  {item.actorName
                    ? t(`notifications.kinds.${item.kind}.withActor`, { actor: item.actorName })
                    : t(`notifications.kinds.${item.kind}.anonymous`)}
                  {item.read ? null : <span className="badge">{t("notifications.unread")}</span>}
                </span>
                <span className="item-list__meta">{item.when}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      {unread ? (
        <Form method="post">
          <input type="hidden" name="intent" value="all-read" />
          <button type="submit" className="button button--secondary">
            {t("notifications.markAllRead")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
