import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/cloudflare";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { appointmentsOf, bookableCoaches, leaveWaitlist, waitlistOf } from "../../../core/booking/desk.ts";
import { isLocalDate } from "../../../core/booking/planner.ts";
import { requireBooking, shownBooking, type ShownBooking } from "../booking.server.ts";
import { leaveWaitlistForm } from "../booking-forms.server.ts";
import { readForm, throwIfUnknown } from "../../kernel/forms.server.ts";
import { BookingStatus } from "../components/BookingStatus.tsx";
import bookingStyles from "../components/booking.css?url";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "portal:use", feature: "booking" } satisfies Access;

export const handle = { i18n: ["booking"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bookingStyles }];

/** A client's appointments, coming and past, on their own clock; staff keep their agenda. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { account, actor, deps, formats } = requireBooking(context, request, access);
  if (account.role !== "client") throw redirect("/booking/agenda");
  const [{ upcoming, past }, waiting, coaches] = await Promise.all([
    appointmentsOf(deps, actor),
    waitlistOf(deps, actor),
    bookableCoaches(deps, actor),
  ]);
  const now = deps.now();
  const coachOf = new Map(coaches.map((coach) => [coach.userId, coach]));
  const params = new URL(request.url).searchParams;
  const joined = params.get("waiting") ?? "";
  return {
    zone: formats.zone,
    // What the last step did: joined the waitlist of a day (shown as the client reads dates), or left one.
    done: isLocalDate(joined) ? { joined: formats.day(joined) } : params.has("left") ? { left: true } : null,
    upcoming: upcoming.map((booking) => shownBooking(booking, formats, now)),
    past: past.map((booking) => shownBooking(booking, formats, now)),
    waiting: waiting.map((entry) => {
      const coach = coachOf.get(entry.staffUserId);
      return {
        id: entry.id,
        date: formats.day(entry.date),
        name: coach?.displayName ?? "",
        type: coach?.types.find((type) => type.id === entry.appointmentTypeId)?.name ?? "",
        offered: entry.status === "offered",
      };
    }),
  };
}

/** The client leaves the waitlist of a day. */
export async function action({ context, request }: ActionFunctionArgs) {
  const { actor, deps } = requireBooking(context, request, { ...access, permission: "appointments:book" });
  const form = await readForm(request, leaveWaitlistForm);
  throwIfUnknown(form, "entry");
  if (!form.ok) throw data(null, { status: 400 });
  if (!(await leaveWaitlist(deps, actor, form.data.entry))) throw data(null, { status: 404 });
  return redirect("/booking?left=1");
}

export default function Appointments() {
  const { t } = useTranslation();
  const { zone, upcoming, past, waiting, done } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t("booking.title")}</h1>
      <p className="lead">{t("booking.intro")}</p>
      {done ? (
        <p className="notice" role="status">
          {"joined" in done
            ? t("booking.waitlist.joined", { date: done.joined })
            : t("booking.waitlist.left")}
        </p>
      ) : null}
      <p>
        <Link to="/booking/new" className="button">
          {t("booking.plan")}
        </Link>
      </p>
      <p className="zone-note">{t("booking.zone", { zone })}</p>
      <h2 className="section-title">{t("booking.upcoming")}</h2>
      {upcoming.length === 0 ? <p>{t("booking.noUpcoming")}</p> : <AppointmentList items={upcoming} />}
      {waiting.length > 0 ? (
        <>
          <h2 className="section-title">{t("booking.waitlist.listTitle")}</h2>
          <ul className="item-list">
            {waiting.map((entry) => (
              <li key={entry.id} className="item-list__item">
                <div>
                  <p className="item-list__title">
                    {t("booking.waitlist.entry", { date: entry.date, type: entry.type, name: entry.name })}
                  </p>
                  {entry.offered ? <p className="item-list__meta">{t("booking.waitlist.offered")}</p> : null}
                </div>
                {entry.offered ? null : (
                  <Form method="post">
                    <input type="hidden" name="entry" value={entry.id} />
                    <button type="submit" className="button button--secondary">
                      {t("booking.waitlist.leave")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
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
