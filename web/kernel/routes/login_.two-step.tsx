import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { finishSignIn } from "../../../core/kernel/auth/login.ts";
import { completeSecondStep, openChallenge } from "../../../core/kernel/auth/second-factor.ts";
import { safeReturnTo } from "../../../core/kernel/platform/return-to.ts";
import { challengeCookie, challengeTokenOf, deviceTokenOf, signedInHeaders } from "../cookies.ts";
import { originOf, requireTenant } from "../auth.server.ts";
import { twoStepForm } from "../account-forms.server.ts";
import { readForm } from "../forms.server.ts";
import { Field, FormAlert } from "../components/Field.tsx";
import { PasskeySignIn } from "../components/PasskeySignIn.tsx";

/** The second step of a sign-in: the password was right, now a code from the app or a recovery code. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const tenant = requireTenant(context);
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get("returnTo"), request.url);
  if (context.auth) throw redirect(returnTo);
  const identity = context.services.identityFor(tenant);
  if (!(await openChallenge(identity, challengeTokenOf(request), "second-factor"))) {
    throw redirect("/login?expired=1");
  }
  return { returnTo };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const tenant = requireTenant(context);
  const identity = context.services.identityFor(tenant);
  const form = await readForm(request, twoStepForm);
  if (!form.ok) return data({ error: form.errors.code ?? "twoStep.codeRequired" }, 400);
  const { code, returnTo } = form.data;
  const client = originOf(request);
  const result = await completeSecondStep(identity, challengeTokenOf(request), code, client);
  if (!result.ok && result.reason === "expired") {
    throw redirect("/login?expired=1", { headers: { "Set-Cookie": challengeCookie("", 0) } });
  }
  if (!result.ok) {
    return data(
      { error: result.reason === "throttled" ? "twoStep.throttled" : "twoStep.codeWrong" },
      result.reason === "throttled" ? 429 : 400,
    );
  }
  const signedIn = await finishSignIn(
    identity,
    result.account,
    { ...client, deviceToken: deviceTokenOf(request) },
    "two-step",
    { method: result.method },
  );
  const headers = new Headers({ "Set-Cookie": challengeCookie("", 0) });
  signedInHeaders(signedIn, identity.timeouts.absoluteHours * 3600, headers);
  const target = result.account.mustChangePassword
    ? "/account/password"
    : safeReturnTo(returnTo, request.url);
  return redirect(target, { headers });
}

export default function TwoStep() {
  const { t } = useTranslation();
  const { returnTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="narrow">
      <h1>{t("twoStep.title")}</h1>
      <p className="lead">{t("twoStep.intro")}</p>
      {result?.error ? (
        <FormAlert title={t("auth.errorSummary")} answer={result}>
          <p>{t(result.error)}</p>
        </FormAlert>
      ) : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <Field
          // A refused code is not kept: a new field for every answer.
          key={JSON.stringify(result ?? null) + String(busy)}
          name="code"
          label={t("twoStep.code")}
          hint={t("twoStep.codeHint")}
          autoComplete="one-time-code"
          inputMode="numeric"
          autoFocus
          required
          error={result?.error ? t(result.error) : undefined}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("twoStep.submit")}
        </button>
      </Form>
      <h2 className="section-title">{t("passkeys.signInOr")}</h2>
      <PasskeySignIn />
      <p>
        <Link to="/login">{t("twoStep.startOver")}</Link>
      </p>
    </section>
  );
}
