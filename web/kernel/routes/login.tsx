import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { login } from "../../../core/kernel/auth/login.ts";
import { safeReturnTo } from "../../../core/kernel/platform/return-to.ts";
import { challengeCookie, deviceTokenOf, signedInHeaders } from "../cookies.ts";
import { originOf, requireTenant } from "../auth.server.ts";
import { loginForm } from "../account-forms.server.ts";
import { readForm } from "../forms.server.ts";
import { Field, FormAlert } from "../components/Field.tsx";
import { PasskeySignIn } from "../components/PasskeySignIn.tsx";

export function loader({ context, request }: LoaderFunctionArgs) {
  requireTenant(context);
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get("returnTo"), request.url);
  if (context.auth) throw redirect(returnTo);
  return { returnTo };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const tenant = requireTenant(context);
  const form = await readForm(request, loginForm);
  const email = form.values.email ?? "";
  if (!form.ok)
    return data({ email, errors: { email: form.errors.email, password: form.errors.password } }, 400);
  const identity = context.services.identityFor(tenant);
  const result = await login(identity, {
    email: form.data.email,
    password: form.data.password,
    ...(form.data.code ? { code: form.data.code } : {}),
    ...originOf(request),
    deviceToken: deviceTokenOf(request),
  });
  const returnTo = safeReturnTo(form.data.returnTo, request.url);
  if (!result.ok && result.reason === "second-factor") {
    return redirect(`/login/two-step?returnTo=${encodeURIComponent(returnTo)}`, {
      headers: { "Set-Cookie": challengeCookie(result.challenge) },
    });
  }
  if (!result.ok) {
    const throttled = result.reason === "throttled";
    const retryAfter = result.retryAfterSeconds ?? 60;
    return data(
      {
        email,
        errors: {
          form: throttled ? "auth.throttled" : "auth.invalid",
          minutes: Math.max(1, Math.ceil(retryAfter / 60)),
        },
      },
      throttled ? { status: 429, headers: { "Retry-After": String(retryAfter) } } : 401,
    );
  }
  const target = result.account.mustChangePassword ? "/account/password" : returnTo;
  return redirect(target, { headers: signedInHeaders(result, identity.timeouts.absoluteHours * 3600) });
}

/** A throttled answer says when to try again: the action's Retry-After reaches the page's response. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return new Headers(retryAfter ? { "Retry-After": retryAfter } : undefined);
};

type LoginErrors = { email?: string; password?: string; form?: string; minutes?: number };

export default function Login() {
  const { t } = useTranslation();
  const { returnTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: LoginErrors = result?.errors ?? {};
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  return (
    <section className="narrow">
      <h1>{t("auth.loginTitle")}</h1>
      {searchParams.get("idle") && !result ? (
        <p className="notice" role="status">
          {t("idle.signedOut")}
        </p>
      ) : null}
      {searchParams.get("expired") && !result ? (
        <p className="notice" role="status">
          {t("twoStep.expired")}
        </p>
      ) : null}
      {searchParams.get("reset") && !result ? (
        <p className="notice notice--success" role="status">
          {t("reset.done")}
        </p>
      ) : null}
      <p className="lead">{t("auth.loginIntro")}</p>
      {errors.form ? (
        <FormAlert title={t("auth.errorSummary")} answer={result}>
          <p>{t(errors.form, { minutes: errors.minutes })}</p>
          {errors.form === "auth.throttled" ? <p>{t("auth.throttledWaysIn")}</p> : null}
        </FormAlert>
      ) : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <Field
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={result?.email ?? ""}
          error={errors.email ? t(errors.email) : undefined}
        />
        <Field
          // A refused password is not kept: a new field for every answer.
          key={JSON.stringify(result ?? null) + String(busy)}
          name="password"
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
          required
          error={errors.password ? t(errors.password) : undefined}
        />
        {errors.form === "auth.throttled" ? (
          <Field
            name="code"
            label={t("twoStep.codeWhileThrottled")}
            hint={t("twoStep.codeWhileThrottledHint")}
            autoComplete="one-time-code"
            inputMode="numeric"
          />
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {t("auth.submit")}
        </button>
      </Form>
      <p>
        <Link to="/password-reset">{t("auth.forgot")}</Link>
      </p>
      <PasskeySignIn />
    </section>
  );
}
