import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { book, joinWaitlist } from "../../../core/booking/desk.ts";
import { bookingChoices, freeMonth, isLocalDate, monthOf } from "../../../core/booking/planner.ts";
import { pickerData, refusedPick, requireBooking } from "../booking.server.ts";
import { newBookingForm, slotOf, waitlistForm } from "../booking-forms.server.ts";
import { newFormKey, parseForm, throwIfUnknown } from "../../kernel/forms.server.ts";
import { SelectField } from "../../kernel/components/Field.tsx";
import { MonthView, RefusedTime, SlotForm } from "../components/TimePicker.tsx";
import bookingStyles from "../components/booking.css?url";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "appointments:book", feature: "booking" } satisfies Access;

export const handle = { i18n: ["booking"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bookingStyles }];

/**
 * A client books time: with whom (when their care team has several who take bookings), what
 * kind of appointment, then a day of the month and a free time on it, which is held for them.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, actor, deps, formats } = requireBooking(context, request, access);
  const params = new URL(request.url).searchParams;
  const { coaches, notBookable } = await bookingChoices(deps, actor);
  const coach =
    coaches.find((each) => each.userId === params.get("coach")) ??
    (coaches.length === 1 ? coaches[0]! : null);
  const named = { notBookable: notBookable.map((each) => each.displayName) };
  if (!coach)
    return {
      step: "coach" as const,
      ...named,
      coaches: coaches.map((each) => ({
        id: each.userId,
        name: each.displayName,
        // A coach with one kind of appointment leads straight to the month.
        type: each.types.length === 1 ? each.types[0]!.id : null,
      })),
    };
  const type =
    coach.types.find((each) => each.id === params.get("type")) ??
    (coach.types.length === 1 ? coach.types[0]! : null);
  const onlyChoice = coaches.length === 1 && coach.types.length === 1;
  if (!type)
    return {
      step: "type" as const,
      ...named,
      onlyChoice,
      coach: { id: coach.userId, name: coach.displayName },
      types: coach.types.map(({ id, name, durationMinutes, location }) => ({
        id,
        name,
        durationMinutes,
        location,
      })),
    };

  const day = isLocalDate(params.get("day") ?? "") ? params.get("day")! : null;
  const month = await freeMonth(deps, actor, {
    staffUserId: coach.userId,
    appointmentTypeId: type.id,
    month: params.get("month") ?? (day ? monthOf(day) : null),
    zone: formats.zone,
  });
  if (!month) throw data(null, { status: 404 });
  const link = (choice: { month: string; day?: string }) =>
    `/booking/new?${new URLSearchParams({ coach: coach.userId, type: type.id, ...choice })}`;
  // Opened without a month, at the end of one with nothing left in it: the next one with time.
  if (!params.has("month") && !day && Object.keys(month.byDate).length === 0 && month.next)
    throw redirect(link({ month: month.next }));
  return {
    step: "time" as const,
    onlyChoice,
    zone: formats.zone,
    noticeHours: tenant.settings.booking.cancelNoticeHours,
    coach: { id: coach.userId, name: coach.displayName },
    type: { id: type.id, name: type.name, durationMinutes: type.durationMinutes, location: type.location },
    picker: pickerData(month, day, link, formats),
    // Full days of this month from today on: a client may wait for one of them.
    waitDays: month.weeks
      .flat()
      .filter((each) => each.full)
      .map((each) => ({ date: each.date, label: formats.day(each.date) })),
    // One key per rendered form: sending it again finds the same hold (booking.server.ts).
    formKey: newFormKey(),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { account, actor, deps, origin, formats } = requireBooking(context, request, access);
  const formData = await request.formData();
  if (formData.get("intent") === "waitlist") {
    const form = parseForm(waitlistForm, formData);
    throwIfUnknown(form, "coach", "type");
    if (!form.ok) return data({ waitlist: "past" as const, date: null }, 400);
    const { coach, type, date } = form.data;
    const joined = await joinWaitlist(
      deps,
      { ...actor, timeZone: account.timeZone },
      { staffUserId: coach, appointmentTypeId: type, date },
      origin,
    );
    if (joined.ok) return redirect(`/booking?waiting=${encodeURIComponent(date)}`);
    if (joined.reason === "notFound") throw data(null, { status: 404 });
    return data({ waitlist: joined.reason, date }, joined.reason === "past" ? 400 : 409);
  }
  const form = parseForm(newBookingForm, formData);
  throwIfUnknown(form, "coach", "type");
  if (!form.ok) return data(refusedPick({ reason: "invalid" }, formats), 400);
  const { coach, type } = form.data;
  const outcome = await book(
    deps,
    actor,
    { staffUserId: coach, appointmentTypeId: type, ...slotOf(form.data), hold: true },
    origin,
  );
  if (outcome.ok) return redirect(`/booking/${outcome.booking.id}`);
  if (outcome.reason === "notFound") throw data(null, { status: 404 });
  return data(refusedPick(outcome, formats), outcome.reason === "invalid" ? 400 : 409);
}

export default function NewBooking() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("booking.choose.title")}</h1>
      {page.step === "time" ? <TimeStep page={page} /> : <ChoiceStep page={page} />}
      <p>
        <Link to="/booking">{t("booking.choose.back")}</Link>
      </p>
    </section>
  );
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

function ChoiceStep({ page }: { page: Exclude<Page, { step: "time" }> }) {
  const { t } = useTranslation();
  const names = page.notBookable;
  const none =
    page.step === "coach" && page.coaches.length === 0 ? (
      <p className="notice" role="status">
        {names.length > 0
          ? t("booking.choose.noHours", { count: names.length, names: names.join(", ") })
          : t("booking.choose.noTeam")}
      </p>
    ) : null;
  return (
    <div className="narrow">
      {none ?? <p className="lead">{t("booking.choose.intro")}</p>}
      {page.step === "coach" && page.coaches.length > 0 ? (
        <>
          <h2 className="section-title">{t("booking.choose.coach")}</h2>
          <ul className="item-list">
            {page.coaches.map((coach) => (
              <li key={coach.id} className="item-list__item">
                <Link
                  className="item-list__title"
                  to={`/booking/new?${new URLSearchParams(
                    coach.type ? { coach: coach.id, type: coach.type } : { coach: coach.id },
                  )}`}
                >
                  {coach.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {page.step === "type" ? (
        <>
          <h2 className="section-title">{t("booking.choose.type")}</h2>
          <p>{t("booking.with", { name: page.coach.name })}</p>
          <ul className="item-list">
            {page.types.map((type) => (
              <li key={type.id} className="item-list__item">
                <div>
                  <Link
                    className="item-list__title"
                    to={`/booking/new?${new URLSearchParams({ coach: page.coach.id, type: type.id })}`}
                  >
                    {type.name}
                  </Link>
                  <p className="item-list__meta">
                    {t("booking.choose.minutes", { count: type.durationMinutes })} ·{" "}
                    {t(`booking.locations.${type.location}`)}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          {page.onlyChoice ? null : (
            <p>
              <Link to="/booking/new">{t("booking.choose.change")}</Link>
            </p>
          )}
        </>
      ) : null}
    </div>
  );
}

function TimeStep({ page }: { page: Extract<Page, { step: "time" }> }) {
  const { t } = useTranslation();
  const answer = useActionData<typeof action>();
  const refusal = answer && !("waitlist" in answer) ? answer : null;
  const hidden = { coach: page.coach.id, type: page.type.id };
  return (
    <>
      {refusal ? <RefusedTime refusal={refusal} formKey={page.formKey} hidden={hidden} /> : null}
      <div className="choice-summary">
        <p>
          {t("booking.choose.chosen", { type: page.type.name, name: page.coach.name })} ·{" "}
          {t("booking.choose.minutes", { count: page.type.durationMinutes })} ·{" "}
          {t(`booking.locations.${page.type.location}`)}
        </p>
        {page.onlyChoice ? null : <Link to="/booking/new">{t("booking.choose.change")}</Link>}
      </div>
      <p className="zone-note">{t("booking.zone", { zone: page.zone })}</p>
      {page.noticeHours > 0 ? (
        <p className="zone-note">{t("booking.choose.notice", { hours: page.noticeHours })}</p>
      ) : null}
      <div className="picker">
        <MonthView picker={page.picker} />
        <SlotForm day={page.picker.day} formKey={page.formKey} hidden={hidden} />
      </div>
      {page.waitDays.length > 0 ? (
        <WaitlistForm
          days={page.waitDays}
          hidden={hidden}
          refused={answer && "waitlist" in answer ? answer : null}
        />
      ) : null}
    </>
  );
}

function WaitlistForm({
  days,
  hidden,
  refused,
}: {
  days: { date: string; label: string }[];
  hidden: Record<string, string>;
  refused: { waitlist: "hasFreeTime" | "closed" | "past"; date: string | null } | null;
}) {
  const { t } = useTranslation();
  return (
    <section className="narrow waitlist" aria-labelledby="waitlist-title">
      <h2 id="waitlist-title" className="section-title">
        {t("booking.waitlist.title")}
      </h2>
      <p>{t("booking.waitlist.intro")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="waitlist" />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <SelectField
          name="date"
          label={t("booking.waitlist.day")}
          options={days.map((day) => ({ value: day.date, label: day.label }))}
          defaultValue={refused?.date ?? undefined}
          error={refused ? t(`booking.waitlist.${refused.waitlist}`) : undefined}
        />
        <button type="submit" className="button button--secondary">
          {t("booking.waitlist.join")}
        </button>
      </Form>
    </section>
  );
}
