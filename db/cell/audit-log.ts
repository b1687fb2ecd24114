import { and, desc, eq } from "drizzle-orm";
import type { AuditEvent, AuditLog } from "../../core/audit/audit.ts";
import { newId } from "../../core/ids.ts";
import { auditEvents } from "./schema.ts";
import type { TenantScope } from "./scope.ts";

/** Appends only: this class has no way to change or remove an event. */
export class D1AuditLog implements AuditLog {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async record(event: AuditEvent): Promise<void> {
    await this.#scope.insert(auditEvents, {
      id: newId("audit"),
      at: new Date().toISOString(),
      action: event.action,
      result: event.result,
      actorUserId: event.actorUserId ?? null,
      onBehalfOfUserId: event.onBehalfOfUserId ?? null,
      clientUserId: event.clientUserId ?? null,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      ipAddress: event.ipAddress ?? null,
      userAgent: event.userAgent?.slice(0, 300) ?? null,
      detail: event.detail ?? null,
    });
  }

  async recentSignInDevices(userId: string): Promise<string[]> {
    const rows = await this.#scope.list(auditEvents, {
      where: and(
        eq(auditEvents.actorUserId, userId),
        eq(auditEvents.action, "auth.login"),
        eq(auditEvents.result, "success"),
      ),
      orderBy: desc(auditEvents.at),
      limit: 50,
    });
    return [...new Set(rows.flatMap((row) => (row.userAgent ? [row.userAgent] : [])))];
  }
}
