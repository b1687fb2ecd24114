import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { resolveUnsubscribe, unsubscribe } from "../../../core/kernel/notifications/unsubscribe.ts";
import { originOf, requireTenant } from "../auth.server.ts";

/**
 * The link at the bottom of every notification mail. It works without signing in: the token is
 * the proof. Opening it only shows a question (mail scanners open links); submitting it, or a
 * mail client's one-click POST (RFC 8058), turns the mail off.
 */
async function targetOf({ context, request, params }: LoaderFunctionArgs) {
  const tenant = requireTenant(context);
  const notifications = context.services.notificationsFor(tenant);
  const kind = new URL(request.url).searchParams.get("kind");
  const target = await resolveUnsubscribe(notifications.deliveries, params.token ?? "", kind);
  return { tenant, notifications, target };
}

export async function loader(args: LoaderFunctionArgs) {
  const { target } = await targetOf(args);
  return data(
    { kinds: target?.kinds ?? null },
    { status: target ? 200 : 404, headers: { "Referrer-Policy": "no-referrer" } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { tenant, notifications, target } = await targetOf(args);
  if (!target) return data({ done: false, kinds: null }, { status: 404 });
  await unsubscribe(notifications.inbox, target, new Date());
  await args.context.services.identityFor(tenant).audit.record({
    action: "notifications.unsubscribe",
    result: "success",
    actorUserId: target.recipientId,
    ...originOf(args.request),
    detail: { kinds: target.kinds.join(",") },
  });
  return { done: true, kinds: target.kinds };
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const kinds = result?.kinds ?? loaded.kinds;
  const names = kinds?.map((kind) => t(`notifications.kinds.${kind}.label`).toLocaleLowerCase()).join(", ");
  return (
    <section className="narrow">
      <h1>{t("notifications.unsubscribe.title")}</h1>
      {!kinds ? (
        <p>{t("notifications.unsubscribe.invalid")}</p>
      ) : result?.done ? (
        <>
          <p className="notice notice--success" role="status">
            {t("notifications.unsubscribe.done", { kinds: names })}
          </p>
          <p>{t("notifications.unsubscribe.later")}</p>
        </>
      ) : (
        <Form method="post">
          <p>{t("notifications.unsubscribe.question", { kinds: names })}</p>
          <button type="submit" className="button">
            {t("notifications.unsubscribe.confirm")}
          </button>
        </Form>
      )}
    </section>
  );
}
