import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inbox, type InboxFilter } from "../../../core/messaging/inbox.ts";
import messagingStyles from "../components/messaging.css?url";
import { requireMessaging } from "../messaging.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use", feature: "messages" } satisfies Access;

export const handle = { i18n: ["messaging"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: messagingStyles }];

/**
 * A client's conversations; staff's inbox of their own and their clients' conversations, with
 * unread counts, a filter and a search on name and subject. An admin also sees the others exist.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { account, actor, deps, at } = requireMessaging(context, request, access);
  const params = new URL(request.url).searchParams;
  const filter: InboxFilter = params.get("filter") === "unread" ? "unread" : "all";
  const search = (params.get("q") ?? "").slice(0, 100);
  const rows = await inbox(deps, actor, { filter, search });
  return {
    client: account.role === "client",
    filter,
    search,
    rows: rows.map((row) => ({
      id: row.id,
      subject: row.subject,
      clientName: row.clientName,
      others: row.participants
        .filter((person) => person.userId !== account.id)
        .map((person) => person.displayName)
        .join(", "),
      unread: row.unread,
      when: row.lastMessageAt ? at(row.lastMessageAt) : at(row.createdAt),
      started: row.lastMessageAt === null,
    })),
  };
}

export default function Inbox() {
  const { t } = useTranslation();
  const { client, filter, search, rows } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t("messaging.title")}</h1>
      <p className="lead">{client ? t("messaging.introClient") : t("messaging.introStaff")}</p>
      <p>
        <Link to="/messages/new" className="button">
          {t("messaging.new")}
        </Link>
      </p>
      <Form method="get" className="inbox-filter" role="search">
        <div className="field">
          <label htmlFor="filter">{t("messaging.filter.label")}</label>
          <select id="filter" name="filter" defaultValue={filter}>
            <option value="all">{t("messaging.filter.all")}</option>
            <option value="unread">{t("messaging.filter.unread")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="q">{t("messaging.search.label")}</label>
          <input id="q" name="q" type="search" defaultValue={search} maxLength={100} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("messaging.search.submit")}
        </button>
        {filter !== "all" || search ? <Link to="/messages">{t("messaging.search.clear")}</Link> : null}
      </Form>
      {rows.length === 0 ? (
        <p>{filter !== "all" || search ? t("messaging.noneFound") : t("messaging.none")}</p>
      ) : (
        <ul className="item-list inbox">
          {rows.map((row) => (
            <li key={row.id} className={`item-list__item${row.unread > 0 ? " inbox__row--unread" : ""}`}>
              <div>
                <p className="item-list__title">
                  <Link to={`/messages/${row.id}`}>
                    {row.subject ?? t("messaging.hiddenSubject", { name: row.clientName })}
                  </Link>
                  {row.unread > 0 ? (
                    <span className="inbox__unread">{t("messaging.unread", { count: row.unread })}</span>
                  ) : null}
                </p>
                <p className="item-list__meta">
                  {client ? null : <>{row.clientName} · </>}
                  {row.others ? <>{t("messaging.with", { names: row.others })} · </> : null}
                  {row.started
                    ? t("messaging.startedAt", { date: row.when })
                    : t("messaging.lastAt", { date: row.when })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
