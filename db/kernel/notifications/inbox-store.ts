import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { newId } from "../../../core/kernel/ids.ts";
import type { Inbox, InboxItem } from "../../../core/kernel/notifications/inbox.ts";
import {
  isNotificationKind,
  type ChannelChoice,
  type NotificationKind,
} from "../../../core/kernel/notifications/kinds.ts";
import { notificationPreferences, notifications, users } from "../schema.ts";
import { D1NotificationStore } from "./notification-store.ts";
import type { TenantScope } from "../scope.ts";

export class D1Inbox extends D1NotificationStore implements Inbox {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    super(scope);
    this.#scope = scope;
  }

  unreadCount(userId: string): Promise<number> {
    return this.#scope.count(
      notifications,
      and(eq(notifications.recipientId, userId), isNull(notifications.readAt)),
    );
  }

  async list(userId: string, limit: number): Promise<InboxItem[]> {
    const rows = await this.#scope.list(notifications, {
      where: eq(notifications.recipientId, userId),
      orderBy: desc(notifications.createdAt),
      limit,
    });
    const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
    const actors = actorIds.length
      ? await this.#scope.list(users, { where: inArray(users.id, actorIds), limit: actorIds.length })
      : [];
    const names = new Map(actors.map((actor) => [actor.id, actor.displayName]));
    return rows.flatMap((row) =>
      isNotificationKind(row.kind)
        ? [
            {
              id: row.id,
              kind: row.kind,
              actorName: (row.actorId && names.get(row.actorId)) || null,
              link: row.link,
              createdAt: row.createdAt,
              read: row.readAt !== null,
            },
          ]
        : [],
    );
  }

  async open(userId: string, id: string, now: Date): Promise<string | null> {
    const rows = await this.#scope
      .updateWhere(notifications, and(eq(notifications.id, id), eq(notifications.recipientId, userId))!, {
        readAt: now.toISOString(),
      })
      .returning({ link: notifications.link });
    return rows[0]?.link ?? null;
  }

  async markAllRead(userId: string, now: Date): Promise<void> {
    await this.#scope.updateWhere(
      notifications,
      and(eq(notifications.recipientId, userId), isNull(notifications.readAt))!,
      { readAt: now.toISOString() },
    );
  }

  async setPhone(userId: string, phone: string | null): Promise<void> {
    await this.#scope.update(users, userId, { phone });
  }

  async setChoice(userId: string, kind: NotificationKind, choice: ChannelChoice, now: Date): Promise<void> {
    const updatedAt = now.toISOString();
    await this.#scope
      .insert(notificationPreferences, { id: newId("preference"), userId, kind, ...choice, updatedAt })
      .onConflictDoUpdate({
        target: [
          notificationPreferences.tenantId,
          notificationPreferences.userId,
          notificationPreferences.kind,
        ],
        set: { ...choice, updatedAt },
      });
  }
}
