import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { guard } from "../../kernel/auth.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "clients:read-assigned" } satisfies Access;

export const handle = { i18n: ["dossier"] };

/** The staff member's clients: everyone whose care team they are in, each a way into a dossier. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const clients = await context.services.clientsFor(tenant).careTeams.clientsOf(account.id);
  return { clients: clients.map(({ userId, displayName }) => ({ userId, displayName })) };
}

export default function Clients() {
  const { t } = useTranslation();
  const { clients } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("dossier.clientsTitle")}</h1>
      <p className="lead">{t("dossier.clientsIntro")}</p>
      {clients.length === 0 ? (
        <p>{t("dossier.clientsEmpty")}</p>
      ) : (
        <ul className="tiles">
          {clients.map((client) => (
            <li key={client.userId}>
              <Link className="tile" to={`/clients/${client.userId}`}>
                <span className="tile__title">{client.displayName}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
