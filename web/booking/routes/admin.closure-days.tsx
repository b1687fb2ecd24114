import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { closureDayValuesOf, type ClosureDayValues } from "../../../core/booking/closure-days.ts";
import {
  addClosureDay,
  closedDaysAhead,
  holidayCountryIn,
  removeClosureDay,
} from "../../../core/booking/setup-closures.ts";
import { addDays, inZone } from "../../../core/booking/zoned.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";
import { readForm, throwIfUnknown } from "../../kernel/forms.server.ts";
import { Field } from "../../kernel/components/Field.tsx";
import { ErrorSummary } from "../../kernel/components/NewPasswordFields.tsx";
import { closureDaysForm } from "../booking-forms.server.ts";
import {
  actorOf,
  countryName,
  requireBookingSetup,
  shownClosedDays,
  shownErrors,
} from "../booking-setup.server.ts";
import { useErrorText, type ShownErrors } from "../components/BookingSetupFields.tsx";
import { ClosedDayList, datesOf } from "../components/ClosedDayList.tsx";

export const access = { permission: "closure-days:manage", feature: "booking" } satisfies Access;

export const handle = { i18n: ["booking"] };

/**
 * The days nobody of the tenant can be booked: its country's public holidays of the coming year
 * (to look at) and its own closure days (to add and remove), for its admin.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { account, deps } = requireBookingSetup(context, request, access);
  const today = inZone(deps.now(), account.timeZone).date;
  const [country, closed] = await Promise.all([
    holidayCountryIn(deps),
    closedDaysAhead(deps, today, addDays(today, 365), context.language),
  ]);
  const closures = await deps.store.closureDays(today);
  return {
    today,
    country: countryName(context.language)(country),
    holidays: shownClosedDays(
      closed.filter((day) => day.kind === "holiday"),
      context.language,
    ),
    // Every closure day still to come, also those beyond the coming year.
    closures: shownClosedDays(
      closures.map((closure) => ({ kind: "closure" as const, ...closure })),
      context.language,
    ),
  };
}

type Answer = { values: ClosureDayValues; errors: ShownErrors };

export async function action({ context, request }: ActionFunctionArgs) {
  const { account, deps } = requireBookingSetup(context, request, access);
  const actor = actorOf(account, request);
  const parsed = await readForm(request, closureDaysForm);
  throwIfUnknown(parsed, "closure");
  if (!parsed.ok) throw data(null, { status: 400 });
  const form = parsed.data;
  if (form.intent === "remove") {
    // Another tenant's closure day, or none: not found.
    if (!(await removeClosureDay(deps, actor, form.closure ?? ""))) throw data(null, { status: 404 });
    return redirect("/admin/closure-days?done=removed");
  }
  const values = closureDayValuesOf(form);
  const outcome = await addClosureDay(deps, actor, values);
  if (!outcome.ok) return data<Answer>({ values, errors: shownErrors(outcome.errors) }, 400);
  return redirect("/admin/closure-days?done=added");
}

export default function ClosureDays() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { today, country, holidays, closures } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // A new page (after a save) starts the form empty again; a refusal keeps what was typed.
  const { key: visit } = useLocation();
  const done = answer ? null : searchParams.get("done");
  const errors = answer?.errors ?? {};
  const summary = Object.fromEntries(
    Object.entries(errors).map(([field, error]) => [field, errorText(error)]),
  );
  return (
    <section className="narrow">
      <h1>{t("bookingSetup.closed.title")}</h1>
      <p className="lead">{t("bookingSetup.closed.intro")}</p>
      {done === "added" || done === "removed" ? (
        <p className="notice notice--success" role="status">
          {t(`bookingSetup.closed.${done}`)}
        </p>
      ) : null}
      <ErrorSummary answer={answer} messages={summary} />

      <h2 className="section-title">{t("bookingSetup.closed.closuresTitle")}</h2>
      {closures.length === 0 ? <p>{t("bookingSetup.closed.noClosures")}</p> : null}
      <ClosedDayList
        days={closures}
        action={(day) => (
          <Form method="post">
            <input type="hidden" name="closure" value={day.key} />
            <button type="submit" name="intent" value="remove" className="button button--secondary">
              {t("bookingSetup.closed.remove")}
              <span className="visually-hidden">
                {" "}
                {t("bookingSetup.closed.removeContext", { date: datesOf(day, t) })}
              </span>
            </button>
          </Form>
        )}
      />
      <Form key={visit} method="post" className="form" noValidate preventScrollReset>
        <div className="hours-row hours-row--top">
          <Field
            name="firstDate"
            type="date"
            label={t("bookingSetup.closed.firstDate")}
            min={today}
            defaultValue={answer?.values.firstDate}
            error={errorText(errors.firstDate)}
          />
          <Field
            name="lastDate"
            type="date"
            label={t("bookingSetup.closed.lastDate")}
            hint={t("bookingSetup.closed.lastDateHint")}
            min={today}
            defaultValue={answer?.values.lastDate}
            error={errorText(errors.lastDate)}
          />
        </div>
        <Field
          name="label"
          label={t("bookingSetup.closed.label")}
          hint={t("bookingSetup.closed.labelHint")}
          defaultValue={answer?.values.label}
          error={errorText(errors.label)}
        />
        <button type="submit" name="intent" value="add" className="button">
          {t("bookingSetup.closed.add")}
        </button>
      </Form>

      <h2 className="section-title">{t("bookingSetup.closed.holidaysTitle")}</h2>
      <p className="field__hint">
        {t("bookingSetup.closed.country", { country })}{" "}
        <Link to="/admin/appointment-types">{t("bookingSetup.types.title")}</Link>
      </p>
      <ClosedDayList days={holidays} />
    </section>
  );
}
