import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { instantOf } from "../../core/booking/zoned.ts";
import { careTeamMembers } from "../../db/kernel/schema.ts";
import { waitlistEntries } from "../../db/booking/schema.ts";
import { careTeamRow } from "../../db/kernel/care-team-store.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { DurableStaffCalendars } from "../../worker/booking/staff-calendars.ts";
import { dateIn, bookableStaff } from "../../worker/booking/testing.ts";
import { addUser, createTenant, post, signIn, visit } from "../../worker/kernel/testing/fixtures.ts";

const data = platformData(env);
const host = "waitlist-pages.localhost";
const password = "een lang en sterk wachtwoord";
const zone = "Europe/Amsterdam";
const cookies: Record<string, string> = {};
let staff: string;
let dayType: string;

const join = (as: string, date: string) =>
  post(
    host,
    `/booking/new?coach=${staff}&type=${dayType}&month=${date.slice(0, 7)}`,
    { intent: "waitlist", coach: staff, type: dayType, date },
    { cookie: cookies[as]! },
  );

beforeAll(async () => {
  await data.control.savePlan({ id: "booking-plan", name: "Booking", features: ["booking"] });
  const tenant = await createTenant("waitlist-pages", "TENANT_DB_1", {
    planId: "booking-plan",
    settings: { secondFactor: { required: [] } },
  });
  const scope = data.scopeIn(tenant.cell, tenant.id);
  staff = await addUser(tenant, { email: "coach@waitlist-pages.test", role: "staff", password });
  // One appointment takes the whole day, so a single booking leaves the day without free time.
  ({ day: dayType } = (await bookableStaff(scope, staff, {
    day: { durationMinutes: 24 * 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
  })) as { day: string });
  const ids: Record<string, string> = {};
  for (const name of ["client", "filler", "outsider"])
    ids[name] = await addUser(tenant, { email: `${name}@waitlist-pages.test`, password });
  await scope.insert(
    careTeamMembers,
    ["client", "filler"].map((name) => careTeamRow(ids[name]!, staff, new Date())),
  );
  const filled = await new DurableStaffCalendars(env.STAFF_CALENDAR, tenant).createBooking({
    staffUserId: staff,
    clientUserId: ids.filler!,
    actorUserId: ids.filler!,
    appointmentTypeId: dayType,
    startsAt: instantOf(dateIn(10), "00:00", zone).toISOString(),
    idempotencyKey: crypto.randomUUID(),
  });
  expect(filled.ok).toBe(true);
  for (const name of ["client", "outsider"])
    cookies[name] = await signIn(host, `${name}@waitlist-pages.test`, password);
});

describe("the waitlist on the booking pages", () => {
  it("offers the full days of the month, takes the client's place, lists it and lets them leave", async () => {
    const month = await visit(
      host,
      `/booking/new?coach=${staff}&type=${dayType}&month=${dateIn(10).slice(0, 7)}`,
      {
        headers: { cookie: cookies.client! },
      },
    );
    expect(await month.text()).toContain(`<option value="${dateIn(10)}"`);

    const joined = await join("client", dateIn(10));
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe(`/booking?waiting=${dateIn(10)}`);
    const list = await (await visit(host, "/booking", { headers: { cookie: cookies.client! } })).text();
    const [entry] = await data
      .scopeIn("TENANT_DB_1", (await data.control.tenantBySlug("waitlist-pages"))!.id)
      .list(waitlistEntries, { where: eq(waitlistEntries.date, dateIn(10)) });
    expect(entry?.status).toBe("waiting");
    expect(list).toContain(`name="entry" value="${entry!.id}"`);

    // Someone else's place is not theirs to give up.
    const foreign = await post(host, "/booking", { entry: entry!.id }, { cookie: cookies.outsider! });
    expect(foreign.status).toBe(404);
    const left = await post(host, "/booking", { entry: entry!.id }, { cookie: cookies.client! });
    expect(left.headers.get("location")).toBe("/booking?left=1");
  });

  it("refuses a day that still has free time, a date that is not one, and a coach outside the care team", async () => {
    const free = await join("client", dateIn(12));
    expect(free.status).toBe(409);
    // The refusal stands at the day field.
    expect(await free.text()).toMatch(/<select id="date" name="date" aria-invalid="true"/);
    expect((await join("client", "morgen")).status).toBe(400);
    expect((await join("outsider", dateIn(10))).status).toBe(404);
  });
});
