import { useTranslation } from "react-i18next";
import type { AssignmentStatus } from "../../../core/assignments/assignment.ts";
import type { ShownEntry } from "../assignments.server.ts";

/** An assignment's state in words (the client's or the staff member's), with a colour that only repeats them. */
export function StatusBadge({ status, staff = false }: { status: AssignmentStatus; staff?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`status assignment-status--${status}`}>
      {t(staff ? `assignments.staffStatus.${status}` : `assignments.status.${status}`)}
    </span>
  );
}

/** The description, rendered on the server from Markdown with raw HTML and unsafe links removed. */
export function Description({ html }: { html: string }) {
  return <div className="assignment-description" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The hand-ins and feedback of one client's copy, oldest first; entries are plain text. */
export function Thread({ entries }: { entries: ShownEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p>{t("assignments.detail.noThread")}</p>;
  return (
    <ol className="assignment-thread">
      {entries.map((entry) => (
        <li key={entry.id} className={`assignment-thread__entry assignment-thread__entry--${entry.kind}`}>
          <p className="item-list__meta">
            {t(entry.kind === "handIn" ? "assignments.detail.handedInBy" : "assignments.detail.feedbackBy", {
              name: entry.name,
              date: entry.date,
            })}
          </p>
          <p className="assignment-thread__body">{entry.body}</p>
        </li>
      ))}
    </ol>
  );
}
