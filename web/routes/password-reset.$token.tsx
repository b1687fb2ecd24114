import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { completePasswordReset, openPasswordReset } from "../../core/auth/password-reset.ts";
import { maxPasswordLength, type PasswordRule } from "../../core/auth/password-policy.ts";
import { originOf, requireTenant } from "../auth.server.ts";
import { Field, FormAlert } from "../components/Field.tsx";
import { PasswordRules } from "../components/PasswordRules.tsx";

/** The link from a reset mail: opening it uses nothing; saving a good password uses it up. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const tenant = requireTenant(context);
  const found = await openPasswordReset(
    context.services.identityFor(tenant).resets,
    params.token ?? "",
    new Date(),
  );
  const headers = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };
  if (!found) return data({ email: null, policy: null }, { status: 410, headers });
  return data({ email: found.account.email, policy: tenant.settings.passwordPolicy }, { headers });
}

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

export async function action({ context, params, request }: ActionFunctionArgs) {
  const tenant = requireTenant(context);
  const identity = context.services.identityFor(tenant);
  const form = await request.formData();
  const result = await completePasswordReset(
    identity,
    params.token ?? "",
    { password: text(form.get("password")), confirm: text(form.get("confirm")) },
    tenant.settings.passwordPolicy,
    originOf(request),
  );
  if (result.ok) return redirect("/login?reset=1");
  if (result.invalid) return data({ invalid: true, errors: {}, broken: [] as PasswordRule[] }, 410);
  return data({ invalid: false, errors: result.errors, broken: result.broken }, 400);
}

export default function ChooseNewPassword() {
  const { t } = useTranslation();
  const { email, policy } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [password, setPassword] = useState("");
  const busy = useNavigation().state === "submitting";
  if (!email || !policy || result?.invalid) {
    return (
      <section className="narrow">
        <h1>{t("reset.chooseTitle")}</h1>
        <p className="notice">{t("reset.invalid")}</p>
        <p>
          <Link to="/password-reset">{t("reset.again")}</Link>
        </p>
      </section>
    );
  }
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const message = (field: string) => (errors[field] ? t(`password.${errors[field]}`) : undefined);
  return (
    <section className="narrow">
      <h1>{t("reset.chooseTitle")}</h1>
      <p className="lead">{t("reset.chooseIntro", { email })}</p>
      {result ? (
        <FormAlert title={t("auth.errorSummary")} answer={result}>
          <ul>
            {Object.keys(errors).map((field) => (
              <li key={field}>
                <a href={`#${field}`}>{message(field)}</a>
              </li>
            ))}
          </ul>
        </FormAlert>
      ) : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <Field
          name="password"
          type="password"
          label={t("password.new")}
          autoComplete="new-password"
          required
          maxLength={maxPasswordLength}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={message("password")}
          hint={<PasswordRules password={password} policy={policy} serverBroken={result?.broken ?? []} />}
        />
        <Field
          name="confirm"
          type="password"
          label={t("password.confirm")}
          autoComplete="new-password"
          required
          error={message("confirm")}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("reset.save")}
        </button>
      </Form>
    </section>
  );
}
