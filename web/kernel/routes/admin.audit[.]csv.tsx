import { data, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { auditCsv } from "../audit-csv.server.ts";
import { readAuditFilter } from "../audit.server.ts";
import { guard, originOf } from "../auth.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "audit:read" } satisfies Access;

/**
 * The audit log as CSV, with the filter of the page: every line it selects, with its codes and
 * ids as written, for a data request or an auditor. Downloading it is itself recorded.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const identity = context.services.identityFor(tenant);
  const filter = await readAuditFilter(new URL(request.url), identity, account.timeZone);
  if (!filter.valid) throw data(null, { status: 400 });
  await identity.audit.record({
    action: "audit.export",
    result: "success",
    actorUserId: account.id,
    clientUserId: filter.person?.role === "client" ? filter.person.id : null,
    ...originOf(request),
    detail: filter.detail,
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(auditCsv(identity.audit, filter.query), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${tenant.slug}-${day}.csv"`,
    },
  });
}
