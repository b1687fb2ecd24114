import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AssignmentStatus } from "../../../core/assignments/assignment.ts";
import { StatusBadge } from "./AssignmentParts.tsx";

export type ListedAssignment = {
  id: string;
  title: string;
  from: string;
  date: string;
  status: AssignmentStatus;
  isNew: boolean;
};

/**
 * One client's assignments, as they see them and as their care team sees them (`staff`): new
 * (unopened) ones first and marked, in words as well as by the border.
 */
export function ClientAssignmentList({
  items,
  staff = false,
}: {
  items: ListedAssignment[];
  staff?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ul className="item-list assignment-list">
      {items.map((item) => (
        <li key={item.id} className="item-list__item" data-new={item.isNew}>
          <div>
            <p className="item-list__title">
              <Link to={`/assignments/${item.id}`}>{item.title}</Link>
              {item.isNew ? (
                <span className="badge" aria-label={t("assignments.newLabel")}>
                  {t("assignments.new")}
                </span>
              ) : null}
              <StatusBadge status={item.status} staff={staff} />
            </p>
            <p className="item-list__meta">{t("assignments.from", { name: item.from, date: item.date })}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
