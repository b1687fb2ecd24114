import { redirect, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { appointmentsOf } from "../../core/booking/desk.ts";
import { requireBooking, shownBooking, type ShownBooking } from "../booking.server.ts";
import { BookingStatus } from "../components/booking/BookingStatus.tsx";
import bookingStyles from "../components/booking/booking.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bookingStyles }];

/** A client's appointments, coming and past, on their own clock; staff keep their agenda. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { account, actor, deps, formats } = requireBooking(context, request, "portal:use");
  if (account.role !== "client") throw redirect("/booking/agenda");
  const { upcoming, past } = await appointmentsOf(deps, actor);
  const now = deps.now();
  return {
    zone: formats.zone,
    upcoming: upcoming.map((booking) => shownBooking(booking, formats, now)),
    past: past.map((booking) => shownBooking(booking, formats, now)),
  };
}

export default function Appointments() {
  const { t } = useTranslation();
  const { zone, upcoming, past } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t("booking.title")}</h1>
      <p className="lead">{t("booking.intro")}</p>
      <p>
        <Link to="/booking/new" className="button">
          {t("booking.plan")}
        </Link>
      </p>
      <p className="zone-note">{t("booking.zone", { zone })}</p>
      <h2 className="section-title">{t("booking.upcoming")}</h2>
      {upcoming.length === 0 ? <p>{t("booking.noUpcoming")}</p> : <AppointmentList items={upcoming} />}
      <h2 className="section-title">{t("booking.past")}</h2>
      {past.length === 0 ? <p>{t("booking.noPast")}</p> : <AppointmentList items={past} />}
    </section>
  );
}

function AppointmentList({ items }: { items: ShownBooking[] }) {
  const { t } = useTranslation();
  return (
    <ul className="item-list appointment-list">
      {items.map((item) => (
        <li key={item.id} className="item-list__item">
          <div>
            <p className="item-list__title">
              <Link to={`/booking/${item.id}`}>
                {t("booking.when", { date: item.date, start: item.start, end: item.end })}
              </Link>
              <BookingStatus status={item.status} />
            </p>
            <p className="item-list__meta">
              {item.typeName} · {t("booking.with", { name: item.staffName })} ·{" "}
              {t(`booking.locations.${item.location}`)}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
