import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { exceptionValuesOf, type ExceptionValues } from "../../../core/booking/setup-exceptions.ts";
import { timeZoneChoices } from "../../../core/booking/setup-forms.ts";
import {
  availabilityValuesFrom,
  availabilityValuesOf,
  dayField,
  defaultProfileRules,
  maxWindowsPerDay,
  weekdays,
  windowField,
  withRowAdded,
  withRowRemoved,
  type AvailabilityValues,
} from "../../../core/booking/setup-hours.ts";
import { closedDaysAhead } from "../../../core/booking/setup-closures.ts";
import {
  addAvailabilityException,
  removeAvailabilityException,
  saveAvailability,
} from "../../../core/booking/setup.ts";
import { addDays, inZone, type Weekday } from "../../../core/booking/zoned.ts";
import {
  actorOf,
  dateLabel,
  requireBookingSetup,
  shownClosedDays,
  shownErrors,
} from "../booking-setup.server.ts";
import { hoursForm } from "../booking-forms.server.ts";
import { readForm, throwIfUnknown } from "../../kernel/forms.server.ts";
import { ContextField, useErrorText, type ShownErrors } from "../components/BookingSetupFields.tsx";
import { ClosedDayList } from "../components/ClosedDayList.tsx";
import { Field, SelectField } from "../../kernel/components/Field.tsx";
import { ErrorSummary } from "../../kernel/components/NewPasswordFields.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "agenda:manage-own", feature: "booking" } satisfies Access;

export const handle = { i18n: ["booking"] };

/**
 * A staff member's own booking hours: their zone and rules, their weekly blocks and their
 * exceptions. Only ever their own: the signed-in person is the staff member, no form field names one.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { account, deps } = requireBookingSetup(context, request, access);
  const availability = await deps.store.availabilityOf(account.id);
  // The staff member's own date: in their profile's zone, or their account's before they have one.
  const today = inZone(deps.now(), availability.profile?.timeZone ?? account.timeZone).date;
  const values = availabilityValuesFrom(availability, account.timeZone);
  const label = dateLabel(context.language);
  // The holidays and closure days as far ahead as clients can book them.
  const horizon = availability.profile?.horizonDays ?? defaultProfileRules.horizonDays;
  const closed = await closedDaysAhead(deps, today, addDays(today, horizon), context.language);
  return {
    values,
    savedZone: availability.profile?.timeZone ?? null,
    zones: timeZoneChoices(values.timeZone),
    today,
    closed: shownClosedDays(closed, context.language),
    // Past exceptions change nothing any more.
    exceptions: availability.exceptions
      .filter((exception) => exception.date >= today)
      .map((exception) => ({
        id: exception.id,
        date: label(exception.date),
        hours: exception.kind === "extraHours" ? `${exception.start}–${exception.end}` : null,
      })),
  };
}

type Answer =
  | { form: "week"; values: AvailabilityValues; errors: ShownErrors }
  | { form: "exception"; values: ExceptionValues; errors: ShownErrors };

export async function action({ context, request }: ActionFunctionArgs) {
  const { account, deps } = requireBookingSetup(context, request, access);
  const actor = actorOf(account, request);
  const parsed = await readForm(request, hoursForm);
  throwIfUnknown(parsed, "exception");
  if (!parsed.ok) throw data(null, { status: 400 });
  const form = parsed.data;
  const { intent } = form;
  if (intent === "add-exception") {
    const values = exceptionValuesOf(form);
    const outcome = await addAvailabilityException(deps, actor, values);
    if (!outcome.ok)
      return data<Answer>({ form: "exception", values, errors: shownErrors(outcome.errors) }, 400);
    return redirect("/booking/hours?done=added");
  }
  if (intent === "remove-exception") {
    // Someone else's exception, another tenant's or none: not found.
    if (!(await removeAvailabilityException(deps, actor, form.exception ?? "")))
      throw data(null, { status: 404 });
    return redirect("/booking/hours?done=removed");
  }
  const values = availabilityValuesOf(form);
  // Adding or removing a block only changes the form; nothing is saved until "save".
  const add = /^add:([1-7])$/.exec(intent);
  if (add)
    return data<Answer>({
      form: "week",
      values: withRowAdded(values, Number(add[1]) as Weekday),
      errors: {},
    });
  const remove = /^remove:([1-7]):(\d{1,2})$/.exec(intent);
  if (remove) {
    const changed = withRowRemoved(values, Number(remove[1]) as Weekday, Number(remove[2]));
    return data<Answer>({ form: "week", values: changed, errors: {} });
  }
  const outcome = await saveAvailability(deps, actor, values);
  if (!outcome.ok) return data<Answer>({ form: "week", values, errors: shownErrors(outcome.errors) }, 400);
  return redirect("/booking/hours?done=saved");
}

export default function BookingHours() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { values: stored, savedZone, zones, exceptions, today, closed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // A new page (after a save) starts the new exception's form empty again; a refusal keeps what was typed.
  const { key: visit } = useLocation();
  const done = answer ? null : searchParams.get("done");
  const week = answer?.form === "week" ? answer : null;
  const values = week?.values ?? stored;
  const errors = week?.errors ?? {};
  const refusedException = answer?.form === "exception" ? answer : null;
  const exceptionErrors = refusedException?.errors ?? {};
  // A zone the list does not have stays shown as typed, with its error.
  const zoneOptions = zones.includes(values.timeZone) ? zones : [values.timeZone, ...zones];
  const summary = Object.fromEntries(
    Object.entries({ ...errors, ...exceptionErrors }).map(([field, error]) => [field, errorText(error)]),
  );
  return (
    <section className="narrow">
      <h1>{t("bookingSetup.hours.title")}</h1>
      <p className="lead">{t("bookingSetup.hours.intro")}</p>
      {done === "saved" || done === "added" || done === "removed" ? (
        <p className="notice notice--success" role="status">
          {t(done === "saved" ? "bookingSetup.hours.saved" : `bookingSetup.exceptions.${done}`)}
        </p>
      ) : null}
      <p className="notice">
        {savedZone ? t("bookingSetup.hours.zone", { zone: savedZone }) : t("bookingSetup.hours.notYet")}
      </p>
      <ErrorSummary answer={answer} messages={summary} />
      {week && Object.keys(errors).length === 0 ? (
        <p className="notice" role="status">
          {t("bookingSetup.hours.unsaved")}
        </p>
      ) : null}

      <Form method="post" className="form" noValidate preventScrollReset>
        {/* Enter in any field saves: the first submit button of a form is the one Enter presses. */}
        <button
          type="submit"
          name="intent"
          value="save"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden
        >
          {t("bookingSetup.hours.save")}
        </button>
        <fieldset className="form">
          <legend>{t("bookingSetup.hours.rules")}</legend>
          <SelectField
            name="timeZone"
            label={t("bookingSetup.hours.timeZone")}
            hint={t("bookingSetup.hours.timeZoneHint")}
            defaultValue={values.timeZone}
            error={errorText(errors.timeZone)}
            options={zoneOptions.map((zone) => ({ value: zone, label: zone }))}
          />
          <Field
            name="minimumNoticeHours"
            label={t("bookingSetup.hours.minimumNoticeHours")}
            hint={t("bookingSetup.hours.minimumNoticeHint")}
            inputMode="numeric"
            defaultValue={values.minimumNoticeHours}
            error={errorText(errors.minimumNoticeHours)}
          />
          <Field
            name="horizonDays"
            label={t("bookingSetup.hours.horizonDays")}
            hint={t("bookingSetup.hours.horizonHint")}
            inputMode="numeric"
            defaultValue={values.horizonDays}
            error={errorText(errors.horizonDays)}
          />
          <Field
            name="maxPerDay"
            label={t("bookingSetup.hours.maxPerDay")}
            hint={t("bookingSetup.hours.maxPerDayHint")}
            inputMode="numeric"
            defaultValue={values.maxPerDay}
            error={errorText(errors.maxPerDay)}
          />
          <Field
            name="slotStepMinutes"
            label={t("bookingSetup.hours.slotStepMinutes")}
            hint={t("bookingSetup.hours.slotStepHint")}
            inputMode="numeric"
            defaultValue={values.slotStepMinutes}
            error={errorText(errors.slotStepMinutes)}
          />
        </fieldset>

        <div>
          <h2 className="section-title">{t("bookingSetup.hours.week")}</h2>
          <p className="field__hint hours-intro">{t("bookingSetup.hours.weekIntro")}</p>
        </div>
        {weekdays.map((weekday) => {
          const day = t(`bookingSetup.weekdays.${weekday}`);
          const typed = values.week[weekday - 1] ?? [];
          // Every day shows at least one (empty) block, so hours can be typed in without adding one first.
          const rows = typed.length > 0 ? typed : [{ start: "", end: "" }];
          const dayError = errorText(errors[dayField(weekday)]);
          return (
            <fieldset
              key={weekday}
              id={dayField(weekday)}
              className="field day-hours"
              aria-describedby={dayError ? `${dayField(weekday)}-error` : undefined}
            >
              <legend>{t("bookingSetup.hours.day", { day })}</legend>
              {dayError ? (
                <p id={`${dayField(weekday)}-error`} className="field__error">
                  {dayError}
                </p>
              ) : null}
              {rows.map((row, index) => {
                const context = t("bookingSetup.hours.rowContext", { day, number: index + 1 });
                const start = windowField(weekday, index, "start");
                const end = windowField(weekday, index, "end");
                const rowErrors = [start, end].flatMap((field) => {
                  const text = errorText(errors[field]);
                  return text ? [{ field, text }] : [];
                });
                // The key changes with the values the server sends back, so a re-rendered form shows them.
                const key = `${weekday}-${index}-${row.start}-${row.end}`;
                return (
                  <div key={key} className="hours-block">
                    <div className="hours-row">
                      <ContextField
                        name={start}
                        type="time"
                        label={t("bookingSetup.hours.from")}
                        context={context}
                        defaultValue={timeInputValue(row.start)}
                        error={errorText(errors[start])}
                        messageBelow
                      />
                      <ContextField
                        name={end}
                        type="time"
                        label={t("bookingSetup.hours.until")}
                        context={context}
                        defaultValue={timeInputValue(row.end)}
                        error={errorText(errors[end])}
                        messageBelow
                      />
                      {/* A lone empty block has nothing to remove. */}
                      {rows.length > 1 || row.start || row.end ? (
                        <button
                          type="submit"
                          name="intent"
                          value={`remove:${weekday}:${index}`}
                          className="button button--secondary"
                        >
                          {t("bookingSetup.hours.removeRow")}
                          <span className="visually-hidden">
                            {" "}
                            {t("bookingSetup.hours.removeRowContext", { day, number: index + 1 })}
                          </span>
                        </button>
                      ) : null}
                    </div>
                    {/* Below the whole block, so a phone keeps the two times side by side. */}
                    {rowErrors.map(({ field, text }) => (
                      <p key={field} id={`${field}-error`} className="field__error">
                        {text}
                      </p>
                    ))}
                  </div>
                );
              })}
              {rows.length < maxWindowsPerDay ? (
                <button
                  type="submit"
                  name="intent"
                  value={`add:${weekday}`}
                  className="button button--secondary"
                >
                  {t("bookingSetup.hours.addRow")}
                  <span className="visually-hidden"> {t("bookingSetup.hours.addRowContext", { day })}</span>
                </button>
              ) : null}
            </fieldset>
          );
        })}
        <button type="submit" name="intent" value="save" className="button">
          {t("bookingSetup.hours.save")}
        </button>
      </Form>

      <h2 className="section-title">{t("bookingSetup.closed.title")}</h2>
      <p className="field__hint">{t("bookingSetup.closed.hoursIntro")}</p>
      {closed.length === 0 ? <p>{t("bookingSetup.closed.none")}</p> : null}
      <ClosedDayList days={closed} />

      <h2 className="section-title" id="exceptions-title">
        {t("bookingSetup.exceptions.title")}
      </h2>
      <p className="field__hint">{t("bookingSetup.exceptions.intro")}</p>
      {exceptions.length === 0 ? <p>{t("bookingSetup.exceptions.empty")}</p> : null}
      <ul className="item-list" aria-labelledby="exceptions-title">
        {exceptions.map((exception) => (
          <li key={exception.id} className="item-list__item">
            <div>
              <p className="item-list__title">{exception.date}</p>
              <p className="item-list__meta">
                {exception.hours
                  ? t("bookingSetup.exceptions.extraHours", { hours: exception.hours })
                  : t("bookingSetup.exceptions.dayOff")}
              </p>
            </div>
            <Form method="post">
              <input type="hidden" name="exception" value={exception.id} />
              <button
                type="submit"
                name="intent"
                value="remove-exception"
                className="button button--secondary"
              >
                {t("bookingSetup.exceptions.remove")}
                <span className="visually-hidden">
                  {" "}
                  {t("bookingSetup.exceptions.removeContext", { date: exception.date })}
                </span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form key={visit} method="post" className="form" noValidate preventScrollReset>
        <Field
          name="date"
          type="date"
          label={t("bookingSetup.exceptions.date")}
          min={today}
          defaultValue={refusedException?.values.date}
          error={errorText(exceptionErrors.date)}
        />
        <fieldset
          id="kind"
          className="field"
          aria-describedby={exceptionErrors.kind ? "kind-error" : undefined}
        >
          <legend>{t("bookingSetup.exceptions.kind")}</legend>
          {exceptionErrors.kind ? (
            <p id="kind-error" className="field__error">
              {errorText(exceptionErrors.kind)}
            </p>
          ) : null}
          {(["dayOff", "extraHours"] as const).map((kind) => (
            <label key={kind} className="choice">
              <input
                type="radio"
                name="kind"
                value={kind}
                defaultChecked={(refusedException?.values.kind ?? "dayOff") === kind}
              />
              {t(`bookingSetup.exceptions.kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        <div className="hours-row hours-row--top">
          <Field
            name="start"
            type="time"
            label={t("bookingSetup.exceptions.start")}
            defaultValue={timeInputValue(refusedException?.values.start ?? "")}
            error={errorText(exceptionErrors.start)}
          />
          <Field
            name="end"
            type="time"
            label={t("bookingSetup.exceptions.end")}
            defaultValue={timeInputValue(refusedException?.values.end ?? "")}
            error={errorText(exceptionErrors.end)}
          />
        </div>
        <button type="submit" name="intent" value="add-exception" className="button">
          {t("bookingSetup.exceptions.add")}
        </button>
      </Form>
    </section>
  );
}

/** A time picker cannot show 24:00; its 00:00 as an end is read back as midnight. */
const timeInputValue = (time: string) => (time === "24:00" ? "00:00" : time);
