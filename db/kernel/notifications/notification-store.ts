import { and, eq, inArray } from "drizzle-orm";
import type { ChannelChoice, NotificationKind } from "../../../core/kernel/notifications/kinds.ts";
import { isNotificationKind } from "../../../core/kernel/notifications/kinds.ts";
import type {
  NewDelivery,
  NewNotification,
  NotificationStore,
  Recipient,
} from "../../../core/kernel/notifications/ports.ts";
import { notificationDeliveries, notificationPreferences, notifications, users } from "../schema.ts";
import { chunked, maxParameters, type TenantScope } from "../scope.ts";

export class D1NotificationStore implements NotificationStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async recipients(ids: readonly string[]): Promise<Recipient[]> {
    const pages = await Promise.all(
      chunked(ids, maxParameters - 1).map((page) =>
        this.#scope.list(users, { where: inArray(users.id, page), limit: page.length }),
      ),
    );
    return pages.flat().map((row) => ({
      id: row.id,
      displayName: row.displayName,
      email: row.email,
      phone: row.phone,
      language: row.language,
      timeZone: row.timeZone,
      status: row.status,
    }));
  }

  async preferences(userIds: readonly string[], kind: NotificationKind): Promise<Map<string, ChannelChoice>> {
    const pages = await Promise.all(
      chunked(userIds, maxParameters - 2).map((page) =>
        this.#scope.list(notificationPreferences, {
          where: and(inArray(notificationPreferences.userId, page), eq(notificationPreferences.kind, kind)),
          limit: page.length,
        }),
      ),
    );
    return new Map(pages.flat().map((row) => [row.userId, { mail: row.mail, sms: row.sms }]));
  }

  async choicesOf(userId: string): Promise<Map<NotificationKind, ChannelChoice>> {
    const rows = await this.#scope.list(notificationPreferences, {
      where: eq(notificationPreferences.userId, userId),
    });
    return new Map(
      rows.flatMap((row) =>
        isNotificationKind(row.kind) ? [[row.kind, { mail: row.mail, sms: row.sms }]] : [],
      ),
    );
  }

  async save(newNotifications: NewNotification[], deliveries: NewDelivery[]): Promise<void> {
    const statements = [
      ...this.#scope.insertAll(notifications, newNotifications),
      ...this.#scope.insertAll(
        notificationDeliveries,
        deliveries.map((row) => ({ ...row, status: "queued" as const })),
      ),
    ];
    const [first, ...rest] = statements;
    if (first) await this.#scope.batch([first, ...rest]);
  }
}
