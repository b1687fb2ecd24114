import type { AuditLog, RequestOrigin } from "../kernel/audit/audit.ts";
import type { Account } from "../kernel/auth/accounts.ts";
import { hasPermission } from "../kernel/auth/permissions.ts";
import { confirmPassword, type ReauthDeps } from "../kernel/auth/reauth.ts";
import { isId } from "../kernel/ids.ts";
import { hashSecret, newSecretToken, parseSecretToken, sameHash } from "../kernel/platform/secret-token.ts";
import type { BookingEvent } from "./ics.ts";

/**
 * A staff member's private calendar feed: a link that a calendar app subscribes to, with their
 * bookings. The link holds `<id>.<secret>` like a session (ADR 0013): only the SHA-256 of the
 * secret is kept, it is shown once, and a new link ends the previous one.
 */

export type CalendarFeed = {
  id: string;
  staffUserId: string;
  createdAt: string;
  revokedAt: string | null;
};

export type CalendarFeedRecord = CalendarFeed & { tokenHash: string };

/** The person a feed belongs to, as it is now (a role or status may have changed since). */
export type FeedOwner = Pick<Account, "id" | "displayName" | "role" | "status" | "language" | "timeZone">;

/** The tenant's feeds; implemented in db/ over the tenant's cell. */
export interface CalendarFeedStore {
  /** A feed of this tenant with its owner; null when there is none. */
  find(id: string): Promise<{ feed: CalendarFeedRecord; owner: FeedOwner } | null>;
  /** The staff member's live feed, if they have one. */
  current(staffUserId: string): Promise<CalendarFeed | null>;
  /** Writes the new feed and revokes every other live feed of its staff member, in one batch. */
  replace(feed: CalendarFeedRecord): Promise<void>;
  /** Revokes every live feed of the staff member; how many there were. */
  revokeAll(staffUserId: string, at: string): Promise<number>;
}

/** What a feed shows: the staff member's held and confirmed bookings starting in [from, until). */
export interface FeedEvents {
  ofStaff(staffUserId: string, from: Date, until: Date): Promise<BookingEvent[]>;
}

export type CalendarFeedDeps = ReauthDeps & { feeds: CalendarFeedStore; audit: AuditLog; now(): Date };

/** The feed's address: `/calendar/<id>.<secret>.ics` (the `.ics` for apps that look at the name). */
export const feedPath = (token: string) => `/calendar/${token}.ics`;

/** What a feed covers: a month back (what just happened) and a year ahead. */
export const feedDaysBack = 30;
export const feedDaysAhead = 365;
/** How often a calendar app is asked to fetch the feed again. */
export const feedRefreshMinutes = 15;

const day = 24 * 60 * 60_000;

export type IssueResult =
  { ok: true; feed: CalendarFeed; token: string } | { ok: false; reason: "passwordWrong" | "throttled" };

/**
 * A new link for the staff member, after their password; the previous link stops working. The
 * token is returned once, for the page to show; only the hash of its secret is kept.
 */
export async function issueFeed(
  deps: CalendarFeedDeps,
  staff: Account,
  password: string,
  client: RequestOrigin,
): Promise<IssueResult> {
  const confirmed = await confirmPassword(deps, staff, password, client, { action: "booking.feed-issue" });
  if (confirmed !== "ok") return { ok: false, reason: confirmed === "wrong" ? "passwordWrong" : "throttled" };
  const { id, secret, token } = newSecretToken("calendarFeed");
  const feed: CalendarFeed = {
    id,
    staffUserId: staff.id,
    createdAt: deps.now().toISOString(),
    revokedAt: null,
  };
  await deps.feeds.replace({ ...feed, tokenHash: await hashSecret(secret) });
  await deps.audit.record({
    action: "booking.feed-issue",
    result: "success",
    actorUserId: staff.id,
    targetType: "calendar-feed",
    targetId: id,
    ...client,
  });
  return { ok: true, feed, token };
}

/** Ends the staff member's link at once; false when they had none. */
export async function revokeFeed(
  deps: Pick<CalendarFeedDeps, "feeds" | "audit" | "now">,
  staff: Account,
  client: RequestOrigin,
): Promise<boolean> {
  const revoked = await deps.feeds.revokeAll(staff.id, deps.now().toISOString());
  if (revoked === 0) return false;
  await deps.audit.record({
    action: "booking.feed-revoke",
    result: "success",
    actorUserId: staff.id,
    targetType: "calendar-feed",
    ...client,
  });
  return true;
}

export type FeedAccess =
  | { ok: true; feed: CalendarFeed; owner: FeedOwner }
  /** `forged`: a real feed of this tenant with a wrong secret; everything else is just not there. */
  | { ok: false; reason: "malformed" | "unknown" | "forged" | "revoked" | "ownerGone"; feedId?: string };

/**
 * The live feed a token proves, of this tenant (the store is scoped to it). The secret is compared
 * in constant time. A feed of someone who is no longer active staff with their own agenda (disabled,
 * role changed) shows nothing, whether or not it was revoked.
 */
export async function resolveFeed(deps: Pick<CalendarFeedDeps, "feeds">, token: string): Promise<FeedAccess> {
  const parsed = parseSecretToken(token);
  if (!parsed || !isId("calendarFeed", parsed.id)) return { ok: false, reason: "malformed" };
  const found = await deps.feeds.find(parsed.id);
  if (!found) return { ok: false, reason: "unknown" };
  const { tokenHash, ...feed } = found.feed;
  if (!sameHash(await hashSecret(parsed.secret), tokenHash))
    return { ok: false, reason: "forged", feedId: feed.id };
  if (feed.revokedAt) return { ok: false, reason: "revoked", feedId: feed.id };
  const { owner } = found;
  if (owner.status !== "active" || !hasPermission(owner.role, "agenda:manage-own"))
    return { ok: false, reason: "ownerGone", feedId: feed.id };
  return { ok: true, feed, owner };
}

/**
 * A calendar app reads the feed: the owner's bookings of the window, and a line in the audit log
 * with the owner as actor. A forged secret for a real feed is logged as refused; unknown and
 * revoked links are not (apps keep polling an old link long after it was revoked).
 */
export async function readFeed(
  deps: Pick<CalendarFeedDeps, "feeds" | "audit" | "now"> & { events: FeedEvents },
  token: string,
  client: RequestOrigin,
): Promise<{ feed: CalendarFeed; owner: FeedOwner; events: BookingEvent[] } | null> {
  const access = await resolveFeed(deps, token);
  if (!access.ok) {
    if (access.reason === "forged") {
      await deps.audit.record({
        action: "booking.feed-read",
        result: "denied",
        targetType: "calendar-feed",
        targetId: access.feedId,
        ...client,
        detail: { reason: "secret_wrong" },
      });
    }
    return null;
  }
  const now = deps.now().getTime();
  const events = await deps.events.ofStaff(
    access.owner.id,
    new Date(now - feedDaysBack * day),
    new Date(now + feedDaysAhead * day),
  );
  await deps.audit.record({
    action: "booking.feed-read",
    result: "success",
    actorUserId: access.owner.id,
    targetType: "calendar-feed",
    targetId: access.feed.id,
    ...client,
    detail: { events: events.length },
  });
  return { feed: access.feed, owner: access.owner, events };
}
