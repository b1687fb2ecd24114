import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { guard, originOf } from "../auth.server.ts";
import { requeueForm } from "../account-forms.server.ts";
import { readForm, throwIfUnknown } from "../forms.server.ts";
import { dateTimeFormat } from "../i18n/format.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "deliveries:manage" } satisfies Access;

/** The dead letters: mail and SMS that did not arrive, with the provider's reason, to send again. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const letters = await context.services.notificationsFor(tenant).deliveries.deadLetters();
  const format = dateTimeFormat(context.language, account.timeZone);
  return {
    letters: letters.map((letter) => ({
      id: letter.id,
      kind: letter.kind,
      channel: letter.channel,
      recipient: `${letter.recipientName} <${letter.recipientEmail}>`,
      when: format.format(new Date(letter.createdAt)),
      error: letter.lastError,
    })),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const notifications = context.services.notificationsFor(tenant);
  const form = await readForm(request, requeueForm);
  // Another tenant's delivery, or none: not found.
  throwIfUnknown(form, "delivery");
  if (!form.ok) throw data(null, { status: 400 });
  const id = form.data.delivery;
  if (!(await notifications.deliveries.requeue(id, new Date()))) throw data(null, { status: 404 });
  await notifications.queue.enqueue([{ body: { tenantId: tenant.id, deliveryId: id }, delaySeconds: 0 }]);
  await context.services.identityFor(tenant).audit.record({
    action: "notifications.delivery.retry",
    result: "success",
    actorUserId: account.id,
    targetType: "delivery",
    targetId: id,
    ...originOf(request),
  });
  return redirect("/admin/notifications?retried=1");
}

export default function DeadLetters() {
  const { t } = useTranslation();
  const { letters } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <section className="narrow">
      <h1>{t("notifications.deadLetters.title")}</h1>
      <p className="lead">{t("notifications.deadLetters.intro")}</p>
      {searchParams.get("retried") ? (
        <p className="notice notice--success" role="status">
          {t("notifications.deadLetters.retried")}
        </p>
      ) : null}
      {letters.length === 0 ? <p>{t("notifications.deadLetters.empty")}</p> : null}
      <ul className="item-list">
        {letters.map((letter) => (
          <li key={letter.id} className="item-list__item">
            <div>
              <p className="item-list__title">{t(`notifications.kinds.${letter.kind}.label`)}</p>
              <p className="item-list__meta">
                {t("notifications.deadLetters.recipient")}: {letter.recipient} ·{" "}
                {t(`notifications.preferences.${letter.channel}`)} · {letter.when}
              </p>
              <p className="item-list__meta">
                {t("notifications.deadLetters.error")}: {letter.error}
              </p>
            </div>
            <Form method="post">
              <input type="hidden" name="delivery" value={letter.id} />
              <button type="submit" className="button button--secondary">
                {t("notifications.deadLetters.retry")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
