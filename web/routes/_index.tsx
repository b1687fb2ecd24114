import { redirect, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "../../core/auth/permissions.ts";
import { useTranslation } from "react-i18next";
import { isOperatorTenant } from "../../core/tenants/operator.ts";
import { requirePermission } from "../auth.server.ts";
import { requireOperator } from "../operator.server.ts";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { useRootData, type TenantRootData } from "../root.tsx";

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.site.kind !== "tenant") return { coaches: [] };
  // The operator tenant has one page: the console.
  if (isOperatorTenant(context.site.tenant)) {
    requireOperator(context, request);
    throw redirect("/platform/tenants");
  }
  // A tenant's start page is the client's own: behind the sign-in, naming who they work with.
  const { tenant, account } = requirePermission(context, request, "portal:use");
  if (!hasPermission(account.role, "dossier:read-own")) return { coaches: [] };
  const coaches = await context.services.clientsFor(tenant).careTeams.coachesOf(account.id);
  return { coaches: coaches.map((coach) => coach.displayName) };
}

/** The bare platform host shows Portaal's public page; a tenant host shows the client's start page. */
export default function Index() {
  const root = useRootData();
  if (root?.kind === "tenant") return <TenantHome data={root} />;
  return <PlatformHome />;
}

function TenantHome({ data }: { data: TenantRootData }) {
  const { t } = useTranslation();
  const { coaches } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{data.welcome ?? t("home.intro")}</p>
      {coaches.length > 0 ? (
        <p>{t("home.careTeam", { count: coaches.length, names: coaches.join(", ") })}</p>
      ) : null}
      <h2 className="section-title">{t("home.overview")}</h2>
      <ul className="tiles">
        {data.navigation.map((item) => (
          <li key={item.feature}>
            <Link className="tile" to={item.path}>
              <span className="tile__title">{t(`features.${item.feature}`)}</span>
              <span className="tile__text">{t(`featureDescriptions.${item.feature}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function PlatformHome() {
  const { t } = useTranslation();
  const points = ["talk", "documents", "booking", "plan"] as const;
  return (
    <main id="main" className="platform">
      <div className="platform__top">
        <span className="platform__logo">Portaal</span>
        <LanguageSwitch returnTo="/" />
      </div>
      <h1>{t("platform.title")}</h1>
      <p className="lead">{t("platform.intro")}</p>
      <ul className="platform__points">
        {points.map((point) => (
          <li key={point}>{t(`platform.points.${point}`)}</li>
        ))}
      </ul>
      <p>{t("platform.contact")}</p>
    </main>
  );
}
