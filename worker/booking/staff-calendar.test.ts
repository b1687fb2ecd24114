import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { BookingOutcome } from "../../core/booking/calendar.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { bookings } from "../../db/booking/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { at, bookableStaff } from "./testing.ts";
import { addUser, createTenant } from "../kernel/testing/fixtures.ts";
import { DurableStaffCalendars } from "./staff-calendars.ts";

let tenant: TenantRecord;
let other: TenantRecord;
let staff: string;
let types: Record<string, string>;
let calendars: DurableStaffCalendars;

/** 10:00 Amsterdam time, `days` from today: a time the test staff member always has free. */

beforeAll(async () => {
  tenant = await createTenant("calendar-a", "TENANT_DB_1");
  other = await createTenant("calendar-b", "TENANT_DB_2");
  staff = await addUser(tenant, { email: "coach@calendar-a.test", role: "staff" });
  types = await bookableStaff(platformData(env).scopeIn(tenant.cell, tenant.id), staff, {
    hour: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15 },
    half: { durationMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 0 },
    long: { durationMinutes: 90, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
  });
  calendars = new DurableStaffCalendars(env.STAFF_CALENDAR, tenant);
});

const request = (type: string, startsAt: string, client = `usr_client_${crypto.randomUUID()}`) => ({
  staffUserId: staff,
  clientUserId: client,
  actorUserId: client,
  appointmentTypeId: types[type]!,
  startsAt,
  idempotencyKey: crypto.randomUUID(),
});

const winners = (outcomes: BookingOutcome[]) => outcomes.filter((outcome) => outcome.ok);

describe("the staff calendar", () => {
  it("gives a slot to exactly one of 50 clients asking at once, and the others the next free slots", async () => {
    const startsAt = at(3);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => calendars.createBooking(request("hour", startsAt))),
    );
    expect(winners(outcomes)).toHaveLength(1);
    for (const outcome of outcomes.filter((outcome) => !outcome.ok)) {
      expect(outcome).toMatchObject({ ok: false, reason: "taken" });
      if (outcome.ok || !("nextFreeSlots" in outcome)) throw new Error("a refusal names free slots");
      expect(outcome.nextFreeSlots.length).toBeGreaterThan(0);
      // The hour and its 15-minute buffer stay taken: the next start is 11:15.
      expect(outcome.nextFreeSlots[0]!.startsAt).toBe(at(3, "11:15"));
    }
    const slots = await calendars.listAvailability(
      staff,
      types.hour!,
      new Date(at(3, "09:00")),
      new Date(at(3, "12:00")),
    );
    expect(slots?.map((slot) => slot.startsAt)).not.toContain(startsAt);
  });

  it("lets only one of several overlapping bookings of different lengths through", async () => {
    const outcomes = await Promise.all([
      calendars.createBooking(request("long", at(4, "09:30"))),
      calendars.createBooking(request("hour", at(4, "10:00"))),
      calendars.createBooking(request("half", at(4, "10:30"))),
      calendars.createBooking(request("half", at(4, "10:45"))),
      calendars.createBooking(request("hour", at(4, "09:15"))),
    ]);
    expect(winners(outcomes)).toHaveLength(1);
  });

  it("returns the same booking when a request is retried with its idempotency key", async () => {
    const first = request("half", at(5));
    const again = await Promise.all([calendars.createBooking(first), calendars.createBooking(first)]);
    const retry = await calendars.createBooking(first);
    const ids = [...again, retry].map((outcome) => (outcome.ok ? outcome.booking.id : outcome.reason));
    expect(new Set(ids).size).toBe(1);
    expect(retry).toMatchObject({ ok: true, replayed: true });
    // Someone else's request with that key does not get the booking.
    const stranger = { ...first, clientUserId: "usr_stranger", actorUserId: "usr_stranger" };
    expect(await calendars.createBooking(stranger)).toEqual({ ok: false, reason: "invalid" });
  });

  it("frees a held slot when the hold runs out, by the object's alarm", async () => {
    const startsAt = at(6);
    const hold = await calendars.createBooking({ ...request("hour", startsAt), hold: true });
    if (!hold.ok) throw new Error(`hold refused: ${hold.reason}`);
    expect(hold.booking.status).toBe("held");
    expect(await calendars.createBooking(request("hour", startsAt))).toMatchObject({
      ok: false,
      reason: "taken",
    });

    const stub = env.STAFF_CALENDAR.get(env.STAFF_CALENDAR.idFromName(`${tenant.id}:${staff}`));
    const alarm = await runInDurableObject(stub, (_object, state) => state.storage.getAlarm());
    expect(alarm).toBe(new Date(hold.booking.holdExpiresAt!).getTime());
    // Let the hold's ten minutes pass, then ring the alarm.
    const scope = platformData(env).scopeIn(tenant.cell, tenant.id);
    await scope.update(bookings, hold.booking.id, {
      holdExpiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await scope.findById(bookings, hold.booking.id))?.status).toBe("expired");
    expect(await runInDurableObject(stub, (_object, state) => state.storage.getAlarm())).toBeNull();

    expect(await calendars.confirmHold(staff, hold.booking.id, hold.booking.clientUserId)).toEqual({
      ok: false,
      reason: "notHeld",
    });
    expect(await calendars.createBooking(request("hour", startsAt))).toMatchObject({ ok: true });
  });

  it("confirms a hold for its client and frees a cancelled booking's time", async () => {
    const startsAt = at(7);
    const hold = await calendars.createBooking({ ...request("hour", startsAt), hold: true });
    if (!hold.ok) throw new Error(`hold refused: ${hold.reason}`);
    expect(await calendars.confirmHold(staff, hold.booking.id, "usr_someone_else")).toEqual({
      ok: false,
      reason: "notFound",
    });
    const confirmed = await calendars.confirmHold(staff, hold.booking.id, hold.booking.clientUserId);
    expect(confirmed).toMatchObject({ ok: true, booking: { status: "confirmed" } });
    const cancelled = await calendars.cancelBooking(
      staff,
      hold.booking.id,
      hold.booking.clientUserId,
      "Ziek",
    );
    expect(cancelled).toMatchObject({ ok: true, booking: { status: "cancelled", reason: "Ziek" } });
    expect(await calendars.createBooking(request("half", startsAt))).toMatchObject({ ok: true });
  });

  it("refuses a time outside the notice, hours or horizon as unavailable", async () => {
    expect(await calendars.createBooking(request("hour", at(-1)))).toMatchObject({
      ok: false,
      reason: "unavailable",
    });
    expect(await calendars.createBooking(request("hour", at(400)))).toMatchObject({
      ok: false,
      reason: "unavailable",
    });
    expect(await calendars.createBooking(request("hour", "not a time"))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("does not find another tenant's staff member or appointment type", async () => {
    const elsewhere = new DurableStaffCalendars(env.STAFF_CALENDAR, other);
    expect(await elsewhere.createBooking(request("hour", at(8)))).toEqual({ ok: false, reason: "notFound" });
    expect(await elsewhere.listAvailability(staff, types.hour!, new Date(at(8)), new Date(at(9)))).toBeNull();
    expect(
      await calendars.createBooking({ ...request("hour", at(8)), appointmentTypeId: "apt_unknown" }),
    ).toEqual({ ok: false, reason: "notFound" });
  });

  it("moves a booking to another time in one step, and refuses a move into taken time without change", async () => {
    const first = await calendars.createBooking(request("hour", at(9)));
    const neighbour = await calendars.createBooking(request("hour", at(9, "13:00")));
    if (!first.ok || !neighbour.ok) throw new Error("setup bookings refused");
    const scope = platformData(env).scopeIn(tenant.cell, tenant.id);
    const move = (startsAt: string, idempotencyKey = crypto.randomUUID()) => ({
      staffUserId: staff,
      bookingId: first.booking.id,
      startsAt,
      idempotencyKey,
      actorUserId: first.booking.clientUserId,
      reason: "Trein later",
    });

    expect(await calendars.rescheduleBooking(move(at(9, "12:30")))).toMatchObject({
      ok: false,
      reason: "taken",
    });
    expect((await scope.findById(bookings, first.booking.id))?.status).toBe("confirmed");

    // A quarter of an hour later overlaps only the booking itself.
    const key = crypto.randomUUID();
    const moved = await calendars.rescheduleBooking(move(at(9, "10:15"), key));
    if (!moved.ok) throw new Error(`move refused: ${moved.reason}`);
    expect(moved.booking).toMatchObject({ startsAt: at(9, "10:15"), status: "confirmed" });
    expect(await scope.findById(bookings, first.booking.id)).toMatchObject({
      status: "cancelled",
      reason: "Trein later",
    });
    expect(await calendars.rescheduleBooking(move(at(9, "10:15"), key))).toMatchObject({
      ok: true,
      replayed: true,
      booking: { id: moved.booking.id },
    });
    expect(await calendars.rescheduleBooking(move(at(9, "15:00")))).toEqual({ ok: false, reason: "notHeld" });
  });

  it("lets only one of two bookings move into the same free time", async () => {
    const [a, b] = await Promise.all([
      calendars.createBooking(request("half", at(10, "09:00"))),
      calendars.createBooking(request("half", at(10, "11:00"))),
    ]);
    if (!a?.ok || !b?.ok) throw new Error("setup bookings refused");
    const outcomes = await Promise.all(
      [a.booking, b.booking].map((booking) =>
        calendars.rescheduleBooking({
          staffUserId: staff,
          bookingId: booking.id,
          startsAt: at(10, "15:00"),
          idempotencyKey: crypto.randomUUID(),
          actorUserId: booking.clientUserId,
          reason: null,
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const scope = platformData(env).scopeIn(tenant.cell, tenant.id);
    const statuses = await Promise.all(
      [a, b].map(async (o) => (await scope.findById(bookings, o.booking.id))?.status),
    );
    expect(statuses.sort()).toEqual(["cancelled", "confirmed"]);
  });
});
