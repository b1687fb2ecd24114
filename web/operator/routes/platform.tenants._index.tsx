import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { subdomainOrigin } from "../../../core/kernel/tenants/hosts.ts";
import { isOperatorTenant } from "../../../core/kernel/tenants/operator.ts";
import { dateTimeFormat } from "../../kernel/i18n/format.server.ts";
import { requireOperator } from "../operator.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "platform:manage-tenants" } satisfies Access;

export const handle = { i18n: ["operator"] };

/** Every customer tenant: name, address, plan, cell, status, custom domains, when it was created. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { account, deps } = requireOperator(context, request);
  const [tenants, plans] = await Promise.all([deps.control.listTenants(), deps.control.plans()]);
  const planNames = new Map(plans.map((plan) => [plan.id, plan.name]));
  const format = dateTimeFormat(context.language, account.timeZone);
  return {
    tenants: tenants
      .filter((tenant) => !isOperatorTenant(tenant))
      .map((tenant) => ({
        slug: tenant.slug,
        name: tenant.name,
        plan: planNames.get(tenant.planId) ?? tenant.planId,
        cell: tenant.cell,
        status: tenant.status,
        address: subdomainOrigin(tenant.slug, context.services.config.PLATFORM_ORIGIN),
        hostnames: tenant.hostnames,
        created: format.format(new Date(tenant.createdAt)),
      })),
  };
}

export default function Tenants() {
  const { t } = useTranslation();
  const { tenants } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("operator.title")}</h1>
      <p className="lead">{t("operator.intro")}</p>
      <p>
        <Link to="/platform/tenants/new" className="button">
          {t("operator.newTenant")}
        </Link>
      </p>
      {tenants.length === 0 ? <p>{t("operator.empty")}</p> : null}
      <ul className="item-list" aria-label={t("operator.title")}>
        {tenants.map((tenant) => (
          <li key={tenant.slug} className="item-list__item">
            <div>
              <p className="item-list__title">
                <Link to={`/platform/tenants/${tenant.slug}`}>{tenant.name}</Link>
                <span className="badge">{t(`operator.status.${tenant.status}`)}</span>
              </p>
              <dl className="facts">
                <dt>{t("operator.slug")}</dt>
                <dd>{tenant.slug}</dd>
                <dt>{t("operator.plan")}</dt>
                <dd>{tenant.plan}</dd>
                <dt>{t("operator.cell")}</dt>
                <dd>{tenant.cell}</dd>
                <dt>{t("operator.addresses")}</dt>
                <dd>{[tenant.address, ...tenant.hostnames].join(", ")}</dd>
                <dt>{t("operator.created")}</dt>
                <dd>{tenant.created}</dd>
              </dl>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
