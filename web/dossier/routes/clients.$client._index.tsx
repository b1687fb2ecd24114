import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AssignedClient } from "../../../core/kernel/care-team/care-team.ts";
import type { FeatureKey } from "../../../core/kernel/tenants/features.ts";
import { requireAssignedClient } from "../dossier.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "clients:read-assigned" } satisfies Access;

export const handle = { i18n: ["dossier"] };

/** Where each part of one client's dossier lives for the staff member working with them. */
const parts = {
  messages: (client: AssignedClient) => `/messages?q=${encodeURIComponent(client.displayName)}`,
  documents: (client: AssignedClient) => `/clients/${client.userId}/documents`,
  assignments: (client: AssignedClient) => `/clients/${client.userId}/assignments`,
  goals: (client: AssignedClient) => `/clients/${client.userId}/goals`,
  booking: () => "/booking/agenda",
} satisfies Partial<Record<FeatureKey, (client: AssignedClient) => string>>;
type Part = keyof typeof parts;
const isPart = (feature: FeatureKey): feature is Part => feature in parts;

/** One client's dossier as their coach sees it: the same parts as the client's own start page. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { tenant, client } = await requireAssignedClient(context, request, params.client ?? "", {
    audited: true,
  });
  return {
    name: client.displayName,
    parts: tenant.features.filter(isPart).map((part) => ({ part, path: parts[part](client) })),
  };
}

export default function Dossier() {
  const { t } = useTranslation();
  const { name, parts } = useLoaderData<typeof loader>();
  return (
    <section>
      <p>
        <Link to="/clients">{t("dossier.backToClients")}</Link>
      </p>
      <h1>{t("dossier.dossierTitle", { name })}</h1>
      <p className="lead">{t("dossier.dossierIntro", { name })}</p>
      <ul className="tiles">
        {parts.map(({ part, path }) => (
          <li key={part}>
            <Link className="tile" to={path}>
              <span className="tile__title">{t(`features.${part}`)}</span>
              <span className="tile__text">{t(`dossier.parts.${part}`, { name })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
