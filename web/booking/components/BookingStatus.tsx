import { useTranslation } from "react-i18next";
import type { BookingStatus as Status } from "../../../core/booking/booking.ts";

/** A booking's state in words, with a colour that only repeats them. */
export function BookingStatus({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`status status--${status}`}>{t(`booking.status.${status}`)}</span>;
}
