import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultBookingSettings, type HolidayCountry } from "../../core/booking/settings.ts";
import { addDays, instantOf, type LocalDate } from "../../core/booking/zoned.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { availabilityExceptions, closureDays } from "../../db/booking/schema.ts";
import { careTeamRow } from "../../db/kernel/care-team-store.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { auditEvents, careTeamMembers } from "../../db/kernel/schema.ts";
import { bookableStaff, dateIn, testZone } from "../../worker/booking/testing.ts";
import { addUser, callApi, createTenant, post, signIn, visit } from "../../worker/kernel/testing/fixtures.ts";

const data = platformData(env);
const password = "een lang en sterk wachtwoord";
const hour = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

type Practice = {
  tenant: TenantRecord;
  host: string;
  staff: string;
  type: string;
  cookies: Record<string, string>;
};
const practices: Partial<Record<HolidayCountry, Practice>> = {};

/** The next `MM-DD` from tomorrow on: Christmas Day 2026 and New Year's Day 2027 when run in December 2026. */
function next(monthDay: string): LocalDate {
  const tomorrow = dateIn(1);
  const thisYear = `${tomorrow.slice(0, 4)}-${monthDay}`;
  return thisYear >= tomorrow ? thisYear : `${Number(tomorrow.slice(0, 4)) + 1}-${monthDay}`;
}
const christmas = next("12-25");
const newYear = next("01-01");

/**
 * A practice in `country` with a coach who works every day, all day, and opens no holiday (the
 * test calendars open them all, so their own exceptions are removed), and a client of theirs.
 */
async function practice(country: HolidayCountry, cell: string): Promise<Practice> {
  const slug = `closed-${country.toLowerCase()}`;
  const settings = { secondFactor: { required: [] }, booking: { ...defaultBookingSettings, country } };
  const tenant = await createTenant(slug, cell, { planId: "booking-plan", settings });
  const staff = await addUser(tenant, { email: `coach@${slug}.test`, role: "staff", password });
  const client = await addUser(tenant, { email: `client@${slug}.test`, password });
  await addUser(tenant, { email: `admin@${slug}.test`, role: "admin", password });
  const scope = data.scopeIn(tenant.cell, tenant.id);
  const { hour: type } = await bookableStaff(scope, staff, { hour });
  await scope.deleteWhere(availabilityExceptions, eq(availabilityExceptions.staffUserId, staff));
  await scope.insert(careTeamMembers, careTeamRow(client, staff, new Date()));
  const host = `${slug}.localhost`;
  const cookies = {
    client: await signIn(host, `client@${slug}.test`, password),
    staff: await signIn(host, `coach@${slug}.test`, password),
    admin: await signIn(host, `admin@${slug}.test`, password),
  };
  return { tenant, host, staff, type: type!, cookies };
}

/** The free times of a coach on one Amsterdam date, through the API as their client. */
async function freeTimesOn({ host, staff, type, cookies }: Practice, date: LocalDate): Promise<number> {
  const from = instantOf(date, "00:00", testZone).toISOString();
  const until = instantOf(addDays(date, 1), "00:00", testZone).toISOString();
  const response = await callApi(
    host,
    `/bookings/availability?staffUserId=${staff}&appointmentTypeId=${type}&from=${encodeURIComponent(from)}&until=${encodeURIComponent(until)}`,
    { cookie: cookies.client },
  );
  expect(response.status).toBe(200);
  return (await response.json<{ slots: unknown[] }>()).slots.length;
}

/** The booking page of a month as the client sees it. */
async function monthPage({ host, staff, type, cookies }: Practice, date: LocalDate) {
  const response = await visit(host, `/booking/new?coach=${staff}&type=${type}&month=${date.slice(0, 7)}`, {
    headers: { cookie: cookies.client! },
  });
  expect(response.status).toBe(200);
  return response.text();
}

const dayLink = (date: LocalDate) => `day=${date}`;

beforeAll(async () => {
  await data.control.savePlan({ id: "booking-plan", name: "Booking", features: ["booking"] });
  practices.NL = await practice("NL", "TENANT_DB_1");
  practices.BE = await practice("BE", "TENANT_DB_2");
  practices.DE = await practice("DE", "TENANT_DB_1");
});

describe("public holidays", () => {
  it("offer no times at a Dutch practice: Christmas Day and New Year's Day are closed, the day before is not", async () => {
    const nl = practices.NL!;
    expect(await freeTimesOn(nl, christmas)).toBe(0);
    expect(await freeTimesOn(nl, addDays(christmas, 1))).toBe(0);
    expect(await freeTimesOn(nl, newYear)).toBe(0);
    expect(await freeTimesOn(nl, addDays(christmas, -1))).toBe(96 - 3);
    const page = await monthPage(nl, christmas);
    expect(page).toContain(dayLink(addDays(christmas, -1)));
    expect(page).not.toContain(dayLink(christmas));
    expect(await monthPage(nl, newYear)).not.toContain(dayLink(newYear));
  });

  it("are each country's own: Belgium's 21 July and 11 November, Germany's 3 October", async () => {
    const { BE: be, DE: de, NL: nl } = practices;
    expect(await freeTimesOn(be!, next("07-21"))).toBe(0);
    expect(await freeTimesOn(be!, next("11-11"))).toBe(0);
    expect(await freeTimesOn(nl!, next("07-21"))).toBeGreaterThan(0);
    expect(await freeTimesOn(de!, next("10-03"))).toBe(0);
    expect(await freeTimesOn(nl!, next("10-03"))).toBeGreaterThan(0);
    // Boxing Day is a holiday in the Netherlands and Germany, not in Belgium.
    expect(await freeTimesOn(be!, addDays(christmas, 1))).toBeGreaterThan(0);
    expect(await freeTimesOn(de!, addDays(christmas, 1))).toBe(0);
  });

  it("open again for a coach who adds extra hours on that date", async () => {
    const nl = practices.NL!;
    const added = await post(
      nl.host,
      "/booking/hours",
      { intent: "add-exception", date: newYear, kind: "extraHours", start: "10:00", end: "12:00" },
      { cookie: nl.cookies.staff! },
    );
    expect(added.headers.get("location")).toBe("/booking/hours?done=added");
    expect(await freeTimesOn(nl, newYear)).toBe(5);
    expect(await monthPage(nl, newYear)).toContain(dayLink(newYear));
  });

  it("are shown closed, by name, in the coach's hours", async () => {
    const nl = practices.NL!;
    const page = await (
      await visit(nl.host, "/booking/hours", { headers: { cookie: nl.cookies.staff! } })
    ).text();
    expect(page).toContain("Gesloten dagen");
    expect(page).toContain("Feestdag: Kerstmis");
    expect(page).toContain("Feestdag: Tweede kerstdag");
  });
});

describe("closure days", () => {
  const closureOf = (practice: Practice, fields: Record<string, string>, as = "admin") =>
    post(
      practice.host,
      "/admin/closure-days",
      { intent: "add", ...fields },
      { cookie: practice.cookies[as]! },
    );

  it("are set by the admin, audited, and offer no times", async () => {
    const nl = practices.NL!;
    const first = dateIn(20);
    expect(await freeTimesOn(nl, first)).toBeGreaterThan(0);
    const added = await closureOf(nl, { firstDate: first, lastDate: addDays(first, 1), label: "Teamdag" });
    expect(added.headers.get("location")).toBe("/admin/closure-days?done=added");
    expect(await freeTimesOn(nl, first)).toBe(0);
    expect(await freeTimesOn(nl, addDays(first, 1))).toBe(0);
    expect(await freeTimesOn(nl, addDays(first, 2))).toBeGreaterThan(0);
    const scope = data.scopeIn(nl.tenant.cell, nl.tenant.id);
    const [row] = await scope.list(closureDays, { where: eq(closureDays.firstDate, first) });
    expect(row).toMatchObject({ lastDate: addDays(first, 1), label: "Teamdag" });
    const audited = await scope.list(auditEvents, { where: eq(auditEvents.action, "booking.closure-added") });
    expect(audited).toHaveLength(1);

    const page = await (
      await visit(nl.host, "/admin/closure-days", { headers: { cookie: nl.cookies.admin! } })
    ).text();
    expect(page).toContain("Sluitingsdag: Teamdag");
    expect(page).toContain("Feestdag: Kerstmis");

    const removed = await post(
      nl.host,
      "/admin/closure-days",
      { intent: "remove", closure: row!.id },
      {
        cookie: nl.cookies.admin!,
      },
    );
    expect(removed.headers.get("location")).toBe("/admin/closure-days?done=removed");
    expect(await freeTimesOn(nl, first)).toBeGreaterThan(0);
    expect(
      await scope.list(auditEvents, { where: and(eq(auditEvents.action, "booking.closure-removed")) }),
    ).toHaveLength(1);
  });

  it("give way to a coach's extra hours too", async () => {
    const de = practices.DE!;
    const date = dateIn(30);
    await closureOf(de, { firstDate: date, lastDate: "", label: "" });
    expect(await freeTimesOn(de, date)).toBe(0);
    await post(
      de.host,
      "/booking/hours",
      { intent: "add-exception", date, kind: "extraHours", start: "09:00", end: "10:00" },
      {
        cookie: de.cookies.staff!,
      },
    );
    expect(await freeTimesOn(de, date)).toBe(1);
  });

  it("are refused to a client and a coach, and another tenant's closure days are not found", async () => {
    const { NL: nl, BE: be } = practices;
    const date = dateIn(40);
    expect((await closureOf(nl!, { firstDate: date }, "client")).status).toBe(403);
    expect((await closureOf(nl!, { firstDate: date }, "staff")).status).toBe(403);
    expect(
      (await visit(nl!.host, "/admin/closure-days", { headers: { cookie: nl!.cookies.client! } })).status,
    ).toBe(403);
    await closureOf(be!, { firstDate: date, label: "Belgisch" });
    const scope = data.scopeIn(be!.tenant.cell, be!.tenant.id);
    const [belgian] = await scope.list(closureDays, { where: eq(closureDays.label, "Belgisch") });
    const foreign = await post(
      nl!.host,
      "/admin/closure-days",
      { intent: "remove", closure: belgian!.id },
      {
        cookie: nl!.cookies.admin!,
      },
    );
    expect(foreign.status).toBe(404);
    expect(await scope.list(closureDays, { where: eq(closureDays.id, belgian!.id) })).toHaveLength(1);
  });

  it("answer bad input at its field, and keep nothing of it", async () => {
    const nl = practices.NL!;
    const scope = data.scopeIn(nl.tenant.cell, nl.tenant.id);
    const before = (await scope.list(closureDays)).length;
    const cases: [Record<string, string>, string, string][] = [
      [
        { firstDate: dateIn(10), lastDate: dateIn(9) },
        "lastDate",
        "De laatste dag kan niet voor de eerste liggen.",
      ],
      [{ firstDate: "2026-02-30" }, "firstDate", "Kies een geldige datum."],
      [{ firstDate: "morgen" }, "firstDate", "Kies een geldige datum."],
      [{ firstDate: dateIn(-2) }, "firstDate", "Kies vandaag of een latere datum."],
      [
        { firstDate: dateIn(5), lastDate: dateIn(400) },
        "lastDate",
        "Een sluiting duurt hoogstens 366 dagen.",
      ],
      [
        { firstDate: dateIn(5), label: "x".repeat(81) },
        "label",
        "Een omschrijving heeft hoogstens 80 tekens.",
      ],
    ];
    for (const [fields, field, message] of cases) {
      const response = await closureOf(nl, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      const page = await response.text();
      expect(page).toContain(`id="${field}-error"`);
      expect(page).toContain(message);
    }
    expect(await scope.list(closureDays)).toHaveLength(before);
  });
});

describe("the tenant's country", () => {
  it("is chosen with the booking rules, and only from the countries with known holidays", async () => {
    const be = practices.BE!;
    const rules = { intent: "rules", cancelNoticeHours: "24", reminderHours: "24", offerHoldMinutes: "60" };
    const refused = await post(
      be.host,
      "/admin/appointment-types",
      { ...rules, country: "XX" },
      {
        cookie: be.cookies.admin!,
      },
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Kies een land uit de lijst.");
    expect(await freeTimesOn(be, next("07-21"))).toBe(0);
    const saved = await post(
      be.host,
      "/admin/appointment-types",
      { ...rules, country: "NL" },
      {
        cookie: be.cookies.admin!,
      },
    );
    expect(saved.headers.get("location")).toBe("/admin/appointment-types?done=rules");
    expect(await freeTimesOn(be, next("07-21"))).toBeGreaterThan(0);
    expect(await freeTimesOn(be, next("04-27"))).toBe(0);
    await post(
      be.host,
      "/admin/appointment-types",
      { ...rules, country: "BE" },
      { cookie: be.cookies.admin! },
    );
  });
});
