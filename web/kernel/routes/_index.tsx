import { redirect, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "../../../core/kernel/auth/permissions.ts";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { FeatureKey } from "../../../core/kernel/tenants/features.ts";
import { homeSummary, type HomeSummary } from "../home.server.ts";
import { dateTimeFormat } from "../i18n/format.server.ts";
import { guard } from "../auth.server.ts";
import { webCapabilities } from "../../capabilities.ts";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { useRootData, type TenantRootData } from "../../root.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use" } satisfies Access;

export const handle = { i18n: ["messaging"] };

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.site.kind !== "tenant") return { coaches: [], summary: null, replies: [] };
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
    homeSummary(context, tenant, account),
  ]);
  const when = dateTimeFormat(context.language, account.timeZone);
  return {
    coaches: coaches.map((coach) => coach.displayName),
    summary,
    replies: (summary.messages?.replies ?? []).map((reply) => ({
      path: `/messages/${reply.conversationId}#message-${reply.seq}`,
      senderName: reply.senderName,
      subject: reply.subject,
      when: when.format(new Date(reply.sentAt)),
    })),
  };
}

/** The bare platform host shows Portaal's public page; a tenant host shows the client's start page. */
export default function Index() {
  const root = useRootData();
  if (root?.kind === "tenant") return <TenantHome data={root} />;
  return <PlatformHome />;
}

function TenantHome({ data }: { data: TenantRootData }) {
  const { t } = useTranslation();
  const { coaches, summary, replies } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{data.welcome ?? t("home.intro")}</p>
      {coaches.length > 0 ? (
        <p>{t("home.careTeam", { count: coaches.length, names: coaches.join(", ") })}</p>
      ) : null}
      {summary?.messages ? (
        <section aria-labelledby="correspondence-title">
          <h2 id="correspondence-title" className="section-title">
            {t("messaging.summary.title")}
          </h2>
          <p>
            {summary.messages.unread > 0
              ? t("messaging.summary.unread", { count: summary.messages.unread })
              : t("messaging.summary.none")}
          </p>
          {replies.length > 0 ? (
            <ul className="correspondence">
              {replies.map((reply) => (
                <li key={reply.path}>
                  <Link to={reply.path}>
                    {t("messaging.summary.reply", { name: reply.senderName, subject: reply.subject })}
                  </Link>{" "}
                  <span className="correspondence__when">{reply.when}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <h2 className="section-title">{t("home.overview")}</h2>
      <ul className="tiles">
        {data.navigation.map((item) => (
          <li key={item.feature}>
            <Link className="tile" to={item.path}>
              <span className="tile__title">{t(`features.${item.feature}`)}</span>
              <span className="tile__text">{t(`featureDescriptions.${item.feature}`)}</span>
              <TileStatus text={summary ? statusOf(item.feature, summary, t) : null} />
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

/** What a tile says is open in its part, when the part counts anything for this person. */
function statusOf(feature: FeatureKey, summary: HomeSummary, t: TFunction): string | null {
  if (feature === "messages" && summary.messages)
    return summary.messages.unread > 0
      ? t("messaging.summary.unread", { count: summary.messages.unread })
      : t("messaging.summary.none");
  if (feature === "documents" && summary.documents !== null)
    return summary.documents > 0
      ? t("homeStatus.documents", { count: summary.documents })
      : t("homeStatus.documentsNone");
  if (feature === "assignments" && summary.assignments) {
    const { new: fresh, open } = summary.assignments;
    if (fresh > 0) return t("homeStatus.assignmentsNew", { count: fresh });
    return open > 0 ? t("homeStatus.assignmentsOpen", { count: open }) : t("homeStatus.assignmentsNone");
  }
  if (feature === "assignments" && summary.awaitingReview && summary.awaitingReview.awaitingReview > 0)
    return t("homeStatus.awaitingReview", { count: summary.awaitingReview.awaitingReview });
  if (feature === "goals" && summary.goals)
    return summary.goals.open > 0
      ? t("homeStatus.goals", { count: summary.goals.open, progress: summary.goals.averageProgress ?? 0 })
      : t("homeStatus.goalsNone");
  return null;
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
