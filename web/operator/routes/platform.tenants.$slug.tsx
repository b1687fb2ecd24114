import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { confirmPassword } from "../../../core/kernel/auth/reauth.ts";
import { subdomainOrigin } from "../../../core/kernel/tenants/hosts.ts";
import {
  addHostname,
  changePlan,
  customerTenant,
  removeHostname,
  setTenantStatus,
  type OperationResult,
} from "../../../core/kernel/tenants/operations.ts";
import { Field } from "../../kernel/components/Field.tsx";
import { messageOf, requireOperator } from "../operator.server.ts";
import { tenantChangeForm } from "../operator-forms.server.ts";
import { readForm } from "../../kernel/forms.server.ts";
import { passwordRefused } from "../../kernel/reauth.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "platform:manage-tenants" } satisfies Access;

export const handle = { i18n: ["operator"] };

/** One tenant: its addresses, plan and status, and the operator's changes to them. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { deps } = requireOperator(context, request);
  const tenant = await customerTenant(deps, params.slug ?? "");
  if (!tenant) throw data(null, { status: 404 });
  const [hostnames, plans] = await Promise.all([deps.control.hostnamesOf(tenant.id), deps.control.plans()]);
  return {
    tenant: {
      slug: tenant.slug,
      name: tenant.name,
      status: tenant.status,
      cell: tenant.cell,
      planId: tenant.planId,
      address: subdomainOrigin(tenant.slug, context.services.config.PLATFORM_ORIGIN),
      hostnames,
    },
    plans: plans.map((plan) => ({ id: plan.id, name: plan.name })),
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { deps, acting, account, tenant: operatorTenant } = requireOperator(context, request);
  const slug = params.slug ?? "";
  const form = await readForm(request, tenantChangeForm);
  if (!form.ok) throw data(null, { status: 400 });
  const { intent, hostname, planId, password } = form.data;
  let result: OperationResult;
  if (intent === "add-hostname") result = await addHostname(deps, acting, slug, hostname);
  else if (intent === "remove-hostname") result = await removeHostname(deps, acting, slug, hostname);
  else if (intent === "plan") result = await changePlan(deps, acting, slug, planId);
  else {
    // Switching a whole portal off or on is confirmed with the operator's own password.
    const tenant = await customerTenant(deps, slug);
    if (!tenant) throw data(null, { status: 404 });
    const confirmed = await confirmPassword(
      context.services.identityFor(operatorTenant),
      account,
      password,
      acting.origin,
      { action: `platform.tenants.${intent}`, targetType: "tenant", targetId: tenant.id },
    );
    if (confirmed !== "ok") return passwordRefused(confirmed, { form: "status" as const });
    result = await setTenantStatus(deps, acting, slug, intent === "suspend" ? "suspended" : "active");
  }
  if (result.ok) return redirect(`/platform/tenants/${slug}?done=${intent}`);
  if (result.reason === "notFound") throw data(null, { status: 404 });
  const refused = intent === "plan" ? ("plan" as const) : ("hostname" as const);
  return data({ form: refused, ...messageOf(result.error), typed: hostname }, 400);
}

export default function TenantDetail() {
  const { t } = useTranslation();
  const { tenant, plans } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = answer ? null : searchParams.get("done");
  const refusal = (form: string) =>
    answer?.form === form ? ("key" in answer ? t(answer.key, answer.values) : t(answer.error)) : undefined;
  const suspended = tenant.status === "suspended";
  return (
    <section className="narrow">
      <p>
        <Link to="/platform/tenants">{t("operator.back")}</Link>
      </p>
      <h1>
        {tenant.name}
        <span className="badge">{t(`operator.status.${tenant.status}`)}</span>
      </h1>
      {done ? (
        <p className="notice notice--success" role="status">
          {t(`operator.done.${done}`, { defaultValue: "" })}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("operator.slug")}</dt>
        <dd>{tenant.slug}</dd>
        <dt>{t("operator.address")}</dt>
        <dd>{tenant.address}</dd>
        <dt>{t("operator.cell")}</dt>
        <dd>{tenant.cell}</dd>
      </dl>
      <p className="field__hint">{t("operator.cacheNote")}</p>

      <h2 className="section-title">{t("operator.hostnamesTitle")}</h2>
      {tenant.hostnames.length === 0 ? <p>{t("operator.noHostnames")}</p> : null}
      <ul className="item-list">
        {tenant.hostnames.map((hostname) => (
          <li key={hostname} className="item-list__item">
            <span>{hostname}</span>
            <Form method="post">
              <input type="hidden" name="hostname" value={hostname} />
              <button
                type="submit"
                name="intent"
                value="remove-hostname"
                className="button button--secondary"
              >
                {t("operator.removeHostname", { hostname })}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="form" noValidate>
        <Field
          name="hostname"
          label={t("operator.hostname")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={answer?.form === "hostname" ? answer.typed : undefined}
          error={refusal("hostname")}
          hint={t("operator.hostnameHint")}
        />
        <button type="submit" name="intent" value="add-hostname" className="button">
          {t("operator.addHostname")}
        </button>
      </Form>

      <h2 className="section-title">{t("operator.plan")}</h2>
      <Form method="post" className="form" noValidate>
        <div className="field">
          <label htmlFor="planId">{t("operator.plan")}</label>
          <select
            id="planId"
            name="planId"
            defaultValue={tenant.planId}
            aria-describedby={refusal("plan") ? "planId-error" : undefined}
          >
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
          </select>
          {refusal("plan") ? (
            <p id="planId-error" className="field__error">
              {refusal("plan")}
            </p>
          ) : null}
        </div>
        <button type="submit" name="intent" value="plan" className="button">
          {t("operator.changePlan")}
        </button>
      </Form>

      <h2 className="section-title">{t("operator.statusTitle")}</h2>
      <p>{suspended ? t("operator.reactivateIntro") : t("operator.suspendIntro")}</p>
      <Form method="post" className="form" noValidate>
        <Field
          name="password"
          type="password"
          label={t("operator.confirmPassword")}
          autoComplete="current-password"
          required
          error={refusal("status")}
        />
        <button type="submit" name="intent" value={suspended ? "reactivate" : "suspend"} className="button">
          {suspended ? t("operator.reactivate") : t("operator.suspend")}
        </button>
      </Form>
    </section>
  );
}
