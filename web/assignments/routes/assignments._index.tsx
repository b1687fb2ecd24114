import { type LinksFunction, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assignmentsOfClient, assignmentsSetBy } from "../../../core/assignments/desk.ts";
import { requireAssignments } from "../assignments.server.ts";
import { StatusBadge } from "../components/AssignmentParts.tsx";
import styles from "../components/assignments.css?url";
import { ClientAssignmentList } from "../components/ClientAssignmentList.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use", feature: "assignments" } satisfies Access;

export const handle = { i18n: ["assignments"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/**
 * A client's assignments, new ones first; for staff the assignments they set, those with hand-ins
 * awaiting their feedback first.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { account, actor, deps, origin, date } = requireAssignments(context, request, access);
  if (account.role === "client") {
    const items = await assignmentsOfClient(deps, actor, origin);
    return {
      view: "client" as const,
      items: items.map(({ assignment, copy }) => ({
        id: assignment.id,
        title: assignment.title,
        from: assignment.authorName,
        date: date(assignment.createdAt),
        status: copy.status,
        isNew: copy.openedAt === null,
      })),
    };
  }
  const set = await assignmentsSetBy(deps, actor);
  return {
    view: "staff" as const,
    items: set.map((item) => ({
      id: item.id,
      title: item.title,
      date: date(item.createdAt),
      counts: item.counts,
    })),
  };
}

export default function Assignments() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  if (page.view === "client")
    return (
      <section className="narrow">
        <h1>{t("assignments.title")}</h1>
        <p className="lead">{t("assignments.intro")}</p>
        {page.items.length === 0 ? (
          <p>{t("assignments.none")}</p>
        ) : (
          <ClientAssignmentList items={page.items} />
        )}
      </section>
    );
  return (
    <section className="narrow">
      <h1>{t("assignments.title")}</h1>
      <p className="lead">{t("assignments.staffIntro")}</p>
      <p>
        <Link to="/assignments/new" className="button">
          {t("assignments.create")}
        </Link>
      </p>
      {page.items.length === 0 ? (
        <p>{t("assignments.noneSet")}</p>
      ) : (
        <ul className="item-list assignment-list">
          {page.items.map((item) => (
            <li key={item.id} className="item-list__item">
              <div>
                <p className="item-list__title">
                  <Link to={`/assignments/${item.id}`}>{item.title}</Link>
                  {item.counts.handedIn > 0 ? <StatusBadge status="handedIn" staff /> : null}
                </p>
                <p className="item-list__meta">{t("assignments.setOn", { date: item.date })}</p>
                <p className="item-list__meta">{t("assignments.counts", item.counts)}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
