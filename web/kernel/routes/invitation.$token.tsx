import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { acceptInvitation, openInvitation } from "../../../core/kernel/auth/invitations.ts";
import type { PasswordRule } from "../../../core/kernel/auth/password-policy.ts";
import { textFor } from "../../../core/kernel/tenants/settings.ts";
import { sessionCookie } from "../cookies.ts";
import { originOf, requireTenant } from "../auth.server.ts";
import { invitationAcceptForm } from "../account-forms.server.ts";
import { readForm } from "../forms.server.ts";
import { Field } from "../components/Field.tsx";
import { ErrorSummary, NewPasswordFields } from "../components/NewPasswordFields.tsx";

/**
 * The link from an invitation mail. Opening it shows who is invited and the form; it uses nothing
 * (mail scanners open links). Submitting sets the password, records the accepted terms, uses the
 * invitation up and signs the person in.
 */
function storeOf(context: LoaderFunctionArgs["context"]) {
  const tenant = requireTenant(context);
  return { tenant, store: context.services.invitationsFor(tenant).store };
}

export async function loader({ context, params }: LoaderFunctionArgs) {
  const { tenant, store } = storeOf(context);
  const opened = await openInvitation(store, params.token ?? "", new Date());
  const headers = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };
  if (opened.state !== "open" || !opened.person) {
    return data({ state: opened.state, person: null, policy: null, terms: null }, { status: 410, headers });
  }
  return data(
    {
      state: opened.state,
      person: {
        email: opened.person.email,
        displayName: opened.person.displayName,
        role: opened.person.role,
      },
      policy: tenant.settings.passwordPolicy,
      terms: textFor(tenant.settings.terms, context.language),
    },
    { headers },
  );
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  const { tenant, store } = storeOf(context);
  const identity = context.services.identityFor(tenant);
  const form = await readForm(request, invitationAcceptForm);
  if (!form.ok) throw data(null, { status: 400 });
  const result = await acceptInvitation(
    {
      invitations: store,
      sessions: identity.sessions,
      timeouts: identity.timeouts,
      audit: identity.audit,
      now: () => new Date(),
    },
    params.token ?? "",
    form.data,
    {
      policy: tenant.settings.passwordPolicy,
      termsRequired: textFor(tenant.settings.terms, context.language) !== null,
    },
    originOf(request),
  );
  if (result.ok) {
    return redirect("/", {
      headers: { "Set-Cookie": sessionCookie(result.token, identity.timeouts.absoluteHours * 3600) },
    });
  }
  if (!("errors" in result))
    return data({ state: result.state, errors: {}, broken: [] as PasswordRule[] }, 410);
  return data({ state: result.state, errors: result.errors, broken: result.broken }, 400);
}

export default function AcceptInvitation() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const state = result?.state ?? loaded.state;
  if (state !== "open" || !loaded.person || !loaded.policy) {
    return (
      <section className="narrow">
        <h1>{t("invitation.title")}</h1>
        <p className="notice">{t(`invitation.${state}`)}</p>
        <p>
          <Link to="/login">{t("invitation.toLogin")}</Link>
        </p>
      </section>
    );
  }
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const message = (field: string) => {
    const code = errors[field];
    if (!code) return undefined;
    return code === "termsRequired" ? t("invitation.termsRequired") : t(`password.${code}`);
  };
  return (
    <section className="narrow">
      <h1>{t("invitation.title")}</h1>
      <p className="lead">{t("invitation.intro", { role: t(`roles.${loaded.person.role}`) })}</p>
      <ErrorSummary
        messages={Object.fromEntries(Object.keys(errors).map((field) => [field, message(field)]))}
        answer={result}
      />
      <Form method="post" className="form" noValidate>
        <Field
          name="email"
          label={t("invitation.email")}
          value={loaded.person.email}
          readOnly
          autoComplete="username"
        />
        <NewPasswordFields
          name="password"
          policy={loaded.policy}
          serverBroken={result?.broken ?? []}
          errors={{ password: message("password"), confirm: message("confirm") }}
        />
        {loaded.terms ? (
          <fieldset className="terms">
            <legend>{t("invitation.terms")}</legend>
            <p className="terms__text">{loaded.terms}</p>
            <label className="checkbox">
              <input
                type="checkbox"
                id="acceptTerms"
                name="acceptTerms"
                aria-invalid={errors.acceptTerms ? true : undefined}
                aria-describedby={errors.acceptTerms ? "acceptTerms-error" : undefined}
              />
              {t("invitation.acceptTerms")}
            </label>
            {errors.acceptTerms ? (
              <p id="acceptTerms-error" className="field__error">
                {message("acceptTerms")}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {t("invitation.submit")}
        </button>
      </Form>
    </section>
  );
}
