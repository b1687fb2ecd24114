import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freeSlots } from "../../core/booking/availability.ts";
import { addDays, inZone, instantOf, weekdayOf } from "../../core/booking/zoned.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { D1BookingStore } from "../../db/booking/store.ts";
import { auditEvents } from "../../db/kernel/schema.ts";
import {
  appointmentTypes,
  availabilityExceptions,
  availabilityWindows,
  bookingProfiles,
} from "../../db/booking/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { demoPassword } from "../../db/kernel/seed/demo-tenants.ts";
import { addUser, post, seedDemoTenants, signIn, visit } from "../../worker/kernel/testing/fixtures.ts";

const host = "coaching.localhost";
const data = platformData(env);
let tenant: TenantRecord;
const scope = () => data.scopeIn(tenant.cell, tenant.id);
const page = (cookie: string) => visit(host, "/booking/hours", { headers: { cookie } });
const send = (cookie: string, fields: Record<string, string>) =>
  post(host, "/booking/hours", fields, { cookie });

/** A staff member of their own, so that no other test's hours are in the way. */
async function freshStaff(timeZone = "Europe/Amsterdam") {
  const email = `coach-${crypto.randomUUID()}@koerscoaching.nl`;
  const id = await addUser(tenant, { email, role: "staff", timeZone, password: demoPassword });
  return { id, cookie: await signIn(host, email) };
}

const profile = {
  timeZone: "Europe/Amsterdam",
  minimumNoticeHours: "0",
  horizonDays: "30",
  maxPerDay: "",
  slotStepMinutes: "30",
};

/** The next date (after today) with this weekday in Amsterdam. */
function next(weekday: number): string {
  let date = addDays(inZone(new Date(), "Europe/Amsterdam").date, 1);
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return date;
}

const windowsOf = (staffUserId: string) =>
  scope().list(availabilityWindows, { where: eq(availabilityWindows.staffUserId, staffUserId) });

beforeAll(async () => {
  await seedDemoTenants();
  tenant = (await data.control.tenantBySlug("coaching"))!;
});

describe("a staff member sets their hours", () => {
  it("starts in their own zone, saves the week, and the booking side offers exactly those times", async () => {
    const staff = await freshStaff("America/New_York");
    const first = await page(staff.cookie);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain("Mijn beschikbaarheid");
    expect(html).toContain("Je hebt nog geen uren ingesteld");
    expect(html).toMatch(/<option value="America\/New_York" selected="">/);
    // A fieldset with its legend per weekday, and an empty block on each to type into.
    expect(html).toMatch(/<legend>Maandag<\/legend>/);
    expect(html).toMatch(/<legend>Zondag<\/legend>/);
    expect(html).toContain('name="day7-0-start"');

    const saved = await send(staff.cookie, {
      ...profile,
      "day1-0-start": "13:00",
      "day1-0-end": "14:00",
      "day1-1-start": "09:00",
      "day1-1-end": "10:00",
      "day2-0-start": "",
      "day2-0-end": "",
      intent: "save",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/booking/hours?done=saved");

    const shown = await (await page(staff.cookie)).text();
    expect(shown).toContain("Je uren gelden in de tijdzone Europe/Amsterdam");
    expect(shown).toContain('value="09:00"');

    const [type] = await scope().list(appointmentTypes, { where: eq(appointmentTypes.durationMinutes, 30) });
    const read = (await new D1BookingStore(scope()).calendarState({
      staffUserId: staff.id,
      appointmentTypeId: type!.id,
      now: new Date(),
      from: new Date(),
      until: new Date(),
    }))!;
    const monday = next(1);
    const slots = freeSlots({
      ...read,
      busy: [],
      from: instantOf(monday, "00:00", "Europe/Amsterdam"),
      until: instantOf(monday, "24:00", "Europe/Amsterdam"),
      now: new Date(),
    });
    expect(slots.map((slot) => inZone(slot.startsAt, "Europe/Amsterdam").time)).toEqual([
      "09:00",
      "09:30",
      "13:00",
      "13:30",
    ]);
    const [line] = await scope().list(auditEvents, {
      where: and(eq(auditEvents.action, "booking.hours-changed"), eq(auditEvents.actorUserId, staff.id)),
    });
    expect(line).toMatchObject({ result: "success", targetId: staff.id });
  });

  it("adds and removes blocks in the form without saving anything", async () => {
    const staff = await freshStaff();
    const added = await send(staff.cookie, {
      ...profile,
      "day3-0-start": "08:00",
      "day3-0-end": "10:00",
      intent: "add:3",
    });
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(html).toContain('name="day3-1-start"');
    expect(html).toMatch(/name="day3-0-start"[^>]*value="08:00"|value="08:00"[^>]*name="day3-0-start"/);
    expect(html).toContain("Nog niet opgeslagen");

    const removed = await send(staff.cookie, {
      ...profile,
      "day3-0-start": "08:00",
      "day3-0-end": "10:00",
      "day3-1-start": "11:00",
      "day3-1-end": "12:00",
      intent: "remove:3:0",
    });
    expect(removed.status).toBe(200);
    const after = await removed.text();
    expect(after).toContain('value="11:00"');
    expect(after).not.toContain('value="08:00"');
    expect(await scope().findOne(bookingProfiles, eq(bookingProfiles.staffUserId, staff.id))).toBeUndefined();
    expect(await windowsOf(staff.id)).toEqual([]);
  });

  it("refuses overlapping blocks, an end before its start and an unknown zone at their fields, keeping what was typed and the saved week", async () => {
    const staff = await freshStaff();
    await send(staff.cookie, { ...profile, "day1-0-start": "09:00", "day1-0-end": "17:00", intent: "save" });

    const refused = await send(staff.cookie, {
      ...profile,
      timeZone: "Europe/Atlantis",
      horizonDays: "45",
      "day1-0-start": "09:00",
      "day1-0-end": "12:00",
      "day1-1-start": "11:30",
      "day1-1-end": "13:00",
      "day2-0-start": "14:00",
      "day2-0-end": "13:00",
      intent: "save",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    // Each message sits at its field, and the field points at it.
    expect(html).toContain('id="day1-1-start-error"');
    expect(html).toContain("Dit blok overlapt met 09:00–12:00 op dezelfde dag.");
    expect(html).toMatch(/id="day1-1-start"[^>]*aria-describedby="day1-1-start-error"/);
    expect(html).toContain('id="day2-0-end-error"');
    expect(html).toContain("De eindtijd moet na de begintijd liggen.");
    expect(html).toContain('id="timeZone-error"');
    expect(html).toContain("Kies een tijdzone uit de lijst");
    // What was typed is there again.
    expect(html).toMatch(/<option value="Europe\/Atlantis" selected="">/);
    expect(html).toContain('value="45"');
    expect(html).toContain('value="11:30"');
    expect(html).toContain('value="14:00"');
    // The list of errors above the form links to the fields.
    expect(html).toContain('href="#day1-1-start"');

    // Nothing of it was written: the saved profile and week are as they were.
    expect(
      (await scope().findOne(bookingProfiles, eq(bookingProfiles.staffUserId, staff.id)))?.horizonDays,
    ).toBe(30);
    expect((await windowsOf(staff.id)).map((window) => [window.startTime, window.endTime])).toEqual([
      ["09:00", "17:00"],
    ]);
  });

  it("keeps exceptions from today on: a day off added and removed, a past date refused", async () => {
    const staff = await freshStaff();
    const date = addDays(inZone(new Date(), "Europe/Amsterdam").date, 10);
    const added = await send(staff.cookie, {
      intent: "add-exception",
      date,
      kind: "dayOff",
      start: "",
      end: "",
    });
    expect(added.headers.get("location")).toBe("/booking/hours?done=added");
    const extra = await send(staff.cookie, {
      intent: "add-exception",
      date,
      kind: "extraHours",
      start: "18:00",
      end: "00:00",
    });
    expect(extra.status).toBe(302);
    const html = await (await page(staff.cookie)).text();
    expect(html).toContain("Extra uren 18:00–24:00");
    const rows = await scope().list(availabilityExceptions, {
      where: eq(availabilityExceptions.staffUserId, staff.id),
    });
    expect(rows).toHaveLength(2);

    const past = await send(staff.cookie, {
      intent: "add-exception",
      date: addDays(inZone(new Date(), "Europe/Amsterdam").date, -2),
      kind: "extraHours",
      start: "10:00",
      end: "09:00",
    });
    expect(past.status).toBe(400);
    const refused = await past.text();
    expect(refused).toContain("Kies vandaag of een latere datum.");
    expect(refused).toContain('id="end-error"');
    expect(refused).toMatch(/<input type="radio" name="kind" checked="" value="extraHours"\/>/);

    const removed = await send(staff.cookie, { intent: "remove-exception", exception: rows[0]!.id });
    expect(removed.headers.get("location")).toBe("/booking/hours?done=removed");
    expect(
      await scope().list(availabilityExceptions, { where: eq(availabilityExceptions.staffUserId, staff.id) }),
    ).toHaveLength(1);
    const [line] = await scope().list(auditEvents, {
      where: and(eq(auditEvents.action, "booking.exception-removed"), eq(auditEvents.targetId, rows[0]!.id)),
    });
    expect(line?.actorUserId).toBe(staff.id);
  });
});

describe("who may set hours", () => {
  it("refuses clients, on the page and its form", async () => {
    const client = await signIn(host, "sanne.visser@example.nl");
    expect((await page(client)).status).toBe(403);
    expect((await send(client, { ...profile, intent: "save" })).status).toBe(403);
    expect((await send(client, { intent: "add-exception", date: "2099-01-01", kind: "dayOff" })).status).toBe(
      403,
    );
  });

  it("changes only the signed-in staff member's own hours and exceptions", async () => {
    const one = await freshStaff();
    const other = await freshStaff();
    await send(other.cookie, { ...profile, "day5-0-start": "09:00", "day5-0-end": "12:00", intent: "save" });
    const date = addDays(inZone(new Date(), "Europe/Amsterdam").date, 3);
    await send(other.cookie, { intent: "add-exception", date, kind: "dayOff" });
    const [theirs] = await scope().list(availabilityExceptions, {
      where: eq(availabilityExceptions.staffUserId, other.id),
    });

    // A field naming someone else changes nothing of theirs: the page knows only the signed-in person.
    await send(one.cookie, {
      ...profile,
      staffUserId: other.id,
      userId: other.id,
      "day5-0-start": "14:00",
      "day5-0-end": "15:00",
      intent: "save",
    });
    expect((await windowsOf(other.id)).map((window) => window.startTime)).toEqual(["09:00"]);
    expect((await windowsOf(one.id)).map((window) => window.startTime)).toEqual(["14:00"]);
    // Their exception is not found for anyone else.
    expect((await send(one.cookie, { intent: "remove-exception", exception: theirs!.id })).status).toBe(404);
    expect(
      await scope().list(availabilityExceptions, { where: eq(availabilityExceptions.staffUserId, other.id) }),
    ).toHaveLength(1);
  });

  it("does not exist at a tenant whose plan has no booking", async () => {
    const staff = await signIn("thuiszorg.localhost", "ingrid.kok@delinde.nl");
    expect(
      (await visit("thuiszorg.localhost", "/booking/hours", { headers: { cookie: staff } })).status,
    ).toBe(404);
  });
});
