import { env } from "cloudflare:workers";
import { newId } from "../../core/kernel/ids.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { D1MessagingStore } from "../../db/messaging/store.ts";
import { platformData } from "../../db/kernel/platform.ts";

/** A conversation of `clientUserId` with these people taking part, written straight to the cell. */
export async function conversationWith(
  tenant: Pick<TenantRecord, "id" | "cell">,
  clientUserId: string,
  participantIds: string[],
  subject = "Een vraag",
): Promise<string> {
  const id = newId("conversation");
  const store = new D1MessagingStore(platformData(env).scopeIn(tenant.cell, tenant.id));
  await store.create(
    {
      id,
      clientUserId,
      subject,
      createdByUserId: clientUserId,
      createdAt: new Date().toISOString(),
      lastSeq: 0,
      lastMessageAt: null,
    },
    participantIds,
  );
  return id;
}

/** The rows a cell holds for this tenant in `table` matching `where` (SQL over the tenant's rows). */
export async function countRows(
  tenant: Pick<TenantRecord, "id" | "cell">,
  table: string,
  where = "1 = 1",
  ...values: unknown[]
): Promise<number> {
  const row = await env[tenant.cell as "TENANT_DB_1"]
    .prepare(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = ? AND ${where}`)
    .bind(tenant.id, ...values)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
