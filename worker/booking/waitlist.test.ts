import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { joinWaitlist, leaveWaitlist, waitlistOf, type DeskDeps } from "../../core/booking/desk.ts";
import { defaultBookingSettings } from "../../core/booking/settings.ts";
import { instantOf } from "../../core/booking/zoned.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { D1AuditLog } from "../../db/kernel/audit-log.ts";
import { D1BookingRecords } from "../../db/booking/records.ts";
import { D1CareTeamStore } from "../../db/kernel/care-team-store.ts";
import { careTeamMembers, notifications } from "../../db/kernel/schema.ts";
import { availabilityExceptions, bookings, waitlistEntries } from "../../db/booking/schema.ts";
import { D1WaitlistStore } from "../../db/booking/waitlist-store.ts";
import { careTeamRow } from "../../db/kernel/care-team-store.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { dateIn, bookableStaff } from "./testing.ts";
import { addUser, createTenant } from "../kernel/testing/fixtures.ts";
import { DurableStaffCalendars } from "./staff-calendars.ts";

const data = platformData(env);
const zone = "Europe/Amsterdam";
let tenant: TenantRecord;
let scope: ReturnType<typeof data.scopeIn>;
let staff: string;
let dayType: string;
let calendars: DurableStaffCalendars;
let desk: DeskDeps;
const origin = { ipAddress: null, userAgent: null };

/** A local date `days` from today; the test type takes the whole day, so one booking fills it. */
const midnight = (days: number) => instantOf(dateIn(days), "00:00", zone).toISOString();

async function newClient(name: string) {
  const id = await addUser(tenant, { email: `${name}@waitlist.test` });
  await scope.insert(careTeamMembers, careTeamRow(id, staff, new Date()));
  return { id, role: "client" as const, timeZone: zone };
}

async function fillDay(days: number) {
  const filler = await newClient(`filler${days}`);
  const outcome = await calendars.createBooking({
    staffUserId: staff,
    clientUserId: filler.id,
    actorUserId: filler.id,
    appointmentTypeId: dayType,
    startsAt: midnight(days),
    idempotencyKey: crypto.randomUUID(),
  });
  if (!outcome.ok) throw new Error(`could not fill day ${days}: ${outcome.reason}`);
  return { booking: outcome.booking, filler };
}

const entryOf = async (clientUserId: string) =>
  (await scope.list(waitlistEntries, { where: eq(waitlistEntries.clientUserId, clientUserId) }))[0];

beforeAll(async () => {
  await data.control.savePlan({ id: "booking-plan", name: "Booking", features: ["booking"] });
  tenant = await createTenant("waitlist", "TENANT_DB_1", { planId: "booking-plan" });
  scope = data.scopeIn(tenant.cell, tenant.id);
  staff = await addUser(tenant, { email: "coach@waitlist.test", role: "staff" });
  ({ day: dayType } = (await bookableStaff(scope, staff, {
    day: { durationMinutes: 24 * 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
  })) as { day: string });
  calendars = new DurableStaffCalendars(env.STAFF_CALENDAR, tenant);
  desk = {
    calendars,
    records: new D1BookingRecords(scope),
    careTeams: new D1CareTeamStore(scope),
    waitlist: new D1WaitlistStore(scope),
    audit: new D1AuditLog(scope),
    notify: async () => undefined,
    settings: defaultBookingSettings,
    now: () => new Date(),
  };
});

describe("the waitlist", () => {
  it("takes no one for a day that still has free time, nor for a coach outside the care team", async () => {
    const client = await newClient("early");
    const request = { staffUserId: staff, appointmentTypeId: dayType, date: dateIn(30) };
    expect(await joinWaitlist(desk, client, request, origin)).toEqual({ ok: false, reason: "hasFreeTime" });
    const outsider = {
      id: await addUser(tenant, { email: "outsider@waitlist.test" }),
      role: "client" as const,
      timeZone: zone,
    };
    await fillDay(31);
    const full = { ...request, date: dateIn(31) };
    expect(await joinWaitlist(desk, outsider, full, origin)).toEqual({ ok: false, reason: "notFound" });
    expect(await joinWaitlist(desk, { ...client, role: "staff" as const }, full, origin)).toEqual({
      ok: false,
      reason: "notFound",
    });
    // A day off has nothing to wait for.
    await scope.insert(availabilityExceptions, {
      id: "avx_waitlist_day_off",
      staffUserId: staff,
      date: dateIn(32),
      kind: "dayOff",
      createdAt: new Date().toISOString(),
    });
    expect(await joinWaitlist(desk, client, { ...request, date: dateIn(32) }, origin)).toEqual({
      ok: false,
      reason: "closed",
    });
  });

  it("offers freed time to the first one waiting, then, when that offer runs out, to the next", async () => {
    const { booking, filler } = await fillDay(20);
    const first = await newClient("first");
    const second = await newClient("second");
    const request = { staffUserId: staff, appointmentTypeId: dayType, date: dateIn(20) };
    expect(await joinWaitlist(desk, first, request, origin)).toMatchObject({ ok: true });
    expect(await joinWaitlist(desk, second, request, origin)).toMatchObject({ ok: true });
    // Joining twice keeps one place in the line.
    await joinWaitlist(desk, first, request, origin);
    expect(await waitlistOf(desk, first)).toHaveLength(1);

    expect(await calendars.cancelBooking(staff, booking.id, filler.id, null)).toMatchObject({ ok: true });
    const offered = await entryOf(first.id);
    expect(offered).toMatchObject({ status: "offered" });
    const [hold] = await scope.list(bookings, { where: eq(bookings.id, offered!.offeredBookingId!) });
    expect(hold).toMatchObject({ clientUserId: first.id, status: "held", startsAt: midnight(20) });
    const holdMinutes = (Date.parse(hold!.holdExpiresAt!) - Date.now()) / 60_000;
    expect(holdMinutes).toBeGreaterThan(defaultBookingSettings.offerHoldMinutes - 2);
    expect(await entryOf(second.id)).toMatchObject({ status: "waiting" });
    const [told] = await scope.list(notifications, {
      where: and(eq(notifications.recipientId, first.id), eq(notifications.kind, "waitlist-offer")),
    });
    expect(told?.link).toBe(`/booking/${hold!.id}`);

    // The first lets the offer run out: the calendar's alarm passes it to the second.
    await scope.update(bookings, hold!.id, { holdExpiresAt: new Date(Date.now() - 1000).toISOString() });
    const stub = env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(`${tenant.id}:${staff}`));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await entryOf(first.id)).toMatchObject({ status: "lapsed" });
    const next = await entryOf(second.id);
    expect(next).toMatchObject({ status: "offered" });

    // The second takes it: their entry ends as booked.
    const confirmed = await calendars.confirmHold(staff, next!.offeredBookingId!, second.id);
    expect(confirmed).toMatchObject({ ok: true });
    expect(await entryOf(second.id)).toMatchObject({ status: "booked" });
  });

  it("lets a client leave their own place, and no one else's", async () => {
    await fillDay(22);
    const client = await newClient("leaver");
    const other = await newClient("other");
    const joined = await joinWaitlist(
      desk,
      client,
      { staffUserId: staff, appointmentTypeId: dayType, date: dateIn(22) },
      origin,
    );
    if (!joined.ok) throw new Error("could not join");
    expect(await leaveWaitlist(desk, other, joined.entry.id)).toBe(false);
    expect(await leaveWaitlist(desk, client, joined.entry.id)).toBe(true);
    expect(await entryOf(client.id)).toMatchObject({ status: "withdrawn" });
    expect(await waitlistOf(desk, client)).toEqual([]);
  });
});
