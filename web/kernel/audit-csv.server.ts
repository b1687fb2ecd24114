import type { AuditEntry, AuditLog, AuditQuery } from "../../core/kernel/audit/audit.ts";

const columns = {
  at: (entry) => entry.at,
  action: (entry) => entry.action,
  result: (entry) => entry.result,
  actor_id: (entry) => entry.actorUserId,
  actor_name: (entry) => entry.actorName,
  on_behalf_of_id: (entry) => entry.onBehalfOfUserId,
  client_id: (entry) => entry.clientUserId,
  client_name: (entry) => entry.clientName,
  target_type: (entry) => entry.targetType,
  target_id: (entry) => entry.targetId,
  target_name: (entry) => entry.targetName,
  ip_address: (entry) => entry.ipAddress,
  user_agent: (entry) => entry.userAgent,
  detail: (entry) => (entry.detail ? JSON.stringify(entry.detail) : null),
} satisfies Record<string, (entry: AuditEntry) => string | null | undefined>;

/**
 * One CSV field (RFC 4180). A value a spreadsheet would run as a formula (a name or a browser
 * that starts with "=", "+", "-" or "@", written by whoever chose it) gets a leading quote mark.
 */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const csvLine = (fields: readonly (string | null | undefined)[]) => `${fields.map(csvField).join(",")}\r\n`;

/**
 * The lines the query selects as CSV, newest first, read a page at a time as the reader takes
 * them: however long the log, the Worker holds one page. Null selects nothing: only the header.
 */
export function auditCsv(
  log: AuditLog,
  query: Omit<AuditQuery, "limit" | "before"> | null,
  pageSize = 500,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let before: AuditQuery["before"];
  let done = query === null;
  return new ReadableStream({
    start(controller) {
      // The byte order mark lets spreadsheets read the names as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(Object.keys(columns))}`));
      if (done) controller.close();
    },
    async pull(controller) {
      if (done || !query) return;
      const page = await log.search({ ...query, before, limit: pageSize });
      const last = page.at(-1);
      if (last) {
        const text = page.map((entry) => csvLine(Object.values(columns).map((column) => column(entry))));
        controller.enqueue(encoder.encode(text.join("")));
        before = { at: last.at, id: last.id };
      }
      if (page.length < pageSize) {
        done = true;
        controller.close();
      }
    },
  });
}
