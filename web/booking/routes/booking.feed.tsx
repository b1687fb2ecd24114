import {
  data,
  redirect,
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
} from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { feedPath, issueFeed, revokeFeed } from "../../../core/booking/calendar-feed.ts";
import { originOf, guard } from "../../kernel/auth.server.ts";
import { CopyButton } from "../../kernel/components/CopyButton.tsx";
import { Field, FormAlert } from "../../kernel/components/Field.tsx";
import { readForm } from "../../kernel/forms.server.ts";
import { calendarFeedForm } from "../booking-forms.server.ts";
import { dateTimeFormat } from "../../kernel/i18n/format.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "agenda:manage-own", feature: "booking" } satisfies Access;

export const handle = { i18n: ["booking"] };

/** A staff member with their own agenda, in a tenant that books appointments. */
function requireAgenda(context: AppLoadContext, request: Request) {
  const user = guard({ context, request }, access);
  return { ...user, feeds: context.services.calendarFeedsFor(user.tenant) };
}

/** The staff member's private calendar feed: whether they have a link, and since when. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { account, feeds } = requireAgenda(context, request);
  const feed = await feeds.feeds.current(account.id);
  const format = dateTimeFormat(context.language, account.timeZone);
  return { since: feed ? format.format(new Date(feed.createdAt)) : null };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { account, feeds } = requireAgenda(context, request);
  const form = await readForm(request, calendarFeedForm);
  if (!form.ok) return data({ error: form.errors.password ?? "errors.fieldInvalid" }, 400);
  if (form.data.intent === "revoke") {
    if (!(await revokeFeed(feeds, account, originOf(request)))) throw data(null, { status: 404 });
    return redirect("/booking/feed?done=revoke");
  }
  const result = await issueFeed(feeds, account, form.data.password, originOf(request));
  if (!result.ok) {
    return result.reason === "throttled"
      ? data({ error: "calendarFeed.throttled" }, 429)
      : data({ error: "calendarFeed.passwordWrong" }, 400);
  }
  // On the host the person uses; shown once, in this answer only.
  const url = new URL(feedPath(result.token), request.url);
  return data({ created: { url: url.href, webcal: `webcal://${url.host}${url.pathname}` } });
}

export default function CalendarFeedPage() {
  const { t } = useTranslation();
  const { since } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  if (answer && "created" in answer) return <NewLink {...answer.created} />;
  const error = answer && "error" in answer ? answer.error : undefined;
  return (
    <section className="narrow">
      <h1>{t("calendarFeed.title")}</h1>
      <p className="lead">{t("calendarFeed.intro")}</p>
      <p>{t("calendarFeed.privacy")}</p>
      {searchParams.get("done") === "revoke" && !since ? (
        <p className="notice notice--success" role="status">
          {t("calendarFeed.revoked")}
        </p>
      ) : null}
      <p>{since ? t("calendarFeed.activeSince", { when: since }) : t("calendarFeed.none")}</p>

      <h2 className="section-title" id="new-link">
        {t(since ? "calendarFeed.renewTitle" : "calendarFeed.createTitle")}
      </h2>
      {error ? (
        <FormAlert title={t("calendarFeed.errorSummary")} answer={answer}>
          <ul>
            <li>
              <a href="#password">{t(error)}</a>
            </li>
          </ul>
        </FormAlert>
      ) : null}
      <Form method="post" className="form" noValidate aria-labelledby="new-link">
        <input type="hidden" name="intent" value="create" />
        {since ? <p>{t("calendarFeed.renewHint")}</p> : null}
        <Field
          name="password"
          type="password"
          label={t("calendarFeed.password")}
          autoComplete="current-password"
          required
          error={error ? t(error) : undefined}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("calendarFeed.create")}
        </button>
      </Form>

      {since ? (
        <details className="role-change">
          <summary>{t("calendarFeed.revokeTitle")}</summary>
          <Form method="post" className="form">
            <p>{t("calendarFeed.revokeConfirm")}</p>
            <button type="submit" name="intent" value="revoke" className="button">
              {t("calendarFeed.revokeSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

/** Shown once: after this answer only the hash of the link's secret exists. */
function NewLink({ url, webcal }: { url: string; webcal: string }) {
  const { t } = useTranslation();
  return (
    <section className="narrow">
      <h1>{t("calendarFeed.createdTitle")}</h1>
      <p className="notice" role="status">
        {t("calendarFeed.onlyOnce")}
      </p>
      <p>{t("calendarFeed.yourLink")}</p>
      <p className="secret-key secret-key--wrap" data-testid="calendar-feed-link">
        {url}
      </p>
      <CopyButton
        text={url}
        messages={{
          copy: t("calendarFeed.copy"),
          copied: t("calendarFeed.copied"),
          failed: t("calendarFeed.copyFailed"),
        }}
      />
      <p>
        <a href={webcal}>{t("calendarFeed.openInApp")}</a>
      </p>
      <p>{t("calendarFeed.howTo")}</p>
      <p>
        <Link to="/booking/feed" className="button">
          {t("calendarFeed.done")}
        </Link>
      </p>
    </section>
  );
}
