import { and, eq, isNull } from "drizzle-orm";
import type {
  CalendarFeed,
  CalendarFeedRecord,
  CalendarFeedStore,
  FeedOwner,
} from "../../core/booking/calendar-feed.ts";
import { users } from "../kernel/schema.ts";
import { calendarFeeds } from "./schema.ts";
import type { TenantScope } from "../kernel/scope.ts";

const toFeed = ({
  id,
  staffUserId,
  createdAt,
  revokedAt,
}: typeof calendarFeeds.$inferSelect): CalendarFeed => ({
  id,
  staffUserId,
  createdAt,
  revokedAt,
});

export class D1CalendarFeedStore implements CalendarFeedStore {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  async find(id: string): Promise<{ feed: CalendarFeedRecord; owner: FeedOwner } | null> {
    const found = await this.#scope.joinOne(
      calendarFeeds,
      users,
      eq(users.id, calendarFeeds.staffUserId),
      eq(calendarFeeds.id, id),
    );
    if (!found) return null;
    const { left, right } = found;
    return {
      feed: { ...toFeed(left), tokenHash: left.tokenHash },
      owner: {
        id: right.id,
        displayName: right.displayName,
        role: right.role,
        status: right.status,
        language: right.language,
        timeZone: right.timeZone,
      },
    };
  }

  async current(staffUserId: string): Promise<CalendarFeed | null> {
    const row = await this.#scope.findOne(
      calendarFeeds,
      and(eq(calendarFeeds.staffUserId, staffUserId), isNull(calendarFeeds.revokedAt)),
    );
    return row ? toFeed(row) : null;
  }

  async replace(feed: CalendarFeedRecord): Promise<void> {
    await this.#scope.batch([
      this.#revokeAll(feed.staffUserId, feed.createdAt),
      this.#scope.insert(calendarFeeds, feed),
    ]);
  }

  async revokeAll(staffUserId: string, at: string): Promise<number> {
    return (await this.#revokeAll(staffUserId, at)).meta.changes;
  }

  #revokeAll(staffUserId: string, at: string) {
    return this.#scope.updateWhere(
      calendarFeeds,
      and(eq(calendarFeeds.staffUserId, staffUserId), isNull(calendarFeeds.revokedAt))!,
      { revokedAt: at },
    );
  }
}
