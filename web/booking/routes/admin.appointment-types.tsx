import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../core/kernel/auth/permissions.ts";
import { locations } from "../../../core/booking/availability.ts";
import { defaultBookingSettings } from "../../../core/booking/settings.ts";
import {
  bookingRulesValuesFrom,
  bookingRulesValuesOf,
  type BookingRulesValues,
} from "../../../core/booking/setup-rules.ts";
import {
  appointmentTypeValuesFrom,
  appointmentTypeValuesOf,
  newAppointmentTypeValues,
  type AppointmentTypeValues,
} from "../../../core/booking/setup-types.ts";
import {
  bookingRulesOf,
  createAppointmentType,
  saveBookingRules,
  setAppointmentTypeActive,
  updateAppointmentType,
} from "../../../core/booking/setup.ts";
import { newId } from "../../../core/kernel/ids.ts";
import { actorOf, countryChoices, requireBookingSetup, shownErrors } from "../booking-setup.server.ts";
import { appointmentTypesForm } from "../booking-forms.server.ts";
import { readForm, throwIfUnknown } from "../../kernel/forms.server.ts";
import { useErrorText, type ShownErrors } from "../components/BookingSetupFields.tsx";
import { Field, SelectField } from "../../kernel/components/Field.tsx";
import { ErrorSummary } from "../../kernel/components/NewPasswordFields.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "appointment-types:manage", feature: "booking" } satisfies Access;

export const handle = { i18n: ["booking"] };

/**
 * The tenant's appointment types for its admin: what can be booked, how long it takes, where,
 * and with whom; and the booking rules for all appointments (part of the tenant's settings).
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account, deps } = requireBookingSetup(context, request, access);
  const [types, staff, rules] = await Promise.all([
    deps.store.appointmentTypes(),
    context.services.clientsFor(tenant).careTeams.possibleCoaches(),
    // The stored rules, not the copy of the settings this request was resolved with (it may be older).
    bookingRulesOf(deps),
  ]);
  return {
    types: types.map((type) => ({
      id: type.id,
      active: type.active,
      values: appointmentTypeValuesFrom(type),
      staffName:
        type.staffUserId === null
          ? null
          : (staff.find((person) => person.userId === type.staffUserId)?.displayName ?? ""),
    })),
    staff: staff.map((person) => ({ id: person.userId, name: person.displayName })),
    rules: bookingRulesValuesFrom(rules ?? defaultBookingSettings),
    countries: countryChoices(context.language),
    canConfigure: hasPermission(account.role, "tenant:configure"),
  };
}

type Answer =
  /** `typeId`: "new", or the type whose edit form was refused. */
  | { form: "type"; typeId: string; values: AppointmentTypeValues; errors: ShownErrors }
  | { form: "rules"; values: BookingRulesValues; errors: ShownErrors };

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account, deps } = requireBookingSetup(context, request, access);
  const actor = actorOf(account, request);
  const parsed = await readForm(request, appointmentTypesForm);
  throwIfUnknown(parsed, "type");
  if (!parsed.ok) throw data(null, { status: 400 });
  const form = parsed.data;
  const { intent } = form;
  const typeId = form.type ?? "";
  if (intent === "rules") {
    if (!hasPermission(account.role, "tenant:configure")) throw data(null, { status: 403 });
    const values = bookingRulesValuesOf(form);
    const outcome = await saveBookingRules(deps, actor, values);
    if (!outcome.ok && "reason" in outcome) throw data(null, { status: 404 });
    if (!outcome.ok) return data<Answer>({ form: "rules", values, errors: shownErrors(outcome.errors) }, 400);
    return redirect("/admin/appointment-types?done=rules");
  }
  if (intent === "deactivate" || intent === "reactivate") {
    // Another tenant's type, or none: not found.
    if (!(await setAppointmentTypeActive(deps, actor, typeId, intent === "reactivate"))) {
      throw data(null, { status: 404 });
    }
    return redirect(`/admin/appointment-types?done=${intent}d`);
  }
  const staffIds = (await context.services.clientsFor(tenant).careTeams.possibleCoaches()).map(
    (person) => person.userId,
  );
  const values = appointmentTypeValuesOf(form);
  if (intent === "create") {
    const outcome = await createAppointmentType(deps, actor, values, staffIds, newId("appointmentType"));
    if (!outcome.ok)
      return data<Answer>({ form: "type", typeId: "new", values, errors: shownErrors(outcome.errors) }, 400);
    return redirect("/admin/appointment-types?done=created");
  }
  const outcome = await updateAppointmentType(deps, actor, typeId, values, staffIds);
  if (!outcome.ok && "reason" in outcome) throw data(null, { status: 404 });
  if (!outcome.ok)
    return data<Answer>({ form: "type", typeId, values, errors: shownErrors(outcome.errors) }, 400);
  return redirect("/admin/appointment-types?done=changed");
}

const doneMessages = ["created", "changed", "deactivated", "reactivated", "rules"];

export default function AppointmentTypes() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { types, staff, rules, countries, canConfigure } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // A new page (after a save) starts the new type's form empty again; a refusal keeps what was typed.
  const { key: visit } = useLocation();
  const done = answer ? null : searchParams.get("done");
  const typed = (typeId: string) => (answer?.form === "type" && answer.typeId === typeId ? answer : null);
  const rulesAnswer = answer?.form === "rules" ? answer : null;
  const summary = Object.fromEntries(
    Object.entries(answer?.errors ?? {}).map(([field, error]) => [
      answer?.form === "type" ? `${answer.typeId}-${field}` : field,
      errorText(error),
    ]),
  );
  const staffName = (name: string | null) =>
    name === null ? t("bookingSetup.types.everyone") : name || t("bookingSetup.types.formerStaff");
  return (
    <section className="narrow">
      <h1>{t("bookingSetup.types.title")}</h1>
      <p className="lead">{t("bookingSetup.types.intro")}</p>
      {done && doneMessages.includes(done) ? (
        <p className="notice notice--success" role="status">
          {t(`bookingSetup.types.done.${done}`)}
        </p>
      ) : null}
      <ErrorSummary answer={answer} messages={summary} />

      <h2 className="section-title">{t("bookingSetup.types.list")}</h2>
      {types.length === 0 ? <p>{t("bookingSetup.types.empty")}</p> : null}
      <ul className="item-list">
        {types.map((type) => {
          const refused = typed(type.id);
          const { values } = type;
          const hasBuffers = values.bufferBeforeMinutes !== "0" || values.bufferAfterMinutes !== "0";
          return (
            <li key={type.id} className="item-list__item type-item">
              <div>
                <p className="item-list__title">
                  {values.name}
                  {type.active ? null : <span className="badge">{t("bookingSetup.types.inactive")}</span>}
                </p>
                <p className="item-list__meta">
                  {t("bookingSetup.types.minutes", { count: Number(values.durationMinutes) })} ·{" "}
                  {t(`bookingSetup.types.locations.${values.location}`)} · {staffName(type.staffName)}
                </p>
                {hasBuffers ? (
                  <p className="item-list__meta">
                    {t("bookingSetup.types.buffers", {
                      before: values.bufferBeforeMinutes,
                      after: values.bufferAfterMinutes,
                    })}
                  </p>
                ) : null}
              </div>
              <details className="role-change" open={refused !== null}>
                <summary>
                  {t("bookingSetup.types.edit")}
                  <span className="visually-hidden"> {values.name}</span>
                </summary>
                <Form method="post" className="form" noValidate>
                  <input type="hidden" name="type" value={type.id} />
                  <TypeFields
                    prefix={type.id}
                    values={refused?.values ?? values}
                    errors={refused?.errors ?? {}}
                    staff={staff}
                  />
                  <button type="submit" name="intent" value="update" className="button">
                    {t("bookingSetup.types.save")}
                  </button>
                </Form>
              </details>
              <Form method="post">
                <input type="hidden" name="type" value={type.id} />
                <button
                  type="submit"
                  name="intent"
                  value={type.active ? "deactivate" : "reactivate"}
                  className="button button--secondary"
                >
                  {t(type.active ? "bookingSetup.types.deactivate" : "bookingSetup.types.reactivate")}
                  <span className="visually-hidden"> {values.name}</span>
                </button>
              </Form>
            </li>
          );
        })}
      </ul>

      <h2 className="section-title">{t("bookingSetup.types.new")}</h2>
      <Form key={visit} method="post" className="form" noValidate>
        <TypeFields
          prefix="new"
          values={typed("new")?.values ?? newAppointmentTypeValues}
          errors={typed("new")?.errors ?? {}}
          staff={staff}
        />
        <button type="submit" name="intent" value="create" className="button">
          {t("bookingSetup.types.create")}
        </button>
      </Form>

      {canConfigure ? (
        <>
          <h2 className="section-title">{t("bookingSetup.rules.title")}</h2>
          <Form method="post" className="form" noValidate>
            {(["cancelNoticeHours", "reminderHours", "offerHoldMinutes"] as const).map((field) => (
              <Field
                key={field}
                name={field}
                inputMode="numeric"
                label={t(`bookingSetup.rules.${field}`)}
                hint={t(`bookingSetup.rules.${hintOf[field]}`)}
                defaultValue={(rulesAnswer?.values ?? rules)[field]}
                error={errorText(rulesAnswer?.errors[field])}
              />
            ))}
            <SelectField
              name="country"
              label={t("bookingSetup.rules.country")}
              hint={t("bookingSetup.rules.countryHint")}
              defaultValue={(rulesAnswer?.values ?? rules).country}
              error={errorText(rulesAnswer?.errors.country)}
              options={countries}
            />
            <button type="submit" name="intent" value="rules" className="button">
              {t("bookingSetup.rules.save")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

const hintOf = {
  cancelNoticeHours: "cancelNoticeHint",
  reminderHours: "reminderHint",
  offerHoldMinutes: "offerHoldHint",
} as const;

/** The fields of one type; `prefix` keeps the ids of the new form and each edit form apart. */
function TypeFields({
  prefix,
  values,
  errors,
  staff,
}: {
  prefix: string;
  values: AppointmentTypeValues;
  errors: ShownErrors;
  staff: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = (field: string) => `${prefix}-${field}`;
  return (
    <>
      <Field
        id={id("name")}
        name="name"
        label={t("bookingSetup.types.name")}
        required
        maxLength={80}
        defaultValue={values.name}
        error={errorText(errors.name)}
      />
      <Field
        id={id("durationMinutes")}
        name="durationMinutes"
        inputMode="numeric"
        label={t("bookingSetup.types.durationMinutes")}
        defaultValue={values.durationMinutes}
        error={errorText(errors.durationMinutes)}
      />
      <Field
        id={id("bufferBeforeMinutes")}
        name="bufferBeforeMinutes"
        inputMode="numeric"
        label={t("bookingSetup.types.bufferBeforeMinutes")}
        defaultValue={values.bufferBeforeMinutes}
        error={errorText(errors.bufferBeforeMinutes)}
      />
      <Field
        id={id("bufferAfterMinutes")}
        name="bufferAfterMinutes"
        inputMode="numeric"
        label={t("bookingSetup.types.bufferAfterMinutes")}
        hint={t("bookingSetup.types.bufferHint")}
        defaultValue={values.bufferAfterMinutes}
        error={errorText(errors.bufferAfterMinutes)}
      />
      <SelectField
        id={id("location")}
        name="location"
        label={t("bookingSetup.types.location")}
        defaultValue={values.location}
        error={errorText(errors.location)}
        options={locations.map((location) => ({
          value: location,
          label: t(`bookingSetup.types.locations.${location}`),
        }))}
      />
      <SelectField
        id={id("staffUserId")}
        name="staffUserId"
        label={t("bookingSetup.types.staff")}
        defaultValue={values.staffUserId}
        error={errorText(errors.staffUserId)}
        options={[
          { value: "", label: t("bookingSetup.types.everyone") },
          ...staff.map((person) => ({ value: person.id, label: person.name })),
          // A staff member who has left keeps their types until someone chooses otherwise.
          ...(values.staffUserId && !staff.some((person) => person.id === values.staffUserId)
            ? [{ value: values.staffUserId, label: t("bookingSetup.types.formerStaff") }]
            : []),
        ]}
      />
    </>
  );
}
