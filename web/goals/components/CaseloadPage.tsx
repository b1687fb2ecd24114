import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { loadCaseload } from "../goals.server.ts";

type Caseload = Awaited<ReturnType<typeof loadCaseload>>;

/** A staff member's clients with their open goals at a glance; each leads to that client's goals. */
export function CaseloadPage({ clients }: Pick<Caseload, "clients">) {
  const { t } = useTranslation();
  return (
    <section className="narrow goals">
      <h1>{t("goals.title")}</h1>
      <p className="lead">{t("goals.caseload.intro")}</p>
      {clients.length === 0 ? <p>{t("goals.caseload.none")}</p> : null}
      <ul className="goal-list">
        {clients.map((client) => (
          <li key={client.id} className="goal-card">
            <h2 className="goal-card__title">
              <Link to={`/clients/${client.id}/goals`}>{client.name}</Link>
            </h2>
            <p className="item-list__meta">
              {client.summary.averageProgress === null
                ? t("goals.caseload.noOpen")
                : t("goals.caseload.open", {
                    count: client.summary.open,
                    average: client.summary.averageProgress,
                  })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
