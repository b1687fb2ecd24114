import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languages } from "../../../core/kernel/tenants/languages.ts";
import { createTenant } from "../../../core/kernel/tenants/operations.ts";
import { checkProvision, type ProvisionErrors } from "../../../core/kernel/tenants/provision.ts";
import { ErrorSummary } from "../../kernel/components/NewPasswordFields.tsx";
import { Field } from "../../kernel/components/Field.tsx";
import { readForm } from "../../kernel/forms.server.ts";
import { newTenantForm, tenantPlaceForm } from "../operator-forms.server.ts";
import { messageOf, requireOperator } from "../operator.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "platform:manage-tenants" } satisfies Access;

export const handle = { i18n: ["operator"] };

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { deps } = requireOperator(context, request);
  const plans = await deps.control.plans();
  return {
    cells: deps.cells,
    plans: plans.map((plan) => ({ id: plan.id, name: plan.name })),
    platformDomain: deps.platformDomain,
  };
}

/** In the order of the form, so the error list above it reads the same way. */
const fields = [
  "name",
  "slug",
  "cell",
  "planId",
  "hostnames",
  "language",
  "adminName",
  "adminEmail",
] as const;
type Fieldname = (typeof fields)[number];
type Message = { key: string; values: Record<string, string> };

export async function action({ context, request }: ActionFunctionArgs) {
  const { deps, acting } = requireOperator(context, request);
  const form = await readForm(request, newTenantForm);
  const { values } = form;
  // The whole form is checked before anything is written, so every refusal shows at once: the
  // provisioning's check runs on the typed place of a refused form too.
  const { slug, name, cell, planId, hostnames } = form.ok ? form.data : tenantPlaceForm.parse(values);
  const place = { slug, name, cell, planId, hostnames };
  // A refused form writes nothing, so its language only stands in for the check.
  const language = form.ok ? form.data.language : "nl";
  const checked = await checkProvision({ ...place, settings: { defaultLanguage: language } }, deps);
  const errors: Partial<Record<Fieldname, Message>> = {};
  const provisionErrors: ProvisionErrors = checked.ok ? {} : checked.errors;
  for (const [field, error] of Object.entries(provisionErrors)) {
    if (error && field !== "settings") errors[field as Fieldname] = messageOf(error);
  }
  if (!form.ok) {
    for (const [field, key] of Object.entries(form.errors))
      errors[field as Fieldname] ??= { key, values: {} };
  }
  if (!form.ok || Object.keys(errors).length > 0) return data({ values, errors }, 400);
  const created = await createTenant(deps, acting, {
    ...place,
    language: form.data.language,
    firstAdmin: { email: form.data.adminEmail, displayName: form.data.adminName },
  });
  if (!created.ok) {
    // Taken by someone else between the check and the write.
    const raced = Object.fromEntries(
      Object.entries(created.errors).flatMap(([field, error]) => (error ? [[field, messageOf(error)]] : [])),
    );
    return data({ values, errors: raced as Partial<Record<Fieldname, Message>> }, 409);
  }
  return redirect(`/platform/tenants/${created.tenant.slug}?done=created`);
}

export default function NewTenant() {
  const { t } = useTranslation();
  const { cells, plans, platformDomain } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values: Partial<Record<Fieldname, string>> = answer?.values ?? {};
  const message = (field: Fieldname) => {
    const error = answer?.errors[field];
    return error ? t(error.key, error.values) : undefined;
  };
  const described = (field: Fieldname, hint?: boolean) =>
    [message(field) ? `${field}-error` : null, hint ? `${field}-hint` : null].filter(Boolean).join(" ") ||
    undefined;
  const errorText = (field: Fieldname) =>
    message(field) ? (
      <p id={`${field}-error`} className="field__error">
        {message(field)}
      </p>
    ) : null;
  return (
    <section className="narrow">
      <h1>{t("operator.createTitle")}</h1>
      <p className="lead">{t("operator.createIntro")}</p>
      {answer ? (
        <ErrorSummary
          messages={Object.fromEntries(fields.map((field) => [field, message(field)]))}
          answer={answer}
        />
      ) : null}
      <Form method="post" className="form" noValidate>
        <Field
          name="name"
          label={t("operator.name")}
          autoComplete="off"
          required
          defaultValue={values.name}
          error={message("name")}
        />
        <Field
          name="slug"
          label={t("operator.slug")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={values.slug}
          error={message("slug")}
          hint={t("operator.slugHint", { example: `praktijk-noord.${platformDomain}` })}
        />
        <div className="field">
          <label htmlFor="cell">{t("operator.cell")}</label>
          <select id="cell" name="cell" defaultValue={values.cell} aria-describedby={described("cell")}>
            {cells.map((cell) => (
              <option key={cell} value={cell}>
                {cell}
              </option>
            ))}
          </select>
          {errorText("cell")}
        </div>
        <div className="field">
          <label htmlFor="planId">{t("operator.plan")}</label>
          <select
            id="planId"
            name="planId"
            defaultValue={values.planId}
            aria-describedby={described("planId")}
          >
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
          </select>
          {errorText("planId")}
        </div>
        <div className="field">
          <label htmlFor="hostnames">{t("operator.hostnames")}</label>
          <textarea
            id="hostnames"
            name="hostnames"
            rows={3}
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={values.hostnames}
            aria-invalid={message("hostnames") ? true : undefined}
            aria-describedby={described("hostnames", true)}
          />
          {errorText("hostnames")}
          <div id="hostnames-hint" className="field__hint">
            {t("operator.hostnamesHint")}
          </div>
        </div>
        <div className="field">
          <label htmlFor="language">{t("operator.language")}</label>
          <select
            id="language"
            name="language"
            defaultValue={values.language ?? "nl"}
            aria-describedby={described("language")}
          >
            {languages.map((language) => (
              <option key={language} value={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
          {errorText("language")}
        </div>
        <fieldset className="form">
          <legend>{t("operator.firstAdmin")}</legend>
          <p className="field__hint">{t("operator.firstAdminIntro")}</p>
          <Field
            name="adminName"
            label={t("operator.adminName")}
            autoComplete="off"
            required
            defaultValue={values.adminName}
            error={message("adminName")}
          />
          <Field
            name="adminEmail"
            type="email"
            label={t("operator.adminEmail")}
            autoComplete="off"
            required
            defaultValue={values.adminEmail}
            error={message("adminEmail")}
          />
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {t("operator.create")}
        </button>
      </Form>
    </section>
  );
}
