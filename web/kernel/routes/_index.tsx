import { redirect, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "../../../core/kernel/auth/permissions.ts";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { homeSummary } from "../home.server.ts";
import { dateTimeFormat } from "../i18n/format.server.ts";
import { guard } from "../auth.server.ts";
import { webCapabilities } from "../../capabilities.ts";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { useRootData, type TenantRootData } from "../../root.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use" } satisfies Access;

export const handle = { i18n: webCapabilities.flatMap((part) => part.home?.namespaces ?? []) };

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.site.kind !== "tenant") return { coaches: [], summary: null };
  // A capability may take over a tenant's start page (the operator tenant's is its console).
  const { tenant: site } = context.site;
  const takenOver = webCapabilities.find((part) => part.startPage?.of(site));
  if (takenOver?.startPage) throw redirect(takenOver.startPage.path);
  // A tenant's start page is the person's own: behind the sign-in, naming who they work with and
  // what is open for them in each part.
  const { tenant, account } = guard({ context, request }, access);
  const [coaches, summary] = await Promise.all([
    hasPermission(account.role, "dossier:read-own")
      ? context.services.clientsFor(tenant).careTeams.coachesOf(account.id)
      : [],
    homeSummary(context, tenant, account, dateTimeFormat(context.language, account.timeZone)),
  ]);
  return { coaches: coaches.map((coach) => coach.displayName), summary };
}

/** The bare platform host shows Portaal's public page; a tenant host shows the client's start page. */
export default function Index() {
  const root = useRootData();
  if (root?.kind === "tenant") return <TenantHome data={root} />;
  return <PlatformHome />;
}

function TenantHome({ data }: { data: TenantRootData }) {
  const { t } = useTranslation();
  const { coaches, summary } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{data.welcome ?? t("home.intro")}</p>
      {coaches.length > 0 ? (
        <p>{t("home.careTeam", { count: coaches.length, names: coaches.join(", ") })}</p>
      ) : null}
      {webCapabilities.map(({ routes, home }) =>
        home?.Section && summary?.[routes] !== undefined ? (
          <home.Section key={routes} summary={summary[routes]} />
        ) : null,
      )}
      <h2 className="section-title">{t("home.overview")}</h2>
      <ul className="tiles">
        {data.navigation.map((item) => (
          <li key={item.feature}>
            <Link className="tile" to={item.path}>
              <span className="tile__title">{t(`features.${item.feature}`)}</span>
              <span className="tile__text">{t(`featureDescriptions.${item.feature}`)}</span>
              <TileStatus text={statusOf(item.feature, summary, t)} />
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function TileStatus({ text }: { text: string | null }) {
  return text ? <span className="tile__status">{text}</span> : null;
}

/** What a tile says is open in its capability, when the capability counts anything for this person. */
function statusOf(feature: string, summary: Record<string, unknown> | null, t: TFunction): string | null {
  const part = webCapabilities.find((candidate) => candidate.feature === feature);
  const counted = part && summary?.[part.routes];
  return part?.home && counted !== undefined ? part.home.status(counted, t) : null;
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
