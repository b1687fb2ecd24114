import { and, desc, eq, gte, inArray, like, lt, ne, or, sql } from "drizzle-orm";
import type { AuditEntry, AuditEvent, AuditLog, AuditQuery } from "../../core/kernel/audit/audit.ts";
import { newId } from "../../core/kernel/ids.ts";
import { auditEvents, users } from "./schema.ts";
import type { TenantScope } from "./scope.ts";

/** Appends only: this class has no way to change or remove an event. */
export class D1AuditLog implements AuditLog {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async record(event: AuditEvent): Promise<void> {
    await this.#scope.insert(auditEvents, auditRow(event));
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

  async search(query: AuditQuery): Promise<AuditEntry[]> {
    const rows = await this.#scope.list(auditEvents, {
      where: and(
        query.personId
          ? or(eq(auditEvents.actorUserId, query.personId), eq(auditEvents.clientUserId, query.personId))
          : undefined,
        query.clientSeenByOthers
          ? // A person, not the client: lines without an actor (the system's own work) are left out.
            and(
              eq(auditEvents.clientUserId, query.clientSeenByOthers),
              ne(auditEvents.actorUserId, query.clientSeenByOthers),
            )
          : undefined,
        query.area ? like(auditEvents.action, `${query.area}.%`) : undefined,
        query.from ? gte(auditEvents.at, query.from.toISOString()) : undefined,
        query.to ? lt(auditEvents.at, query.to.toISOString()) : undefined,
        query.before
          ? or(
              lt(auditEvents.at, query.before.at),
              and(eq(auditEvents.at, query.before.at), lt(auditEvents.id, query.before.id)),
            )
          : undefined,
      ),
      // The id breaks ties between lines of the same millisecond, so pages neither skip nor repeat one.
      orderBy: sql`${desc(auditEvents.at)}, ${desc(auditEvents.id)}`,
      limit: query.limit,
    });
    const people = [
      ...new Set(
        rows
          .flatMap((row) => [
            row.actorUserId,
            row.clientUserId,
            row.targetType === "user" ? row.targetId : null,
          ])
          .filter((id) => id !== null),
      ),
    ];
    const named = people.length
      ? await this.#scope.list(users, { where: inArray(users.id, people), limit: people.length })
      : [];
    const names = new Map(named.map((user) => [user.id, user.displayName]));
    return rows.map(({ tenantId: _tenant, detail, ...row }) => ({
      ...row,
      detail: detail ?? undefined,
      actorName: (row.actorUserId && names.get(row.actorUserId)) || null,
      clientName: (row.clientUserId && names.get(row.clientUserId)) || null,
      targetName: (row.targetType === "user" && row.targetId && names.get(row.targetId)) || null,
    }));
  }
}

/** The row of one audit line; a store that writes one in its own batch uses it too. */
export function auditRow(event: AuditEvent, at = new Date().toISOString()) {
  return {
    id: newId("audit"),
    at,
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
  };
}
