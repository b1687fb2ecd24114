import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createApiKey, revokeApiKey, statusOf } from "../../../core/kernel/auth/api-keys.ts";
import { apiScopes, defaultKeyLifetime, keyLifetimes } from "../../../core/kernel/auth/api-scopes.ts";
import { apiKeyForm } from "../account-forms.server.ts";
import { guard, originOf } from "../auth.server.ts";
import { CopyButton } from "../components/CopyButton.tsx";
import { Field, FormAlert } from "../components/Field.tsx";
import { parseForm, throwIfUnknown } from "../forms.server.ts";
import { dateTimeFormat } from "../i18n/format.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "api-keys:manage" } satisfies Access;

/** Where a scope's name and explanation are; i18next reads a colon in a key as a namespace. */
const scopeMessages = (scope: string) => `apiKeys.scopes.${scope.replace(":", "-")}`;

/** The tenant's API keys: what each may do, who made it, until when, and when it was last used. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const keys = await context.services.identityFor(tenant).apiKeys.list();
  const format = dateTimeFormat(context.language, account.timeZone);
  const now = new Date();
  return {
    keys: keys.map((key) => ({
      id: key.id,
      name: key.name,
      scopes: key.scopes,
      status: statusOf(key, now),
      createdBy: key.createdByName,
      createdOn: format.format(new Date(key.createdAt)),
      expiresOn: format.format(new Date(key.expiresAt)),
      lastUsedOn: key.lastUsedAt ? format.format(new Date(key.lastUsedAt)) : null,
    })),
  };
}

type Values = { name: string; scopes: string[]; days: string };
type Errors = Partial<Record<"name" | "scopes" | "days" | "password", string>>;

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const identity = context.services.identityFor(tenant);
  const typed = await request.formData();
  const form = parseForm(apiKeyForm, typed);
  // Another tenant's key, an unknown one or one revoked already: not found.
  throwIfUnknown(form, "key");
  if (!form.ok && "intent" in form.errors) throw data(null, { status: 400 });
  // The password is not sent back; the ticked scopes are, all of them.
  const values: Values = {
    name: form.values.name ?? "",
    scopes: typed.getAll("scopes").map(String),
    days: form.values.days ?? "",
  };
  if (!form.ok) return data({ values, errors: form.errors as Errors }, 400);
  if (form.data.intent === "revoke") {
    if (!(await revokeApiKey(identity, account, form.data.key, originOf(request)))) {
      throw data(null, { status: 404 });
    }
    return redirect("/admin/api-keys?done=revoke");
  }
  const { password, ...input } = form.data;
  const result = await createApiKey(identity, account, input, password, originOf(request));
  if (!result.ok) {
    const error = result.reason === "throttled" ? "twoStep.throttled" : "twoStep.passwordWrong";
    return data({ values, errors: { password: error } as Errors }, result.reason === "throttled" ? 429 : 400);
  }
  return data({ created: { name: result.key.name, token: result.token } });
}

export default function ApiKeys() {
  const { t } = useTranslation();
  const { keys } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  if (answer && "created" in answer) return <NewKey {...answer.created} />;
  const refused = answer && "errors" in answer ? answer : undefined;
  return (
    <section className="narrow">
      <h1>{t("apiKeys.title")}</h1>
      <p className="lead">{t("apiKeys.intro")}</p>
      {searchParams.get("done") === "revoke" && !refused ? (
        <p className="notice notice--success" role="status">
          {t("apiKeys.revoked")}
        </p>
      ) : null}
      <h2 className="section-title">{t("apiKeys.listTitle")}</h2>
      {keys.length === 0 ? <p>{t("apiKeys.none")}</p> : null}
      <ul className="item-list">
        {keys.map((key) => (
          <li key={key.id} className="item-list__item">
            <div>
              <p className="item-list__title">
                {key.name} <span className="badge">{t(`apiKeys.status.${key.status}`)}</span>
              </p>
              <p className="item-list__meta">
                {t("apiKeys.scopesOf", {
                  scopes: key.scopes.map((scope) => t(`${scopeMessages(scope)}.label`)).join(", "),
                })}
              </p>
              <p className="item-list__meta">
                {t("apiKeys.madeBy", { name: key.createdBy ?? "–", when: key.createdOn })} ·{" "}
                {t(key.status === "expired" ? "apiKeys.expiredOn" : "apiKeys.expiresOn", {
                  when: key.expiresOn,
                })}
              </p>
              <p className="item-list__meta">
                {key.lastUsedOn ? t("apiKeys.lastUsed", { when: key.lastUsedOn }) : t("apiKeys.neverUsed")}
              </p>
            </div>
            {key.status === "active" ? (
              <details className="role-change">
                <summary>{t("apiKeys.revoke")}</summary>
                <Form method="post" className="form">
                  <p>{t("apiKeys.revokeConfirm", { name: key.name })}</p>
                  <input type="hidden" name="key" value={key.id} />
                  <button type="submit" name="intent" value="revoke" className="button">
                    {t("apiKeys.revokeSubmit")}
                  </button>
                </Form>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      <CreateForm refused={refused} />
    </section>
  );
}

/** Name, scopes (with what each allows), lifetime, and the admin's password. */
function CreateForm({ refused }: { refused: { values: Values; errors: Errors } | undefined }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const errors = refused?.errors ?? {};
  const message = (field: keyof Errors) => (errors[field] ? t(errors[field]) : undefined);
  const chosen = new Set(refused?.values.scopes ?? []);
  return (
    <>
      <h2 className="section-title" id="new-key">
        {t("apiKeys.createTitle")}
      </h2>
      {refused ? (
        <FormAlert title={t("auth.errorSummary")} answer={refused}>
          <ul>
            {(Object.keys(errors) as (keyof Errors)[]).flatMap((field) =>
              errors[field] ? (
                <li key={field}>
                  <a href={`#${field === "scopes" ? `scope-${apiScopes[0]}` : field}`}>{message(field)}</a>
                </li>
              ) : (
                []
              ),
            )}
          </ul>
        </FormAlert>
      ) : null}
      <Form method="post" className="form" noValidate aria-labelledby="new-key">
        <input type="hidden" name="intent" value="create" />
        <Field
          name="name"
          label={t("apiKeys.name")}
          hint={t("apiKeys.nameHint")}
          autoComplete="off"
          maxLength={80}
          required
          defaultValue={refused?.values.name}
          error={message("name")}
        />
        <fieldset className="terms">
          <legend>{t("apiKeys.scopesLegend")}</legend>
          {apiScopes.map((scope) => (
            <div key={scope}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  id={`scope-${scope}`}
                  name="scopes"
                  value={scope}
                  defaultChecked={chosen.has(scope)}
                  aria-invalid={errors.scopes ? true : undefined}
                  aria-describedby={`scope-${scope}-hint${errors.scopes ? " scopes-error" : ""}`}
                />
                {t(`${scopeMessages(scope)}.label`)}
              </label>
              <p id={`scope-${scope}-hint`} className="field__hint scope-hint">
                {t(`${scopeMessages(scope)}.explanation`)}
              </p>
            </div>
          ))}
          {errors.scopes ? (
            <p id="scopes-error" className="field__error">
              {message("scopes")}
            </p>
          ) : null}
        </fieldset>
        <div className="field">
          <label htmlFor="days">{t("apiKeys.lifetime")}</label>
          <select
            id="days"
            name="days"
            defaultValue={refused?.values.days ?? String(defaultKeyLifetime)}
            aria-invalid={errors.days ? true : undefined}
            aria-describedby={errors.days ? "days-error" : undefined}
          >
            {keyLifetimes.map((days) => (
              <option key={days} value={days}>
                {t("apiKeys.days", { count: days })}
              </option>
            ))}
          </select>
          {errors.days ? (
            <p id="days-error" className="field__error">
              {message("days")}
            </p>
          ) : null}
        </div>
        <Field
          name="password"
          type="password"
          label={t("users.confirmPassword")}
          autoComplete="current-password"
          required
          error={message("password")}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("apiKeys.create")}
        </button>
      </Form>
    </>
  );
}

/** Shown once: after this page only the hash of the key's secret exists. */
function NewKey({ name, token }: { name: string; token: string }) {
  const { t } = useTranslation();
  return (
    <section className="narrow">
      <h1>{t("apiKeys.createdTitle", { name })}</h1>
      <p className="notice" role="status">
        {t("apiKeys.onlyOnce")}
      </p>
      <p>{t("apiKeys.yourKey")}</p>
      <p className="secret-key secret-key--wrap" data-testid="api-key">
        {token}
      </p>
      <CopyButton
        text={token}
        messages={{ copy: t("apiKeys.copy"), copied: t("apiKeys.copied"), failed: t("apiKeys.copyFailed") }}
      />
      <p>{t("apiKeys.howToUse")}</p>
      <p>
        <Link to="/admin/api-keys" className="button">
          {t("apiKeys.saved")}
        </Link>
      </p>
    </section>
  );
}
