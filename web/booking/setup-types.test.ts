import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { freeSlots } from "../../core/booking/availability.ts";
import { addDays, inZone, instantOf, weekdayOf } from "../../core/booking/zoned.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { D1BookingSetupStore } from "../../db/booking/setup-store.ts";
import { D1BookingStore } from "../../db/booking/store.ts";
import { auditEvents, users } from "../../db/kernel/schema.ts";
import { appointmentTypes, availabilityWindows, bookingProfiles } from "../../db/booking/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { demoTenants } from "../../db/kernel/seed/demo-tenants.ts";
import { demoAppointmentTypes, demoBookingProfile } from "../../db/booking/demo.ts";
import { addUser, post, seedDemoTenants, signIn, visit } from "../../worker/kernel/testing/fixtures.ts";

const host = "coaching.localhost";
const path = "/admin/appointment-types";
const data = platformData(env);
let tenant: TenantRecord;
let admin: string;
const scope = () => data.scopeIn(tenant.cell, tenant.id);
const page = (cookie: string) => visit(host, path, { headers: { cookie } });
/** The page's text as read, without the markers React puts between adjacent pieces of text. */
const textOf = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");
const send = (cookie: string, fields: Record<string, string>) => post(host, path, fields, { cookie });
const typeNamed = (name: string) => scope().findOne(appointmentTypes, eq(appointmentTypes.name, name));
const idOf = async (email: string) => (await scope().findOne(users, eq(users.email, email)))!.id;

const type = {
  name: "Loopbaangesprek",
  durationMinutes: "45",
  bufferBeforeMinutes: "0",
  bufferAfterMinutes: "10",
  location: "phone",
  staffUserId: "",
};

beforeAll(async () => {
  await seedDemoTenants();
  tenant = (await data.control.tenantBySlug("coaching"))!;
  admin = await signIn(host, "marieke.jansen@koerscoaching.nl");
});

describe("the admin's appointment types", () => {
  it("adds a type for everyone or for one staff member, changes it, switches it off and on again", async () => {
    const anouk = await idOf("anouk.devries@koerscoaching.nl");
    const name = `Loopbaangesprek ${crypto.randomUUID().slice(0, 8)}`;
    const created = await send(admin, { ...type, name, intent: "create" });
    expect(created.headers.get("location")).toBe(`${path}?done=created`);
    const row = (await typeNamed(name))!;
    expect(row).toMatchObject({
      durationMinutes: 45,
      bufferAfterMinutes: 10,
      location: "phone",
      staffUserId: null,
    });

    const listed = await textOf(await page(admin));
    expect(listed).toContain(name);
    expect(listed).toContain("45 min · Telefonisch · Alle coaches");

    const changed = await send(admin, {
      ...type,
      name,
      durationMinutes: "60",
      staffUserId: anouk,
      type: row.id,
      intent: "update",
    });
    expect(changed.headers.get("location")).toBe(`${path}?done=changed`);
    expect(await typeNamed(name)).toMatchObject({ durationMinutes: 60, staffUserId: anouk });
    expect(await textOf(await page(admin))).toContain("60 min · Telefonisch · Anouk de Vries");

    const store = new D1BookingStore(scope());
    const offered = async () =>
      (await store.calendarState({
        staffUserId: anouk,
        appointmentTypeId: row.id,
        now: new Date(),
        from: new Date(),
        until: new Date(),
      })) !== null;
    expect(await offered()).toBe(true);
    expect((await send(admin, { type: row.id, intent: "deactivate" })).headers.get("location")).toBe(
      `${path}?done=deactivated`,
    );
    // Switched off, never deleted: no longer offered, still there for the bookings that point at it.
    expect(await offered()).toBe(false);
    expect((await typeNamed(name))?.active).toBe(false);
    expect(await (await page(admin)).text()).toContain("Uitgezet");
    await send(admin, { type: row.id, intent: "reactivate" });
    expect(await offered()).toBe(true);

    const lines = await scope().list(auditEvents, { where: eq(auditEvents.targetId, row.id), limit: 10 });
    expect(lines.map((line) => line.action).sort()).toEqual([
      "booking.type-changed",
      "booking.type-created",
      "booking.type-deactivated",
      "booking.type-reactivated",
    ]);
  });

  it("keeps a type with a staff member who has left, until the admin chooses someone else", async () => {
    const leaver = await addUser(tenant, {
      email: `vertrokken-${crypto.randomUUID()}@koerscoaching.nl`,
      role: "staff",
    });
    const name = `Afscheidsgesprek ${crypto.randomUUID().slice(0, 8)}`;
    await send(admin, { ...type, name, staffUserId: leaver, intent: "create" });
    const row = (await typeNamed(name))!;
    await scope().update(users, leaver, { status: "disabled" });
    const html = await textOf(await page(admin));
    expect(html).toContain("45 min · Telefonisch · Een coach die niet meer actief is");
    // Saved as it is, the type stays theirs; a new type cannot be given to them.
    const kept = await send(admin, {
      ...type,
      name,
      durationMinutes: "50",
      staffUserId: leaver,
      type: row.id,
      intent: "update",
    });
    expect(kept.status).toBe(302);
    expect(await typeNamed(name)).toMatchObject({ durationMinutes: 50, staffUserId: leaver });
    expect((await send(admin, { ...type, staffUserId: leaver, intent: "create" })).status).toBe(400);
  });

  it("refuses a bad type at its fields with what was typed, and writes nothing", async () => {
    const before = await scope().count(appointmentTypes);
    const refused = await send(admin, {
      name: "Veel te kort",
      durationMinutes: "3",
      bufferBeforeMinutes: "200",
      bufferAfterMinutes: "0",
      location: "online",
      staffUserId: "",
      intent: "create",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="new-durationMinutes-error"');
    expect(html).toContain("Vul een duur in van 5 tot 480 minuten.");
    expect(html).toMatch(/id="new-durationMinutes"[^>]*aria-describedby="new-durationMinutes-error"/);
    expect(html).toContain("Vul 0 tot 120 minuten in.");
    expect(html).toContain('value="Veel te kort"');
    expect(html).toContain('value="200"');
    expect(await scope().count(appointmentTypes)).toBe(before);

    // A staff member of another tenant is nobody here.
    const other = (await data.control.tenantBySlug("ggz"))!;
    const [stranger] = await data
      .scopeIn(other.cell, other.id)
      .list(users, { where: eq(users.role, "staff") });
    const foreign = await send(admin, { ...type, staffUserId: stranger!.id, intent: "create" });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("Kies iemand uit de lijst.");
    expect(await scope().count(appointmentTypes)).toBe(before);
  });

  it("saves the tenant's booking rules, shows them at once and refuses numbers out of bounds", async () => {
    const saved = await send(admin, {
      cancelNoticeHours: "48",
      reminderHours: "2",
      offerHoldMinutes: "30",
      intent: "rules",
    });
    expect(saved.headers.get("location")).toBe(`${path}?done=rules`);
    const settings = await data.settingsIn(tenant.cell).read(tenant.id);
    // A form without a country (as before there was one) keeps the tenant's.
    expect(settings?.booking).toEqual({
      cancelNoticeHours: 48,
      reminderHours: 2,
      offerHoldMinutes: 30,
      country: "NL",
    });
    // The rest of the settings stay as they were.
    expect(settings?.terminology.nl?.client).toBe("coachee");
    const html = await (await page(admin)).text();
    expect(html).toMatch(/id="cancelNoticeHours"[^>]*value="48"/);
    const [line] = await scope().list(auditEvents, {
      where: eq(auditEvents.action, "booking.rules-changed"),
    });
    expect(line?.detail).toEqual({
      cancelNoticeHours: 48,
      reminderHours: 2,
      offerHoldMinutes: 30,
      country: "NL",
    });

    const refused = await send(admin, {
      cancelNoticeHours: "1000",
      reminderHours: "twee",
      offerHoldMinutes: "30",
      intent: "rules",
    });
    expect(refused.status).toBe(400);
    const text = await refused.text();
    expect(text).toContain('id="cancelNoticeHours-error"');
    expect(text).toContain("Vul een heel aantal uren in, van 0 tot 336.");
    expect(text).toContain('value="twee"');
    expect((await data.settingsIn(tenant.cell).read(tenant.id))?.booking.cancelNoticeHours).toBe(48);
  });
});

describe("who may manage appointment types", () => {
  it("refuses staff and clients, on the page and its form", async () => {
    for (const email of ["anouk.devries@koerscoaching.nl", "sanne.visser@example.nl"]) {
      const cookie = await signIn(host, email);
      expect((await page(cookie)).status, email).toBe(403);
      expect((await send(cookie, { ...type, intent: "create" })).status, email).toBe(403);
      expect(
        (
          await send(cookie, {
            cancelNoticeHours: "0",
            reminderHours: "0",
            offerHoldMinutes: "10",
            intent: "rules",
          })
        ).status,
      ).toBe(403);
    }
  });

  it("finds no type of another tenant: changing or switching it off is not found", async () => {
    const other = (await data.control.tenantBySlug("ggz"))!;
    const [foreign] = await data.scopeIn(other.cell, other.id).list(appointmentTypes);
    expect(foreign, "the demo tenant ggz has appointment types").toBeDefined();
    expect((await send(admin, { ...type, type: foreign!.id, intent: "update" })).status).toBe(404);
    expect((await send(admin, { type: foreign!.id, intent: "deactivate" })).status).toBe(404);
    expect((await send(admin, { type: "apt_unknown", intent: "reactivate" })).status).toBe(404);
    const still = await data
      .scopeIn(other.cell, other.id)
      .findOne(appointmentTypes, and(eq(appointmentTypes.id, foreign!.id)));
    expect(still).toMatchObject({ name: foreign!.name, active: foreign!.active });
  });
});

describe("the demo's booking data", () => {
  it("gives every demo staff member weekday hours and every demo tenant its types, so the demo has bookable time", async () => {
    for (const demo of demoTenants) {
      const record = (await data.control.tenantBySlug(demo.slug))!;
      const demoScope = data.scopeIn(record.cell, record.id);
      const store = new D1BookingStore(demoScope);
      const types = await demoScope.list(appointmentTypes);
      expect(types.map((row) => row.name).sort(), demo.slug).toEqual(
        expect.arrayContaining((demoAppointmentTypes[demo.slug] ?? []).map((row) => row.name).sort()),
      );
      for (const person of demo.users.filter((user) => user.role === "staff")) {
        const staffId = (await demoScope.findOne(users, eq(users.email, person.email)))!.id;
        const introduction = types.find((row) => row.durationMinutes === 30)!;
        const read = (await store.calendarState({
          staffUserId: staffId,
          appointmentTypeId: introduction.id,
          now: new Date(),
          from: new Date(),
          until: new Date(),
        }))!;
        expect(read.rules.minimumNoticeMinutes, person.email).toBe(12 * 60);
        let monday = addDays(inZone(new Date(), "Europe/Amsterdam").date, 2);
        while (weekdayOf(monday) !== 1) monday = addDays(monday, 1);
        const slots = freeSlots({
          ...read,
          busy: [],
          from: instantOf(monday, "00:00", "Europe/Amsterdam"),
          until: instantOf(monday, "24:00", "Europe/Amsterdam"),
          now: new Date(),
        });
        // Half an hour from 09:00 up to 11:30 and from 13:00 up to 16:30, every quarter of an hour.
        expect(slots, person.email).toHaveLength(11 + 15);
        expect(inZone(slots[0]!.startsAt, "Europe/Amsterdam").time).toBe("09:00");
      }
    }
  });

  it("runs again without duplicating anything and leaves hours a staff member changed as they are", async () => {
    const anouk = await idOf("anouk.devries@koerscoaching.nl");
    const setup = new D1BookingSetupStore(scope());
    await setup.saveWeek(
      anouk,
      { ...demoBookingProfile, horizonDays: 14 },
      [{ weekday: 6, start: "10:00", end: "12:00" }],
      new Date(),
    );
    const types = await scope().count(appointmentTypes);
    const profiles = await scope().count(bookingProfiles);
    await seedDemoTenants();
    expect(await scope().count(appointmentTypes)).toBe(types);
    expect(await scope().count(bookingProfiles)).toBe(profiles);
    expect((await setup.availabilityOf(anouk)).profile?.horizonDays).toBe(14);
    expect(await scope().count(availabilityWindows, eq(availabilityWindows.staffUserId, anouk))).toBe(1);
  });
});
