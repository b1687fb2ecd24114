import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { WaitlistEntry, WaitlistStore } from "../../core/booking/waitlist.ts";
import { waitlistEntries } from "./schema.ts";
import type { TenantScope } from "../kernel/scope.ts";

export class D1WaitlistStore implements WaitlistStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async add(entry: WaitlistEntry): Promise<void> {
    await this.#scope.insert(waitlistEntries, entry);
  }

  async find(id: string): Promise<WaitlistEntry | null> {
    const row = await this.#scope.findById(waitlistEntries, id);
    return row ? toEntry(row) : null;
  }

  async openEntry(clientUserId: string, staffUserId: string, appointmentTypeId: string, date: string) {
    const row = await this.#scope.findOne(
      waitlistEntries,
      and(
        eq(waitlistEntries.clientUserId, clientUserId),
        eq(waitlistEntries.staffUserId, staffUserId),
        eq(waitlistEntries.appointmentTypeId, appointmentTypeId),
        eq(waitlistEntries.date, date),
        inArray(waitlistEntries.status, ["waiting", "offered"]),
      ),
    );
    return row ? toEntry(row) : null;
  }

  async inStatus(staffUserId: string, status: "waiting" | "offered", now: Date) {
    const rows = await this.#scope.list(waitlistEntries, {
      where: and(
        eq(waitlistEntries.staffUserId, staffUserId),
        eq(waitlistEntries.status, status),
        gt(waitlistEntries.untilAt, now.toISOString()),
      ),
      orderBy: asc(waitlistEntries.createdAt),
      limit: 200,
    });
    return rows.map(toEntry);
  }

  async anyOpen(staffUserId: string, now: Date) {
    const [row] = await this.#scope.list(waitlistEntries, {
      where: and(
        eq(waitlistEntries.staffUserId, staffUserId),
        inArray(waitlistEntries.status, ["waiting", "offered"]),
        gt(waitlistEntries.untilAt, now.toISOString()),
      ),
      limit: 1,
    });
    return row !== undefined;
  }

  async move(id: string, from: WaitlistEntry["status"], changes: Partial<WaitlistEntry>): Promise<boolean> {
    const result = await this.#scope.updateWhere(
      waitlistEntries,
      and(eq(waitlistEntries.id, id), eq(waitlistEntries.status, from))!,
      changes,
    );
    return result.meta.changes === 1;
  }

  async openEntriesOf(clientUserId: string, now: Date) {
    const rows = await this.#scope.list(waitlistEntries, {
      where: and(
        eq(waitlistEntries.clientUserId, clientUserId),
        inArray(waitlistEntries.status, ["waiting", "offered"]),
        gt(waitlistEntries.untilAt, now.toISOString()),
      ),
      orderBy: asc(waitlistEntries.fromAt),
      limit: 50,
    });
    return rows.map(toEntry);
  }
}

const toEntry = ({ tenantId: _tenant, ...row }: typeof waitlistEntries.$inferSelect): WaitlistEntry => row;
