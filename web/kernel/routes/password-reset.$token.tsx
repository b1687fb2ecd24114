import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { completePasswordReset, openPasswordReset } from "../../../core/kernel/auth/password-reset.ts";
import type { PasswordRule } from "../../../core/kernel/auth/password-policy.ts";
import { originOf, requireTenant } from "../auth.server.ts";
import { deviceCookie, deviceTokenOf } from "../cookies.ts";
import { newPasswordForm } from "../account-forms.server.ts";
import { readForm } from "../forms.server.ts";
import { ErrorSummary, NewPasswordFields } from "../components/NewPasswordFields.tsx";

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

export async function action({ context, params, request }: ActionFunctionArgs) {
  const tenant = requireTenant(context);
  const identity = context.services.identityFor(tenant);
  const form = await readForm(request, newPasswordForm);
  if (!form.ok) throw data(null, { status: 400 });
  const result = await completePasswordReset(
    identity,
    params.token ?? "",
    form.data,
    tenant.settings.passwordPolicy,
    originOf(request),
    deviceTokenOf(request),
  );
  if (result.ok)
    return redirect("/login?reset=1", { headers: { "Set-Cookie": deviceCookie(result.deviceToken) } });
  if (result.invalid) return data({ invalid: true, errors: {}, broken: [] as PasswordRule[] }, 410);
  return data({ invalid: false, errors: result.errors, broken: result.broken }, 400);
}

export default function ChooseNewPassword() {
  const { t } = useTranslation();
  const { email, policy } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
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
      <ErrorSummary
        messages={Object.fromEntries(Object.keys(errors).map((field) => [field, message(field)]))}
        answer={result}
      />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <NewPasswordFields
          name="password"
          policy={policy}
          serverBroken={result?.broken ?? []}
          errors={{ password: message("password"), confirm: message("confirm") }}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("reset.save")}
        </button>
      </Form>
    </section>
  );
}
