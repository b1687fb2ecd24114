import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assignmentsOfClientForStaff } from "../../../core/assignments/desk.ts";
import { requireAssignments } from "../assignments.server.ts";
import styles from "../components/assignments.css?url";
import { ClientAssignmentList } from "../components/ClientAssignmentList.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "assignments:set", feature: "assignments" } satisfies Access;

export const handle = { i18n: ["assignments"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** One client's assignments, for the staff of their care team (anyone else: not found). */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { actor, deps, origin, date } = requireAssignments(context, request, access);
  const found = await assignmentsOfClientForStaff(deps, actor, params.client ?? "", origin);
  if (!found) throw data(null, { status: 404 });
  return {
    client: { id: found.client.userId, name: found.client.displayName },
    items: found.items.map(({ assignment, copy }) => ({
      id: assignment.id,
      title: assignment.title,
      from: assignment.authorName,
      date: date(assignment.createdAt),
      status: copy.status,
      isNew: copy.openedAt === null,
    })),
  };
}

export default function ClientAssignments() {
  const { t } = useTranslation();
  const { client, items } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t("assignments.client.title", { name: client.name })}</h1>
      <p>
        <Link to={`/assignments/new?client=${encodeURIComponent(client.id)}`} className="button">
          {t("assignments.client.create", { name: client.name })}
        </Link>
      </p>
      {items.length === 0 ? (
        <p>{t("assignments.client.none", { name: client.name })}</p>
      ) : (
        <ClientAssignmentList items={items} staff />
      )}
    </section>
  );
}
