import { env } from "cloudflare:workers";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Booking } from "../../core/booking/booking.ts";
import { loadTenant, type Tenant } from "../../core/kernel/tenants/tenant.ts";
import { D1AccountStore } from "../../db/kernel/identity/account-store.ts";
import { D1AuditLog } from "../../db/kernel/audit-log.ts";
import { D1BookingStore } from "../../db/booking/store.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { bookableStaff, bookingAt } from "./testing.ts";
import { addUser, createTenant, post, signIn, testContext, visit } from "../kernel/testing/fixtures.ts";

const data = platformData(env);
const password = "Agenda-feed-2026!";
const intake = { durationMinutes: 45, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
const day = 24 * 60 * 60_000;

async function tenantWith(slug: string, features: ("messages" | "booking")[]): Promise<Tenant> {
  await testContext().control.savePlan({ id: `plan-${slug}`, name: slug, features });
  const record = await createTenant(slug, "TENANT_DB_1", {
    planId: `plan-${slug}`,
    settings: { secondFactor: { required: [] } },
  });
  const tenant = await loadTenant(record, data);
  if (!tenant) throw new Error("tenant did not load");
  return tenant;
}

const scopeOf = (tenant: Tenant) => data.scopeIn(tenant.cell, tenant.id);
const host = "feeds.localhost";
const text = (response: Response) => response.text();

let tenant: Tenant;
let anouk: string;
let bram: string;
let client: string;
const bookings: Record<string, Booking> = {};

/** A booking of `staff` with the client, `days` from now. */
async function book(name: string, staff: string, days: number, changes: Partial<Booking> = {}) {
  const types = await bookableStaffOnce(staff);
  // On the quarter hour, as bookings are.
  const start = Math.floor((Date.now() + days * day) / 900_000) * 900_000;
  const booking = bookingAt(staff, new Date(start).toISOString(), intake, {
    clientUserId: client,
    appointmentTypeId: types,
    ...changes,
  });
  expect(await new D1BookingStore(scopeOf(tenant)).insertUnlessOverlapping(booking)).toBe(true);
  bookings[name] = booking;
}

const typeOf = new Map<string, string>();
async function bookableStaffOnce(staff: string): Promise<string> {
  if (!typeOf.has(staff)) {
    const { Intake } = (await bookableStaff(scopeOf(tenant), staff, { Intake: intake })) as {
      Intake: string;
    };
    typeOf.set(staff, Intake);
  }
  return typeOf.get(staff)!;
}

/** Makes a link on the page after the password, and returns its path and the page's answer. */
async function makeLink(cookie: string): Promise<{ path: string; page: string }> {
  const response = await post(host, "/booking/feed", { intent: "create", password }, { cookie });
  expect(response.status).toBe(200);
  const page = await text(response);
  const path = /http:\/\/feeds\.localhost:?\d*(\/calendar\/cfd_[0-9A-Z]{26}\.[\w-]+\.ics)/.exec(page)?.[1];
  if (!path) throw new Error("no link on the page");
  return { path, page };
}

function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((event) => ({
    uid: event.getFirstPropertyValue("uid"),
    status: event.getFirstPropertyValue("status"),
    summary: event.getFirstPropertyValue("summary"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
  }));
}

beforeAll(async () => {
  tenant = await tenantWith("feeds", ["messages", "booking"]);
  anouk = await addUser(tenant, { email: "anouk@feeds.example", role: "staff", password });
  bram = await addUser(tenant, { email: "bram@feeds.example", role: "staff", password });
  client = await addUser(tenant, { email: "sanne@feeds.example", password });
  await book("confirmed", anouk, 2);
  await book("held", anouk, 3, {
    status: "held",
    confirmedAt: null,
    holdExpiresAt: new Date(Date.now() + 600_000).toISOString(),
  });
  await book("cancelled", anouk, 4, { status: "cancelled", cancelledAt: new Date().toISOString() });
  await book("lastWeek", anouk, -7);
  await book("longAgo", anouk, -40);
  await book("nextYear", anouk, 400);
  await book("colleague", bram, 2);
});

describe("the calendar feed page", () => {
  it("is for staff with their own agenda: a client gets 403", async () => {
    const cookie = await signIn(host, "sanne@feeds.example", password);
    expect((await visit(host, "/booking/feed", { headers: { cookie } })).status).toBe(403);
    const made = await post(host, "/booking/feed", { intent: "create", password }, { cookie });
    expect(made.status).toBe(403);
  });

  it("makes a link after the password, shows it once, and the feed has that staff member's bookings", async () => {
    const cookie = await signIn(host, "anouk@feeds.example", password);
    expect(await text(await visit(host, "/booking/feed", { headers: { cookie } }))).toContain(
      "Je hebt nog geen link.",
    );
    const wrong = await post(host, "/booking/feed", { intent: "create", password: "niet-het" }, { cookie });
    expect(wrong.status).toBe(400);
    expect(await text(wrong)).toContain("Je wachtwoord klopt niet; er is geen link gemaakt.");

    const { path, page } = await makeLink(cookie);
    expect(page).toContain(`webcal://feeds.localhost`);
    const feed = await visit(host, path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(feed.headers.get("cache-control")).toBe("private, no-store");
    const events = eventsOf(await text(feed));
    // A month back to a year ahead, held and confirmed, Anouk's own only, earliest first.
    expect(events.map((event) => event.uid)).toEqual(
      ["lastWeek", "confirmed", "held"].map((name) => `${bookings[name]!.id}@feeds.localhost`),
    );
    expect(events.map((event) => event.status)).toEqual(["CONFIRMED", "CONFIRMED", "TENTATIVE"]);
    expect(events[1]).toMatchObject({ summary: "Intake met sanne", start: bookings.confirmed!.startsAt });

    // The page never shows the link again: only that there is one.
    const later = await text(await visit(host, "/booking/feed", { headers: { cookie } }));
    expect(later).toContain("Je hebt een link sinds");
    expect(later).not.toContain(path.slice("/calendar/".length, -".ics".length));
    expect(later).not.toContain(path.split(".")[1]!);

    const lines = await new D1AuditLog(scopeOf(tenant)).search({
      personId: anouk,
      area: "booking",
      limit: 20,
    });
    expect(lines.map((line) => [line.action, line.result])).toEqual(
      expect.arrayContaining([
        ["booking.feed-issue", "failure"],
        ["booking.feed-issue", "success"],
        ["booking.feed-read", "success"],
      ]),
    );
    expect(lines.find((line) => line.action === "booking.feed-read")).toMatchObject({
      actorUserId: anouk,
      targetType: "calendar-feed",
      detail: { events: 3 },
    });
  });

  it("ends the old link when a new one is made, and the new one when it is revoked", async () => {
    const cookie = await signIn(host, "bram@feeds.example", password);
    const first = await makeLink(cookie);
    const second = await makeLink(cookie);
    expect((await visit(host, first.path)).status).toBe(404);
    const feed = await visit(host, second.path);
    expect(eventsOf(await text(feed)).map((event) => event.uid)).toEqual([
      `${bookings.colleague!.id}@feeds.localhost`,
    ]);

    const revoked = await post(host, "/booking/feed", { intent: "revoke" }, { cookie });
    expect(revoked.status).toBe(302);
    expect(revoked.headers.get("location")).toBe("/booking/feed?done=revoke");
    expect((await visit(host, second.path)).status).toBe(404);
    const page = await text(await visit(host, "/booking/feed?done=revoke", { headers: { cookie } }));
    expect(page).toContain("De link is ingetrokken en werkt niet meer.");
    // Nothing left to revoke.
    expect((await post(host, "/booking/feed", { intent: "revoke" }, { cookie })).status).toBe(404);
  });
});

describe("the feed link", () => {
  let path: string;

  beforeAll(async () => {
    ({ path } = await makeLink(await signIn(host, "anouk@feeds.example", password)));
  });

  it("answers a plain 404 on another tenant's host, on an unknown host and for a forged or broken link", async () => {
    await tenantWith("anders", ["messages", "booking"]);
    expect((await visit("anders.localhost", path)).status).toBe(404);
    expect((await visit("onbekend.localhost", path)).status).toBe(404);
    const [id, secret] = path.slice("/calendar/".length, -".ics".length).split(".");
    for (const broken of [
      `/calendar/${id}.${"A".repeat(secret!.length)}.ics`,
      `/calendar/${id}.${secret}`,
      `/calendar/${id}.ics`,
      "/calendar/cfd_0000000000AAAAAAAAAAAAAAAA.geheim.ics",
      "/calendar/niets.ics",
    ]) {
      const response = await visit(host, broken);
      expect(response.status, broken).toBe(404);
      expect(response.headers.get("content-type"), broken).toMatch(/^text\/plain/);
    }
    expect((await visit(host, path)).status).toBe(200);
    const refused = await new D1AuditLog(scopeOf(tenant)).search({ area: "booking", limit: 50 });
    expect(refused.filter((line) => line.result === "denied")).toEqual([
      expect.objectContaining({
        action: "booking.feed-read",
        targetId: id,
        detail: { reason: "secret_wrong" },
      }),
    ]);
  });

  it("stops when its owner is disabled or no longer staff", async () => {
    const accounts = new D1AccountStore(scopeOf(tenant));
    await accounts.setStatus(anouk, "disabled");
    expect((await visit(host, path)).status).toBe(404);
    await accounts.setStatus(anouk, "active");
    expect((await visit(host, path)).status).toBe(200);
    await accounts.setRole(anouk, "client");
    expect((await visit(host, path)).status).toBe(404);
    await accounts.setRole(anouk, "staff");
  });

  it("does not exist in a tenant without booking", async () => {
    const plain = await tenantWith("zonder", ["messages"]);
    await addUser(plain, { email: "coach@zonder.example", role: "staff", password });
    const cookie = await signIn("zonder.localhost", "coach@zonder.example", password);
    expect((await visit("zonder.localhost", "/booking/feed", { headers: { cookie } })).status).toBe(404);
    expect((await visit("zonder.localhost", path)).status).toBe(404);
  });
});
