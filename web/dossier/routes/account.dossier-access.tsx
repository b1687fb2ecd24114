import { type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { guard } from "../../kernel/auth.server.ts";
import { dateTimeFormat } from "../../kernel/i18n/format.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "dossier:read-own", opensAt: "organisation-choice" } satisfies Access;

export const handle = { i18n: ["dossier"] };

/** The parts of Portaal whose audit lines a client is shown in words; anything else is "your data". */
const describedAreas = [
  "users",
  "organisations",
  "audit",
  "dossier",
  "booking",
  "assignments",
  "goals",
] as const;

/**
 * "Who opened my dossier": every time someone else saw or changed this client's data, from the
 * audit log, newest first, in the client's own time zone. Addresses and devices stay with the admin.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const entries = await context.services
    .identityFor(tenant)
    .audit.search({ clientSeenByOthers: account.id, limit: 200 });
  const format = dateTimeFormat(context.language, account.timeZone);
  return {
    entries: entries.map((entry) => {
      const area = entry.action.split(".")[0] ?? "";
      return {
        id: entry.id,
        when: format.format(new Date(entry.at)),
        who: entry.actorName,
        what: (describedAreas as readonly string[]).includes(area) ? area : "other",
        refused: entry.result !== "success",
      };
    }),
  };
}

export default function DossierAccess() {
  const { t } = useTranslation();
  const { entries } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t("dossierAccess.title")}</h1>
      <p className="lead">{t("dossierAccess.intro")}</p>
      {entries.length === 0 ? <p>{t("dossierAccess.empty")}</p> : null}
      <ul className="item-list">
        {entries.map((entry) => (
          <li key={entry.id} className="item-list__item">
            <div>
              <p className="item-list__title">{entry.who ?? t("dossierAccess.someone")}</p>
              <p className="item-list__meta">
                {t(`dossierAccess.what.${entry.what}`)}
                {entry.refused ? ` · ${t("dossierAccess.refused")}` : ""}
              </p>
              <p className="item-list__meta">{entry.when}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
