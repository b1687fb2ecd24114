import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { invite } from "../../core/auth/invitations.ts";
import { hasPermission, roles, type Role } from "../../core/auth/permissions.ts";
import { languages } from "../../core/tenants/languages.ts";
import { rolesGrantableIn } from "../../core/tenants/operator.ts";
import type { Tenant } from "../../core/tenants/tenant.ts";
import { originOf, requirePermission } from "../auth.server.ts";
import { Field, FormAlert } from "../components/Field.tsx";

/** Admins may invite anyone with any role the tenant has; staff invite clients. */
const rolesFor = (tenant: Tenant, role: Role): readonly Role[] =>
  hasPermission(role, "users:manage") ? rolesGrantableIn(tenant) : ["client"];

export function loader({ context, request }: LoaderFunctionArgs) {
  const { account, tenant } = requirePermission(context, request, "clients:invite");
  return { roles: rolesFor(tenant, account.role), defaultLanguage: tenant.settings.defaultLanguage };
}

const inviteSchema = z.object({
  email: z.string().trim().min(1, "users.emailInvalid").email("users.emailInvalid").max(254),
  displayName: z.string().trim().min(1, "users.nameRequired").max(100),
  role: z.enum(roles),
  language: z.enum(languages),
});

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account } = requirePermission(context, request, "clients:invite");
  const form = Object.fromEntries(await request.formData());
  const values = { email: String(form.email ?? ""), displayName: String(form.displayName ?? "") };
  const parsed = inviteSchema.safeParse(form);
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return data({ values, errors: { email: fields.email?.[0], displayName: fields.displayName?.[0] } }, 400);
  }
  if (!rolesFor(tenant, account.role).includes(parsed.data.role)) throw data(null, { status: 403 });
  const result = await invite(context.services.invitationsFor(tenant).deps, {
    ...parsed.data,
    // The person chooses their own zone later; until then the tenant's home zone.
    timeZone: account.timeZone,
    invitedBy: account.id,
    origin: originOf(request),
  });
  if (!result.ok && result.reason === "roleNotGrantable") throw data(null, { status: 403 });
  if (!result.ok) return data({ values, errors: { email: "users.emailTaken", displayName: undefined } }, 409);
  return redirect(`/invitations/new?sent=${encodeURIComponent(parsed.data.email)}`);
}

export default function InvitePerson() {
  const { t } = useTranslation();
  const { roles: allowed, defaultLanguage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const sent = searchParams.get("sent");
  return (
    <section className="narrow">
      <h1>{t("users.inviteTitle")}</h1>
      <p className="lead">{t("users.inviteIntro")}</p>
      {sent && !result ? (
        <p className="notice notice--success" role="status">
          {t("users.sent", { email: sent })}
        </p>
      ) : null}
      {result ? (
        <FormAlert title={t("auth.errorSummary")} answer={result}>
          <ul>
            {Object.entries(errors).flatMap(([field, code]) =>
              code ? (
                <li key={field}>
                  <a href={`#${field}`}>{t(code)}</a>
                </li>
              ) : (
                []
              ),
            )}
          </ul>
        </FormAlert>
      ) : null}
      <Form method="post" className="form" noValidate>
        <Field
          name="email"
          type="email"
          label={t("users.email")}
          autoComplete="off"
          required
          defaultValue={result?.values.email}
          error={errors.email ? t(errors.email) : undefined}
        />
        <Field
          name="displayName"
          label={t("users.displayName")}
          autoComplete="off"
          required
          defaultValue={result?.values.displayName}
          error={errors.displayName ? t(errors.displayName) : undefined}
        />
        <div className="field">
          <label htmlFor="role">{t("users.role")}</label>
          <select id="role" name="role" defaultValue="client">
            {allowed.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="language">{t("users.language")}</label>
          <select id="language" name="language" defaultValue={defaultLanguage}>
            <option value="nl">{t("languages.nl")}</option>
            <option value="en">{t("languages.en")}</option>
          </select>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("users.send")}
        </button>
      </Form>
    </section>
  );
}
