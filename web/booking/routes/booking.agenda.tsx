import { type LinksFunction, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { agendaOf } from "../../../core/booking/desk.ts";
import { daysRange, isLocalDate, mondayOf } from "../../../core/booking/planner.ts";
import { addDays, inZone } from "../../../core/booking/zoned.ts";
import { requireBooking, shownBooking } from "../booking.server.ts";
import bookingStyles from "../components/booking.css?url";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "agenda:manage-own", feature: "booking" } satisfies Access;

export const handle = { i18n: ["booking"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bookingStyles }];

/** A staff member's own appointments, a day or a week (from Monday) of their own calendar. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { actor, deps, origin, formats } = requireBooking(context, request, access);
  const search = new URL(request.url).searchParams;
  const view = search.get("view") === "day" ? ("day" as const) : ("week" as const);
  const today = inZone(deps.now(), formats.zone).date;
  const date = isLocalDate(search.get("date") ?? "") ? search.get("date")! : today;
  const first = view === "week" ? mondayOf(date) : date;
  const length = view === "week" ? 7 : 1;
  const { from, until } = daysRange(first, length, formats.zone);
  const bookings = await agendaOf(deps, actor, from, until, origin);
  const now = deps.now();
  const link = (to: { view: "day" | "week"; date: string }) => `/booking/agenda?${new URLSearchParams(to)}`;
  const dates = Array.from({ length }, (_, index) => addDays(first, index));
  return {
    view,
    zone: formats.zone,
    title: view === "week" ? { range: formats.days(first, dates.at(-1)!) } : formats.day(date),
    days: dates.map((day) => ({
      date: day,
      title: formats.dayOfYear(day),
      today: day === today,
      items: bookings
        .filter((booking) => inZone(booking.startsAt, formats.zone).date === day)
        .map((booking) => shownBooking(booking, formats, now))
        // A hold that ran out takes no time any more.
        .filter((booking) => booking.status !== "expired"),
    })),
    links: {
      previous: link({ view, date: addDays(date, -length) }),
      next: link({ view, date: addDays(date, length) }),
      today: link({ view, date: today }),
      day: link({ view: "day", date: view === "week" && dates.includes(today) ? today : date }),
      week: link({ view: "week", date }),
    },
  };
}

export default function Agenda() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const week = page.view === "week";
  return (
    <section className="agenda">
      <h1>{t("booking.agenda.title")}</h1>
      <p className="zone-note">{t("booking.zone", { zone: page.zone })}</p>
      <div className="agenda__bar">
        <nav aria-label={t("booking.agenda.navigation")}>
          <Link
            to={page.links.previous}
            className="month__step"
            aria-label={week ? t("booking.agenda.previousWeek") : t("booking.agenda.previousDay")}
          >
            <span aria-hidden="true">‹</span> {t("booking.month.previousShort")}
          </Link>
          <Link to={page.links.today} className="month__step">
            {t("booking.agenda.today")}
          </Link>
          <Link
            to={page.links.next}
            className="month__step"
            aria-label={week ? t("booking.agenda.nextWeek") : t("booking.agenda.nextDay")}
          >
            {t("booking.month.nextShort")} <span aria-hidden="true">›</span>
          </Link>
        </nav>
        <nav aria-label={t("booking.agenda.views")} className="agenda__views">
          <Link to={page.links.day} className="month__step" aria-current={week ? undefined : "page"}>
            {t("booking.agenda.day")}
          </Link>
          <Link to={page.links.week} className="month__step" aria-current={week ? "page" : undefined}>
            {t("booking.agenda.week")}
          </Link>
        </nav>
      </div>
      <h2 className="section-title agenda__title">
        {typeof page.title === "string" ? page.title : t("booking.agenda.weekOf", page.title)}
        {!week && page.days[0]?.today ? ` (${t("booking.month.today")})` : null}
      </h2>
      {page.days.map((day) => (
        <section key={day.date} className="agenda__day" aria-label={week ? day.title : undefined}>
          {week ? (
            <h3 className="agenda__day-title">
              {day.title}
              {day.today ? ` (${t("booking.month.today")})` : null}
            </h3>
          ) : null}
          {day.items.length === 0 ? (
            <p className="agenda__none">{t("booking.agenda.none")}</p>
          ) : (
            <ul className="item-list appointment-list">
              {day.items.map((item) => (
                <li key={item.id} className="item-list__item">
                  <div>
                    <p className="item-list__title">
                      <Link to={`/booking/${item.id}`}>
                        <span className="agenda__time">{`${item.start} – ${item.end}`}</span>
                        {` ${item.clientName}`}
                      </Link>
                      {item.status === "held" ? (
                        <span className="status status--held">{t("booking.agenda.heldBy")}</span>
                      ) : null}
                    </p>
                    <p className="item-list__meta">
                      {item.typeName} · {t(`booking.locations.${item.location}`)}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}
