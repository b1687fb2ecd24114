import { type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditAreas } from "../../../core/kernel/audit/actions.ts";
import { actorOf, auditWords, readAuditFilter, subjectOf } from "../audit.server.ts";
import { guard, originOf } from "../auth.server.ts";
import { Field } from "../components/Field.tsx";
import { dateTimeFormat } from "../i18n/format.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "audit:read" } satisfies Access;

/**
 * The audit log for the tenant admin: who did what to whose data, from where, with what result,
 * newest first, in words of the admin's language and times in their own time zone, filtered by
 * person, area and days (in that zone). The codes and ids are in the export (admin.audit[.]csv.tsx).
 * Reading it is itself recorded.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const identity = context.services.identityFor(tenant);
  const url = new URL(request.url);
  const filter = await readAuditFilter(url, identity, account.timeZone);
  const entries = filter.query ? await identity.audit.search({ ...filter.query, limit: 200 }) : [];
  await identity.audit.record({
    action: "audit.read",
    result: "success",
    actorUserId: account.id,
    clientUserId: filter.person?.role === "client" ? filter.person.id : null,
    ...originOf(request),
    detail: filter.detail,
  });
  const format = dateTimeFormat(context.language, account.timeZone);
  const words = auditWords(context.language, tenant);
  return {
    input: filter.input,
    errors: filter.errors,
    areas: auditAreas.map((area) => ({ value: area, label: words.area(area) })),
    exportHref: filter.valid ? `/admin/audit.csv${url.search}` : null,
    entries: entries.map((entry) => ({
      id: entry.id,
      at: entry.at,
      when: format.format(new Date(entry.at)),
      what: words.action(entry.action),
      result: entry.result,
      actor: actorOf(entry),
      subject: subjectOf(entry),
      ipAddress: entry.ipAddress,
    })),
  };
}

export default function AuditLog() {
  const { t } = useTranslation();
  const { input, errors, areas, exportHref, entries } = useLoaderData<typeof loader>();
  const error = (code: string | undefined) => (code ? t(code) : undefined);
  return (
    <section>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      <Form method="get" className="form filters">
        <Field
          name="person"
          type="email"
          label={t("audit.person")}
          defaultValue={input.person}
          error={error(errors.person)}
        />
        <div className="field">
          <label htmlFor="area">{t("audit.area")}</label>
          <select id="area" name="area" defaultValue={input.area}>
            <option value="">{t("audit.areas.all")}</option>
            {areas.map((area) => (
              <option key={area.value} value={area.value}>
                {area.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="from"
          type="date"
          label={t("audit.from")}
          defaultValue={input.from}
          error={error(errors.from)}
        />
        <Field name="to" type="date" label={t("audit.to")} defaultValue={input.to} error={error(errors.to)} />
        <button type="submit" className="button">
          {t("audit.filter")}
        </button>
      </Form>
      {exportHref ? (
        <p>
          <a href={exportHref} download>
            {t("audit.export")}
          </a>
        </p>
      ) : null}
      {entries.length === 0 ? <p>{t("audit.empty")}</p> : null}
      <div className="table-scroll">
        <table className="audit">
          <caption className="visually-hidden">{t("audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.what")}</th>
              <th scope="col">{t("audit.whose")}</th>
              <th scope="col">{t("audit.result")}</th>
              <th scope="col">{t("audit.where")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{entry.when}</time>
                </td>
                <td>
                  {entry.actor.person ??
                    (entry.actor.key ? t("apiKeys.auditActor", { name: entry.actor.key }) : "–")}
                </td>
                <td>{entry.what}</td>
                <td>{entry.subject ?? "–"}</td>
                <td>{t(`audit.results.${entry.result}`)}</td>
                <td>{entry.ipAddress ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
