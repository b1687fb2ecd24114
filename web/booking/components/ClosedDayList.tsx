import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A public holiday or closure day as the setup pages list it: its first and (if other) last date written out. */
export type ShownClosedDay = { key: string; first: string; last: string | null } & (
  { kind: "holiday"; name: string } | { kind: "closure"; label: string | null }
);

/** Closed days with what closes them; `action` adds a control to a day (the admin's remove button). */
export function ClosedDayList({
  days,
  action,
}: {
  days: readonly ShownClosedDay[];
  action?: (day: ShownClosedDay) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ul className="item-list">
      {days.map((day) => (
        <li key={day.key} className="item-list__item">
          <div>
            <p className="item-list__title">{datesOf(day, t)}</p>
            <p className="item-list__meta">
              {day.kind === "holiday"
                ? t("bookingSetup.closed.holiday", { name: day.name })
                : day.label
                  ? t("bookingSetup.closed.closureLabel", { label: day.label })
                  : t("bookingSetup.closed.closure")}
            </p>
          </div>
          {action?.(day)}
        </li>
      ))}
    </ul>
  );
}

export const datesOf = (day: ShownClosedDay, t: TFunction) =>
  day.last ? t("bookingSetup.closed.range", { first: day.first, last: day.last }) : day.first;
