import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestPasswordReset } from "../../../core/kernel/auth/password-reset.ts";
import { originOf, requireTenant } from "../auth.server.ts";
import { resetRequestForm } from "../account-forms.server.ts";
import { readForm } from "../forms.server.ts";
import { Field, FormAlert } from "../components/Field.tsx";

/** "Forgot my password": one neutral answer for every address, so nobody learns who has an account. */
export function loader({ context }: LoaderFunctionArgs) {
  requireTenant(context);
  return null;
}

export async function action({ context, request }: ActionFunctionArgs) {
  const tenant = requireTenant(context);
  const form = await readForm(request, resetRequestForm);
  if (!form.ok) return data({ email: form.values.email ?? "", error: form.errors.email! }, 400);
  await requestPasswordReset(context.services.identityFor(tenant), form.data.email, originOf(request));
  return redirect("/password-reset?sent=1");
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="narrow">
      <h1>{t("reset.title")}</h1>
      {searchParams.get("sent") && !result ? (
        <p className="notice notice--success" role="status">
          {t("reset.sent")}
        </p>
      ) : (
        <p className="lead">{t("reset.intro")}</p>
      )}
      {result ? (
        <FormAlert title={t("auth.errorSummary")} answer={result}>
          <p>
            <a href="#email">{t(result.error)}</a>
          </p>
        </FormAlert>
      ) : null}
      <Form method="post" className="form" noValidate>
        <Field
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="username"
          required
          defaultValue={result?.email}
          error={result ? t(result.error) : undefined}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("reset.send")}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("invitation.toLogin")}</Link>
      </p>
    </section>
  );
}
