import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, inZone, instantOf } from "../../core/booking/zoned.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { auditEvents, careTeamMembers } from "../../db/kernel/schema.ts";
import { bookings } from "../../db/booking/schema.ts";
import { careTeamRow } from "../../db/kernel/care-team-store.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { at, bookableStaff, soonAt } from "../../worker/booking/testing.ts";
import {
  addUser,
  createTenant,
  post,
  saveLanguage,
  signIn,
  visit,
} from "../../worker/kernel/testing/fixtures.ts";

const data = platformData(env);
const host = "booking-pages.localhost";
const password = "een lang en sterk wachtwoord";
const hour = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
const half = { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

let tenant: TenantRecord;
let staff: string;
let client: string;
let types: Record<string, string>;
const cookies: Record<string, string> = {};

/** `time` Amsterdam time, `days` from today: inside the test staff member's always-open hours. */

const page = (as: string, path: string, onHost = host) =>
  visit(onHost, path, { headers: { cookie: cookies[as]! } });

let forms = 0;
/** A choice of a time on the booking page, as its form sends it. */
const hold = (as: string, startsAt: string, formKey = `form-key-${++forms}-${crypto.randomUUID()}`) =>
  // The form posts to the address of the page it is on.
  post(
    host,
    `/booking/new?coach=${staff}&type=${types.hour}&month=${startsAt.slice(0, 7)}`,
    { coach: staff, type: types.hour!, formKey, startsAt },
    { cookie: cookies[as]! },
  );

/** Holds and confirms a time through the pages; the booking's id. */
async function booked(as: string, startsAt: string): Promise<string> {
  const held = await hold(as, startsAt);
  expect(held.status).toBe(302);
  const id = held.headers.get("location")!.replace("/booking/", "");
  const confirmed = await post(host, `/booking/${id}`, { intent: "confirm" }, { cookie: cookies[as]! });
  expect(confirmed.headers.get("location")).toBe(`/booking/${id}?done=confirmed`);
  return id;
}

const timeIn = (instant: string, zone: string) =>
  new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: zone }).format(
    new Date(instant),
  );

beforeAll(async () => {
  await data.control.savePlan({ id: "booking-plan", name: "Booking", features: ["booking"] });
  const settings = { secondFactor: { required: [] } };
  tenant = await createTenant("booking-pages", "TENANT_DB_1", { planId: "booking-plan", settings });
  const other = await createTenant("booking-pages-b", "TENANT_DB_2", { planId: "booking-plan", settings });
  const without = await createTenant("booking-pages-c", "TENANT_DB_1", { settings });
  staff = await addUser(tenant, { email: "coach@booking-pages.test", role: "staff", password });
  const otherStaff = await addUser(tenant, { email: "other@booking-pages.test", role: "staff", password });
  const noHours = await addUser(tenant, { email: "nohours@booking-pages.test", role: "staff" });
  client = await addUser(tenant, { email: "client@booking-pages.test", password, timeZone: "Asia/Tokyo" });
  const neighbour = await addUser(tenant, { email: "neighbour@booking-pages.test", password });
  const alone = await addUser(tenant, { email: "alone@booking-pages.test", password });
  const waiting = await addUser(tenant, { email: "waiting@booking-pages.test", password });
  const both = await addUser(tenant, { email: "both@booking-pages.test", password, language: "en" });
  await addUser(other, { email: "client@booking-pages-b.test", password });
  await addUser(without, { email: "client@booking-pages-c.test", password });
  const scope = data.scopeIn(tenant.cell, tenant.id);
  types = await bookableStaff(scope, staff, { hour, half });
  await bookableStaff(scope, otherStaff, {});
  const team = (clientUserId: string, staffUserId: string) =>
    careTeamRow(clientUserId, staffUserId, new Date());
  await scope.insert(careTeamMembers, [
    team(client, staff),
    team(neighbour, staff),
    team(waiting, noHours),
    team(both, staff),
    team(both, otherStaff),
  ]);
  void alone;
  cookies.client = await signIn(host, "client@booking-pages.test", password);
  cookies.neighbour = await signIn(host, "neighbour@booking-pages.test", password);
  cookies.alone = await signIn(host, "alone@booking-pages.test", password);
  cookies.waiting = await signIn(host, "waiting@booking-pages.test", password);
  cookies.both = await signIn(host, "both@booking-pages.test", password);
  cookies.staff = await signIn(host, "coach@booking-pages.test", password);
  cookies.otherStaff = await signIn(host, "other@booking-pages.test", password);
  cookies.foreign = await signIn("booking-pages-b.localhost", "client@booking-pages-b.test", password);
  cookies.without = await signIn("booking-pages-c.localhost", "client@booking-pages-c.test", password);
});

describe("booking a time", () => {
  it("asks for the kind of appointment, then shows the days with free time in the client's own calendar", async () => {
    const start = await page("client", "/booking/new");
    expect(start.status).toBe(200);
    const choice = await start.text();
    expect(choice).toContain("Wat voor afspraak?");
    expect(choice).toContain(`/booking/new?coach=${staff}&amp;type=${types.hour}`);

    const month = inZone(new Date(), "Asia/Tokyo").date.slice(0, 7);
    const response = await page("client", `/booking/new?coach=${staff}&type=${types.hour}&month=${month}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Tijden in Asia/Tokyo");
    // Open day and night, the coach has a free hour every quarter of the day after today.
    const tomorrow = addDays(inZone(new Date(), "Asia/Tokyo").date, 1);
    if (tomorrow.startsWith(month)) {
      expect(html).toMatch(
        new RegExp(`aria-label="[^"]+: 9[0-9] vrije tijden"[^>]+day=${tomorrow}#free-times"`),
      );
    }
    expect(html).toMatch(/\d+ vrij</);

    const day = addDays(inZone(new Date(), "Asia/Tokyo").date, 3);
    const dayPage = await (
      await page("client", `/booking/new?coach=${staff}&type=${types.hour}&day=${day}`)
    ).text();
    const tokyoMidnight = instantOf(day, "00:00", "Asia/Tokyo").toISOString();
    // The day's first time is the client's midnight, not the coach's.
    expect(dayPage).toContain(`value="${tokyoMidnight}"`);
    expect(dayPage).toContain('name="formKey"');
    expect(dayPage).toContain(">00:00</span>");
  });

  it("holds the chosen time, finds the same hold when the form is sent again, and confirms it", async () => {
    const startsAt = at(4);
    const formKey = crypto.randomUUID();
    const first = await hold("client", startsAt, formKey);
    expect(first.status).toBe(302);
    const location = first.headers.get("location")!;
    expect(location).toMatch(/^\/booking\/bkg_/);
    expect((await hold("client", startsAt, formKey)).headers.get("location")).toBe(location);

    const held = await (await page("client", location)).text();
    expect(held).toContain("Bevestig je afspraak");
    expect(held).toContain("We houden deze tijd voor je vast tot");
    expect(held).toContain(timeIn(startsAt, "Asia/Tokyo"));
    expect(held).toContain("Tijden in Asia/Tokyo");

    const confirmed = await post(host, location, { intent: "confirm" }, { cookie: cookies.client! });
    expect(confirmed.headers.get("location")).toBe(`${location}?done=confirmed`);
    // Pressed twice: still confirmed, no error.
    const again = await post(host, location, { intent: "confirm" }, { cookie: cookies.client! });
    expect(again.headers.get("location")).toBe(`${location}?done=confirmed`);
    const shown = await (await page("client", `${location}?done=confirmed`)).text();
    expect(shown).toContain("Je afspraak is bevestigd");
    expect(shown).toContain("Bevestigd");
    expect(shown).toContain("Verplaatsen");

    const list = await (await page("client", "/booking")).text();
    expect(list).toContain(location);
    expect(list).toContain("Tijden in Asia/Tokyo");
    expect(list).toContain(timeIn(startsAt, "Asia/Tokyo"));
  });

  it("tells a client whose time was just taken, and offers the next free times", async () => {
    const startsAt = at(5);
    expect((await hold("client", startsAt)).status).toBe(302);
    const taken = await hold("neighbour", startsAt);
    expect(taken.status).toBe(409);
    const html = await taken.text();
    expect(html).toContain("Iemand anders heeft deze tijd net gekozen.");
    expect(html).toContain("Dit zijn de eerstvolgende vrije tijden:");
    const offered = [...html.matchAll(/name="startsAt" value="([^"]+)"/g)].map((match) => match[1]);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered).not.toContain(startsAt);
    expect(offered[0]).toBe(at(5, "11:00"));
  });

  it("refuses a made-up form, and a coach outside the care team", async () => {
    const broken = await post(
      host,
      `/booking/new?coach=${staff}&type=${types.hour}`,
      { coach: staff, type: types.hour!, formKey: "x", startsAt: "morgen" },
      { cookie: cookies.client! },
    );
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("Dat lukte niet.");
    const stranger = await post(
      host,
      "/booking/new",
      { coach: staff, type: types.hour!, formKey: crypto.randomUUID(), startsAt: at(6) },
      { cookie: cookies.alone! },
    );
    expect(stranger.status).toBe(404);
  });

  it("asks a client with two coaches whom to book with, in the language they chose", async () => {
    await saveLanguage(host, cookies.both!, "nl");
    const dutch = await (await page("both", "/booking/new")).text();
    expect(dutch).toContain("Met wie wil je een afspraak?");
    expect(dutch).toContain(`/booking/new?coach=${staff}`);
    expect(dutch).toContain(">coach</a>");
    expect(dutch).toContain(">other</a>");
    await saveLanguage(host, cookies.both!, "en");
    const english = await visit(host, `/booking/new?coach=${staff}&type=${types.half}`, {
      headers: { cookie: cookies.both! },
    });
    const html = await english.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Book a new appointment");
    expect(html).toContain("half with coach");
    expect(html).toContain("Times in Europe/Amsterdam (your time zone)");
    expect(html).toMatch(/aria-label="[A-Z][a-z]+day, \d+ [A-Z][a-z]+ \d{4}(, today)?: \d+ free times"/);
  });

  it("explains an empty care team and a coach who takes no bookings yet", async () => {
    const alone = await (await page("alone", "/booking/new")).text();
    expect(alone).toContain("er is nog geen coach aan je gekoppeld");
    const waiting = await (await page("waiting", "/booking/new")).text();
    expect(waiting).toContain("nohours heeft nog geen tijden waarop je zelf een afspraak kunt plannen");
  });
});

describe("who sees a booking", () => {
  let id: string;
  beforeAll(async () => {
    id = await booked("client", at(7));
  });

  it("is not found for another client, another staff member or another tenant", async () => {
    expect((await page("neighbour", `/booking/${id}`)).status).toBe(404);
    expect((await page("otherStaff", `/booking/${id}`)).status).toBe(404);
    expect((await page("foreign", `/booking/${id}`, "booking-pages-b.localhost")).status).toBe(404);
    const cancel = await post(host, `/booking/${id}`, { intent: "cancel" }, { cookie: cookies.neighbour! });
    expect(cancel.status).toBe(404);
    const move = await post(
      host,
      `/booking/${id}/move`,
      { formKey: crypto.randomUUID(), startsAt: at(8) },
      { cookie: cookies.otherStaff! },
    );
    expect(move.status).toBe(404);
  });

  it("is shown to its staff member, in their agenda too; a client has no agenda", async () => {
    const own = await page("staff", `/booking/${id}`);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("client");
    const date = inZone(at(7), "Europe/Amsterdam").date;
    const agenda = await page("staff", `/booking/agenda?view=day&date=${date}`);
    expect(agenda.status).toBe(200);
    const html = await agenda.text();
    expect(html).toContain(`href="/booking/${id}"`);
    expect(html).toContain("10:00 – 11:00");
    expect(html).toContain("Tijden in Europe/Amsterdam");
    const week = await (await page("staff", `/booking/agenda?view=week&date=${date}`)).text();
    expect(week).toContain(`href="/booking/${id}"`);
    expect(week).toContain("Week van");
    expect((await page("otherStaff", `/booking/agenda?view=day&date=${date}`)).status).toBe(200);
    expect(await (await page("otherStaff", `/booking/agenda?view=day&date=${date}`)).text()).not.toContain(
      id,
    );
    expect((await page("client", "/booking/agenda")).status).toBe(403);
    const staffHome = await page("staff", "/booking");
    expect(staffHome.status).toBe(302);
    expect(staffHome.headers.get("location")).toBe("/booking/agenda");
  });

  it("marks a held booking in the agenda", async () => {
    const held = await hold("neighbour", at(9));
    const heldId = held.headers.get("location")!.replace("/booking/", "");
    const date = inZone(at(9), "Europe/Amsterdam").date;
    const html = await (await page("staff", `/booking/agenda?view=day&date=${date}`)).text();
    expect(html).toContain(`href="/booking/${heldId}"`);
    expect(html).toContain("Wacht op bevestiging");
  });

  it("is no page at all in a tenant without booking", async () => {
    expect((await page("without", "/booking", "booking-pages-c.localhost")).status).toBe(404);
    expect((await page("without", "/booking/new", "booking-pages-c.localhost")).status).toBe(404);
  });
});

describe("cancelling and moving", () => {
  it("cancels in good time with a reason, and the time is free again", async () => {
    const startsAt = at(10);
    const id = await booked("client", startsAt);
    const cancelled = await post(
      host,
      `/booking/${id}`,
      { intent: "cancel", reason: "ziek" },
      { cookie: cookies.client! },
    );
    expect(cancelled.headers.get("location")).toBe(`/booking/${id}?done=cancelled`);
    const html = await (await page("client", `/booking/${id}?done=cancelled`)).text();
    expect(html).toContain("De afspraak is geannuleerd.");
    expect(html).toContain("ziek");
    expect((await hold("neighbour", startsAt)).status).toBe(302);
  });

  it("lets go of a held time", async () => {
    const held = await hold("client", at(11));
    const id = held.headers.get("location")!.replace("/booking/", "");
    const released = await post(host, `/booking/${id}`, { intent: "release" }, { cookie: cookies.client! });
    expect(released.headers.get("location")).toBe(`/booking/${id}?done=released`);
    expect((await hold("neighbour", at(11))).status).toBe(302);
  });

  it("answers 400 to an unknown change of a booking and to a move without a time, changing nothing", async () => {
    const id = await booked("client", at(12, "14:00"));
    const unknown = await post(host, `/booking/${id}`, { intent: "delete" }, { cookie: cookies.client! });
    expect(unknown.status).toBe(400);
    const move = await post(
      host,
      `/booking/${id}/move`,
      { formKey: crypto.randomUUID(), startsAt: "", reason: "Andere dag graag" },
      { cookie: cookies.client! },
    );
    expect(move.status).toBe(400);
    expect(await move.text()).toContain("Dat lukte niet.");
    const cancelled = await post(host, `/booking/${id}`, { intent: "cancel" }, { cookie: cookies.client! });
    expect(cancelled.headers.get("location")).toBe(`/booking/${id}?done=cancelled`);
  });

  it("refuses a client's cancel within the notice window with the reason, and warns the staff member who may", async () => {
    const id = await booked("client", soonAt(3));
    const shown = await (await page("client", `/booking/${id}`)).text();
    expect(shown).toContain("Annuleren of verplaatsen kan tot 24 uur voor het begin.");
    expect(shown).toContain("Neem contact op met coach.");
    expect(shown).not.toContain('value="cancel"');

    const late = await post(
      host,
      `/booking/${id}`,
      { intent: "cancel", reason: "trein" },
      { cookie: cookies.client! },
    );
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Dit kan niet meer: je afspraak begint binnen 24 uur.");
    const move = await page("client", `/booking/${id}/move`);
    expect(move.headers.get("location")).toBe(`/booking/${id}`);

    const forStaff = await (await page("staff", `/booking/${id}`)).text();
    expect(forStaff).toContain("Cliënten kunnen nu niet meer annuleren of verplaatsen; jij kunt het wel.");
    const byStaff = await post(host, `/booking/${id}`, { intent: "cancel" }, { cookie: cookies.staff! });
    expect(byStaff.headers.get("location")).toBe(`/booking/${id}?done=cancelled`);
    const scope = data.scopeIn(tenant.cell, tenant.id);
    const [line] = await scope.list(auditEvents, {
      where: and(eq(auditEvents.action, "booking.cancelled"), eq(auditEvents.targetId, id)),
    });
    expect(line?.detail).toMatchObject({ noticeOverridden: true });
  });

  it("asks before cancelling, and lets whoever cancelled take it back for a few minutes while the time is free", async () => {
    const startsAt = at(13, "10:00");
    const id = await booked("client", startsAt);
    const shown = await (await page("client", `/booking/${id}`)).text();
    expect(shown).toContain(`href="/booking/${id}?cancel=confirm#cancel"`);
    expect(shown).not.toContain('value="cancel"');
    const asking = await (await page("client", `/booking/${id}?cancel=confirm`)).text();
    expect(asking).toContain("Weet je zeker dat je deze afspraak met coach wilt annuleren?");
    expect(asking).toContain("Je annuleert op tijd: meer dan 24 uur voor het begin.");
    expect(asking).toContain('value="cancel"');

    const cancel = () => post(host, `/booking/${id}`, { intent: "cancel" }, { cookie: cookies.client! });
    const undo = (as: string) => post(host, `/booking/${id}`, { intent: "undo" }, { cookie: cookies[as]! });
    expect((await cancel()).headers.get("location")).toBe(`/booking/${id}?done=cancelled`);
    expect(await (await page("client", `/booking/${id}?done=cancelled`)).text()).toContain('value="undo"');
    // Neither the other side nor another client can take it back.
    expect((await undo("staff")).status).toBe(404);
    expect((await undo("neighbour")).status).toBe(404);
    expect((await undo("client")).headers.get("location")).toBe(`/booking/${id}?done=restored`);
    expect((await undo("client")).headers.get("location")).toBe(`/booking/${id}?done=restored`);
    const scope = data.scopeIn(tenant.cell, tenant.id);
    expect(await scope.findById(bookings, id)).toMatchObject({ status: "confirmed", cancelledAt: null });
    const restored = await scope.list(auditEvents, {
      where: and(eq(auditEvents.action, "booking.restored"), eq(auditEvents.targetId, id)),
    });
    expect(restored).toHaveLength(1);

    // Once someone else has chosen the time, it stays theirs.
    expect((await cancel()).status).toBe(302);
    await booked("neighbour", startsAt);
    const taken = await undo("client");
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Iemand anders heeft deze tijd net gekozen.");
    expect(await scope.findById(bookings, id)).toMatchObject({ status: "cancelled" });

    // And a few minutes later it is too late.
    const later = await booked("client", at(13, "12:00"));
    expect(
      (await post(host, `/booking/${later}`, { intent: "cancel" }, { cookie: cookies.client! })).status,
    ).toBe(302);
    await scope.update(bookings, later, { cancelledAt: new Date(Date.now() - 6 * 60_000).toISOString() });
    expect(await (await page("client", `/booking/${later}?done=cancelled`)).text()).not.toContain(
      'value="undo"',
    );
    const over = await post(host, `/booking/${later}`, { intent: "undo" }, { cookie: cookies.client! });
    expect(over.status).toBe(409);
    expect(await over.text()).toContain("Ongedaan maken kan niet meer");
  });

  it("offers a confirmed appointment as a file for the viewer's own calendar, to its two people only", async () => {
    const id = await booked("client", at(14, "09:00"));
    expect(await (await page("client", `/booking/${id}`)).text()).toContain(
      `href="/booking/${id}/calendar.ics"`,
    );
    const file = await page("client", `/booking/${id}/calendar.ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(file.headers.get("content-disposition")).toMatch(
      /^attachment; filename="afspraak-\d{4}-\d\d-\d\d\.ics"$/,
    );
    const ics = await file.text();
    expect(ics).toContain(`UID:${id}@booking-pages.localhost`);
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics).toContain("met coach");
    expect((await page("staff", `/booking/${id}/calendar.ics`)).status).toBe(200);
    expect((await page("neighbour", `/booking/${id}/calendar.ics`)).status).toBe(404);
    expect((await page("foreign", `/booking/${id}/calendar.ics`, "booking-pages-b.localhost")).status).toBe(
      404,
    );
    expect((await visit(host, `/booking/${id}/calendar.ics`)).status).toBe(302);
    await post(host, `/booking/${id}`, { intent: "cancel" }, { cookie: cookies.client! });
    expect((await page("client", `/booking/${id}/calendar.ics`)).status).toBe(404);
  });

  it("moves a booking to a time picked on the same month view", async () => {
    const id = await booked("client", at(12));
    const day = inZone(at(12, "14:00"), "Asia/Tokyo").date;
    const picker = await page("client", `/booking/${id}/move?day=${day}`);
    expect(picker.status).toBe(200);
    const html = await picker.text();
    expect(html).toContain("Afspraak verplaatsen");
    expect(html).toContain(`value="${at(12, "14:00")}"`);
    const moved = await post(
      host,
      `/booking/${id}/move`,
      { formKey: crypto.randomUUID(), startsAt: at(12, "14:00"), reason: "later" },
      { cookie: cookies.client! },
    );
    expect(moved.status).toBe(302);
    const location = moved.headers.get("location")!;
    expect(location).toMatch(/^\/booking\/bkg_\w+\?done=moved$/);
    expect(location).not.toContain(id);
    const scope = data.scopeIn(tenant.cell, tenant.id);
    const old = await scope.findOne(bookings, eq(bookings.id, id));
    expect(old?.status).toBe("cancelled");
    expect(await (await page("client", location)).text()).toContain("De afspraak is verplaatst.");
  });
});
