import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type CorrespondenceSummary = {
  unread: number;
  replies: { path: string; senderName: string; subject: string; when: string }[];
};

/** "My correspondence" on the start page: how many messages wait unread, and the newest replies. */
export function Correspondence({ summary }: { summary: CorrespondenceSummary }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="correspondence-title">
      <h2 id="correspondence-title" className="section-title">
        {t("messaging.summary.title")}
      </h2>
      <p>
        {summary.unread > 0
          ? t("messaging.summary.unread", { count: summary.unread })
          : t("messaging.summary.none")}
      </p>
      {summary.replies.length > 0 ? (
        <ul className="correspondence">
          {summary.replies.map((reply) => (
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
  );
}
