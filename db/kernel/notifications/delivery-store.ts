import { and, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Delivery, DeliveryStore } from "../../../core/kernel/notifications/ports.ts";
import type { UnsubscribeTarget } from "../../../core/kernel/notifications/unsubscribe.ts";
import { isNotificationKind } from "../../../core/kernel/notifications/kinds.ts";
import { notificationDeliveries as deliveries, users } from "../schema.ts";
import { chunked, maxParameters, type TenantScope } from "../scope.ts";

type DeliveryRow = typeof deliveries.$inferSelect;

function toDelivery(row: DeliveryRow): Delivery | null {
  if (!isNotificationKind(row.kind)) return null;
  return { ...row, kind: row.kind };
}

const unfinished = inArray(deliveries.status, ["queued", "sending"]);

export type DeadLetter = Delivery & { recipientName: string; recipientEmail: string };

export class D1DeliveryStore implements DeliveryStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async find(id: string): Promise<Delivery | null> {
    const row = await this.#scope.findById(deliveries, id);
    return row ? toDelivery(row) : null;
  }

  async claim(delivery: Delivery, batchId: string, unsubscribeHash: string, now: Date): Promise<Delivery[]> {
    const claimedAt = now.toISOString();
    // The fresh unsubscribe hash marks this attempt's claim: a second consumer that reuses the
    // batch id of a released row cannot join a claim it did not make.
    const claim = {
      status: "sending" as const,
      batchId,
      claimedAt,
      unsubscribeHash,
      attempts: sql`${deliveries.attempts} + 1`,
    };
    const own = this.#scope.updateWhere(
      deliveries,
      and(eq(deliveries.id, delivery.id), eq(deliveries.status, "queued"))!,
      claim,
    );
    const companions = this.#scope.updateWhere(
      deliveries,
      and(
        eq(deliveries.recipientId, delivery.recipientId),
        eq(deliveries.channel, delivery.channel),
        eq(deliveries.status, "queued"),
        eq(deliveries.urgent, false),
        lte(deliveries.notBefore, claimedAt),
        sql`exists (select 1 from ${deliveries} as own where own.id = ${delivery.id} and own.unsubscribe_hash = ${unsubscribeHash})`,
      )!,
      claim,
    );
    await this.#scope.batch(delivery.urgent ? [own] : [own, companions]);
    const rows = await this.#scope.list(deliveries, {
      where: and(
        eq(deliveries.batchId, batchId),
        eq(deliveries.unsubscribeHash, unsubscribeHash),
        eq(deliveries.status, "sending"),
      ),
      orderBy: deliveries.createdAt,
      limit: 100,
    });
    return rows.flatMap((row) => toDelivery(row) ?? []);
  }

  async markSent(batchId: string, providerMessageId: string, now: Date): Promise<void> {
    await this.#scope.updateWhere(
      deliveries,
      and(eq(deliveries.batchId, batchId), eq(deliveries.status, "sending"))!,
      {
        status: "sent",
        providerMessageId,
        sentAt: now.toISOString(),
        lastError: null,
      },
    );
  }

  async markSkipped(ids: readonly string[], reason: string): Promise<void> {
    const statements = chunked(ids, maxParameters - 3).map((page) =>
      this.#scope.updateWhere(deliveries, inArray(deliveries.id, page), {
        status: "skipped",
        lastError: reason,
      }),
    );
    const [first, ...rest] = statements;
    if (first) await this.#scope.batch([first, ...rest]);
  }

  async release(batchId: string, error: string): Promise<void> {
    await this.#scope.updateWhere(
      deliveries,
      and(eq(deliveries.batchId, batchId), eq(deliveries.status, "sending"))!,
      {
        status: "queued",
        lastError: error.slice(0, 500),
      },
    );
  }

  async defer(id: string, notBefore: Date): Promise<void> {
    await this.#scope.update(deliveries, id, { notBefore: notBefore.toISOString() });
  }

  async markDead(deliveryId: string, error: string | null): Promise<number> {
    const delivery = await this.find(deliveryId);
    if (!delivery) return 0;
    const sameBatch = delivery.batchId ? eq(deliveries.batchId, delivery.batchId) : undefined;
    const rows = await this.#scope
      .updateWhere(deliveries, and(or(eq(deliveries.id, deliveryId), sameBatch), unfinished)!, {
        status: "dead",
        // Without a reason of its own (retries ran out) the last provider error stays.
        ...(error === null ? {} : { lastError: error.slice(0, 500) }),
      })
      .returning({ id: deliveries.id });
    return rows.length;
  }

  async displayNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = await this.#scope.list(users, { where: inArray(users.id, unique), limit: unique.length });
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  /** Who an unsubscribe link was sent to and about which kinds, if its secret matches. */
  async unsubscribeTarget(batchId: string, hash: string): Promise<UnsubscribeTarget | null> {
    const rows = await this.#scope.list(deliveries, {
      where: and(eq(deliveries.batchId, batchId), eq(deliveries.unsubscribeHash, hash)),
      limit: 100,
    });
    const first = rows[0];
    if (!first) return null;
    return {
      recipientId: first.recipientId,
      kinds: [...new Set(rows.flatMap((row) => toDelivery(row)?.kind ?? []))],
    };
  }

  /** Deliveries that failed for good, newest first, for the tenant admin. */
  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const rows = await this.#scope.list(deliveries, {
      where: eq(deliveries.status, "dead"),
      orderBy: desc(deliveries.createdAt),
      limit,
    });
    const recipients = await this.#scope.list(users, {
      where: inArray(users.id, [...new Set(rows.map((row) => row.recipientId))]),
      limit,
    });
    const byId = new Map(recipients.map((user) => [user.id, user]));
    return rows.flatMap((row) => {
      const delivery = toDelivery(row);
      const recipient = byId.get(row.recipientId);
      return delivery && recipient
        ? [{ ...delivery, recipientName: recipient.displayName, recipientEmail: recipient.email }]
        : [];
    });
  }

  /** A dead delivery back in the queue as if new; false when it is not (or no longer) dead. */
  async requeue(id: string, now: Date): Promise<boolean> {
    const rows = await this.#scope
      .updateWhere(deliveries, and(eq(deliveries.id, id), eq(deliveries.status, "dead"))!, {
        status: "queued",
        batchId: null,
        claimedAt: null,
        attempts: 0,
        notBefore: now.toISOString(),
        lastError: null,
      })
      .returning({ id: deliveries.id });
    return rows.length === 1;
  }
}
