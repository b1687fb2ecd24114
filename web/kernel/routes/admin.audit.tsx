import { TZDate } from "@date-fns/tz";
import { type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { normaliseEmail } from "../../../core/kernel/auth/accounts.ts";
import { isId } from "../../../core/kernel/ids.ts";
import { guard, originOf } from "../auth.server.ts";
import { Field } from "../components/Field.tsx";
import { dateTimeFormat } from "../i18n/format.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "audit:read" } satisfies Access;

const auditAreas = [
  "auth",
  "users",
  "organisations",
  "notifications",
  "api-keys",
  "booking",
  "dossier",
  "assignments",
  "goals",
] as const;

const day = z.union([z.literal(""), z.iso.date({ message: "audit.dateInvalid" })]);
const filterSchema = z.object({
  person: z.union([z.literal(""), z.email({ message: "audit.personInvalid" })]),
  area: z.union([z.literal(""), z.enum(auditAreas)]),
  from: day,
  to: day,
});

/** The start of a calendar day in the viewer's own time zone, as an instant. */
function startOfDay(value: string, timeZone: string, plusDays = 0): Date {
  const [year, month, date] = value.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date + plusDays, timeZone).getTime());
}

/**
 * The audit log for the tenant admin: who did what to whose data, from where, with what result,
 * newest first, filtered by person, area and days (in the admin's own time zone). Reading it is
 * itself recorded.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const params = new URL(request.url).searchParams;
  const input = {
    person: params.get("person")?.trim() ?? "",
    area: params.get("area") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
  const parsed = filterSchema.safeParse(input);
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const identity = context.services.identityFor(tenant);
  const filters = parsed.success ? parsed.data : null;
  const person = filters?.person ? await identity.accounts.byEmail(normaliseEmail(filters.person)) : null;
  const entries =
    filters && (!filters.person || person)
      ? await identity.audit.search({
          personId: person?.id,
          area: filters.area || undefined,
          from: filters.from ? startOfDay(filters.from, account.timeZone) : undefined,
          to: filters.to ? startOfDay(filters.to, account.timeZone, 1) : undefined,
          limit: 200,
        })
      : [];
  await identity.audit.record({
    action: "audit.read",
    result: "success",
    actorUserId: account.id,
    clientUserId: person?.role === "client" ? person.id : null,
    ...originOf(request),
    detail: Object.fromEntries(Object.entries(input).filter(([, value]) => value)),
  });
  const format = dateTimeFormat(context.language, account.timeZone);
  return {
    input,
    errors: {
      person: errors.person?.[0] ?? (filters?.person && !person ? "audit.personUnknown" : undefined),
      from: errors.from?.[0],
      to: errors.to?.[0],
    },
    entries: entries.map((entry) => ({
      id: entry.id,
      when: format.format(new Date(entry.at)),
      action: entry.action,
      result: entry.result,
      actor: entry.actorName,
      // A call made with an API key: the key is the actor, and its line names it.
      keyActor:
        entry.actorUserId && isId("apiKey", entry.actorUserId)
          ? String(entry.detail?.key ?? entry.actorUserId)
          : null,
      client: entry.clientName,
      target: entry.targetName ?? (entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}` : null),
      ipAddress: entry.ipAddress,
    })),
  };
}

export default function AuditLog() {
  const { t } = useTranslation();
  const { input, errors, entries } = useLoaderData<typeof loader>();
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
            {auditAreas.map((area) => (
              <option key={area} value={area}>
                {t(`audit.areas.${area}`)}
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
                <td>{entry.when}</td>
                <td>
                  {entry.actor ?? (entry.keyActor ? t("apiKeys.auditActor", { name: entry.keyActor }) : "–")}
                </td>
                <td>
                  <code>{entry.action}</code>
                  {entry.target ? <span className="audit__target">{entry.target}</span> : null}
                </td>
                <td>{entry.client ?? "–"}</td>
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
