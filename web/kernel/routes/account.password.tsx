import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changePassword } from "../../../core/kernel/auth/password-change.ts";
import type { PasswordRule } from "../../../core/kernel/auth/password-policy.ts";
import { guard, originOf } from "../auth.server.ts";
import { passwordChangeForm } from "../account-forms.server.ts";
import { readForm } from "../forms.server.ts";
import { Field } from "../components/Field.tsx";
import { ErrorSummary, NewPasswordFields } from "../components/NewPasswordFields.tsx";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "account:manage-own", opensAt: "password-change" } satisfies Access;

export function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  return { mustChange: account.mustChangePassword, policy: tenant.settings.passwordPolicy };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account, session } = guard({ context, request }, access);
  const form = await readForm(request, passwordChangeForm);
  if (!form.ok) throw data(null, { status: 400 });
  const result = await changePassword(
    context.services.identityFor(tenant),
    account,
    session.id,
    tenant.settings.passwordPolicy,
    form.data,
    originOf(request),
  );
  if (!result.ok) return data({ errors: result.errors, broken: result.broken }, 400);
  return redirect("/account/password?saved=1");
}

export default function ChangePassword() {
  const { t } = useTranslation();
  const { mustChange, policy } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const broken: PasswordRule[] = result?.broken ?? [];
  const message = (field: string) => {
    const code = errors[field];
    if (!code) return undefined;
    return code === "throttled" ? t("auth.throttled", { minutes: 5 }) : t(`password.${code}`);
  };
  return (
    <section className="narrow">
      <h1>{t("password.title")}</h1>
      {mustChange ? <p className="notice">{t("password.mustChange")}</p> : null}
      {searchParams.get("saved") && !result ? (
        <p className="notice notice--success" role="status">
          {t("password.saved")}
        </p>
      ) : null}
      <ErrorSummary
        messages={Object.fromEntries(Object.keys(errors).map((field) => [field, message(field)]))}
        answer={result}
      />
      <Form method="post" className="form" noValidate>
        <Field
          name="current"
          type="password"
          label={t("password.current")}
          autoComplete="current-password"
          required
          error={message("current")}
        />
        <NewPasswordFields
          name="next"
          policy={policy}
          serverBroken={broken}
          errors={{ password: message("next"), confirm: message("confirm") }}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("password.submit")}
        </button>
      </Form>
    </section>
  );
}
