import type { Context } from "hono";
import { feedRefreshMinutes, readFeed } from "../../core/booking/calendar-feed.ts";
import { feedCalendar } from "../../core/booking/ics.ts";
import type { AppEnv } from "../context.ts";
import { tenantOrigin } from "../kernel/notifications/pipeline.ts";
import { calendarWordsFor } from "../../web/booking/calendar-words.server.ts";

/**
 * `GET /calendar/<token>.ics`: a staff member's bookings for their calendar app (ADR 0013). The
 * token is the only credential (apps send no cookie). Anything that does not prove a live feed of
 * this tenant's active staff gets the same plain 404; nothing is cached on the way.
 */
export async function calendarFeed(c: Context<AppEnv>): Promise<Response> {
  const headers = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
  const site = c.get("site");
  const file = c.req.param("file") ?? "";
  if (site.kind !== "tenant" || !site.tenant.features.includes("booking") || !file.endsWith(".ics")) {
    return c.text("Not found", 404, headers);
  }
  const { tenant } = site;
  const services = c.get("services");
  const deps = services.calendarFeedsFor(tenant);
  const read = await readFeed(deps, file.slice(0, -".ics".length), {
    ipAddress: c.req.header("cf-connecting-ip") ?? null,
    userAgent: c.req.header("user-agent") ?? null,
  });
  if (!read) return c.text("Not found", 404, headers);
  const words = calendarWordsFor(read.owner.language, tenant);
  const body = feedCalendar({
    name: words.calendarName,
    staffUserId: read.owner.id,
    events: read.events,
    origin: await tenantOrigin(tenant, services.config, services),
    texts: words.texts,
    now: deps.now(),
    refreshMinutes: feedRefreshMinutes,
  });
  return c.body(body, 200, { ...headers, "Content-Type": "text/calendar; charset=utf-8" });
}
