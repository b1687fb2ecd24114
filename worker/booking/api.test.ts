import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { auditEvents, careTeamMembers, notifications } from "../../db/kernel/schema.ts";
import { careTeamRow } from "../../db/kernel/care-team-store.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { at, bookableStaff, soonAt } from "./testing.ts";
import { callApi, addUser, createTenant, signIn, visit } from "../kernel/testing/fixtures.ts";

const data = platformData(env);
const password = "een lang en sterk wachtwoord";
const hour = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15 };
const half = { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

let tenant: TenantRecord;
let other: TenantRecord;
let without: TenantRecord;
let staff: string;
let otherStaff: string;
let client: string;
let types: Record<string, string>;
let foreignTypes: Record<string, string>;
const cookies: Record<string, string> = {};

/** `time` Amsterdam time, `days` from today: inside the test staff member's always-open hours. */

const call = (
  as: keyof typeof cookies,
  path: string,
  init: { method?: string; body?: unknown; key?: string; host?: string } = {},
) =>
  callApi(init.host ?? "booking-api.localhost", path, {
    cookie: cookies[as],
    method: init.method ?? "GET",
    json: init.body,
    headers: init.key ? { "idempotency-key": init.key } : {},
  });

const bookIt = (as: string, startsAt: string, type = "hour", key = crypto.randomUUID()) =>
  call(as, "/bookings", {
    method: "POST",
    key,
    body: { staffUserId: staff, appointmentTypeId: types[type], startsAt },
  });

beforeAll(async () => {
  await data.control.savePlan({ id: "booking-plan", name: "Booking", features: ["booking"] });
  const settings = { secondFactor: { required: [] } };
  tenant = await createTenant("booking-api", "TENANT_DB_1", { planId: "booking-plan", settings });
  other = await createTenant("booking-api-b", "TENANT_DB_2", { planId: "booking-plan", settings });
  without = await createTenant("booking-api-c", "TENANT_DB_1", { settings });
  staff = await addUser(tenant, { email: "coach@booking-api.test", role: "staff", password });
  otherStaff = await addUser(tenant, { email: "other-coach@booking-api.test", role: "staff", password });
  client = await addUser(tenant, { email: "client@booking-api.test", password });
  await addUser(tenant, { email: "stranger@booking-api.test", password });
  await addUser(other, { email: "client@booking-api-b.test", password });
  await addUser(without, { email: "client@booking-api-c.test", password });
  const scope = data.scopeIn(tenant.cell, tenant.id);
  types = await bookableStaff(scope, staff, { hour, half });
  await bookableStaff(scope, otherStaff, { other: hour });
  foreignTypes = await bookableStaff(
    data.scopeIn(other.cell, other.id),
    await addUser(other, { email: "c@b.test", role: "staff" }),
    { hour },
  );
  await scope.insert(careTeamMembers, careTeamRow(client, staff, new Date()));
  const host = "booking-api.localhost";
  cookies.client = await signIn(host, "client@booking-api.test", password);
  cookies.staff = await signIn(host, "coach@booking-api.test", password);
  cookies.otherStaff = await signIn(host, "other-coach@booking-api.test", password);
  cookies.stranger = await signIn(host, "stranger@booking-api.test", password);
  cookies.foreign = await signIn("booking-api-b.localhost", "client@booking-api-b.test", password);
  cookies.withoutBooking = await signIn("booking-api-c.localhost", "client@booking-api-c.test", password);
  cookies.anonymous = "";
});

const availabilityPath = (staffUserId: string, typeId: string, days = 2) =>
  `/bookings/availability?staffUserId=${staffUserId}&appointmentTypeId=${typeId}&from=${encodeURIComponent(at(days, "09:00"))}&until=${encodeURIComponent(at(days, "12:00"))}`;

describe("listAvailability", () => {
  it("shows a client the free slots of their coach", async () => {
    const response = await call("client", availabilityPath(staff, types.hour!));
    expect(response.status).toBe(200);
    const { slots } = await response.json<{ slots: { startsAt: string }[] }>();
    expect(slots[0]?.startsAt).toBe(at(2, "09:00"));
    expect(slots.every((slot) => slot.startsAt < at(2, "12:00"))).toBe(true);
  });

  it("finds no staff member outside the client's care team, nor of another tenant", async () => {
    expect((await call("client", availabilityPath(otherStaff, types.hour!))).status).toBe(404);
    expect((await call("stranger", availabilityPath(staff, types.hour!))).status).toBe(404);
    expect((await call("client", availabilityPath(staff, foreignTypes.hour!))).status).toBe(404);
    const foreign = await call("foreign", availabilityPath(staff, types.hour!), {
      host: "booking-api-b.localhost",
    });
    expect(foreign.status).toBe(404);
  });

  it("refuses anonymous callers, long ranges, and tenants without booking", async () => {
    expect((await call("anonymous", availabilityPath(staff, types.hour!))).status).toBe(401);
    const long = `/bookings/availability?staffUserId=${staff}&appointmentTypeId=${types.hour}&from=${encodeURIComponent(at(1))}&until=${encodeURIComponent(at(90))}`;
    expect((await call("client", long)).status).toBe(400);
    const off = await call("withoutBooking", availabilityPath(staff, types.hour!), {
      host: "booking-api-c.localhost",
    });
    expect(off.status).toBe(404);
  });
});

describe("createBooking", () => {
  it("lets exactly one of 50 parallel requests for one slot through, and tells the rest the next free slots", async () => {
    const startsAt = at(5);
    const responses = await Promise.all(Array.from({ length: 50 }, () => bookIt("client", startsAt)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    const refused = responses.filter((response) => response.status === 409);
    expect(refused).toHaveLength(49);
    const body = await refused[0]!.json<{ error: { code: string }; nextFreeSlots: { startsAt: string }[] }>();
    expect(body.error.code).toBe("taken");
    expect(body.nextFreeSlots.length).toBeGreaterThan(0);
    expect(body.nextFreeSlots.every((slot) => slot.startsAt !== startsAt)).toBe(true);
  }, 60_000);

  it("lets only one of two overlapping bookings of different lengths through", async () => {
    const [long, short] = await Promise.all([
      bookIt("client", at(6, "10:00")),
      bookIt("client", at(6, "10:30"), "half"),
    ]);
    expect([long.status, short.status].sort()).toEqual([201, 409]);
  });

  it("returns the same booking to a retry with the same key", async () => {
    const key = crypto.randomUUID();
    const first = await bookIt("client", at(7), "hour", key);
    const again = await bookIt("client", at(7), "hour", key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const [a, b] = await Promise.all([
      first.json<{ booking: { id: string } }>(),
      again.json<{ booking: { id: string } }>(),
    ]);
    expect(b.booking.id).toBe(a.booking.id);
  });

  it("tells both people once, with a link and without anything of the booking in the notification", async () => {
    const response = await bookIt("client", at(8));
    const { booking } = await response.json<{
      booking: { id: string; staffName: string; clientName: string };
    }>();
    expect(booking).toMatchObject({ staffName: "coach", clientName: "client" });
    const scope = data.scopeIn(tenant.cell, tenant.id);
    const rows = await scope.list(notifications, { where: eq(notifications.link, `/booking/${booking.id}`) });
    expect(rows.map((row) => [row.recipientId, row.actorId, row.kind]).sort()).toEqual(
      [
        [client, staff, "booking"],
        [staff, client, "booking"],
      ].sort(),
    );
  });

  it("refuses a time outside the hours, another client's coach, staff, and bad input", async () => {
    const odd = await bookIt("client", at(9, "10:07"));
    expect(odd.status).toBe(422);
    expect((await odd.json<{ nextFreeSlots: unknown[] }>()).nextFreeSlots.length).toBeGreaterThan(0);
    expect((await bookIt("stranger", at(9))).status).toBe(404);
    expect((await bookIt("staff", at(9))).status).toBe(403);
    const noKey = await call("client", "/bookings", {
      method: "POST",
      body: { staffUserId: staff, appointmentTypeId: types.hour, startsAt: at(9) },
    });
    expect(noKey.status).toBe(400);
    const notATime = await call("client", "/bookings", {
      method: "POST",
      key: crypto.randomUUID(),
      body: { staffUserId: staff, appointmentTypeId: types.hour, startsAt: "tomorrow" },
    });
    expect(notATime.status).toBe(400);
  });
});

describe("cancelBooking and rescheduleBooking", () => {
  const bookingAt = async (startsAt: string) => {
    const response = await bookIt("client", startsAt);
    expect(response.status).toBe(201);
    return (await response.json<{ booking: { id: string } }>()).booking.id;
  };

  it("frees the time when a client cancels in good time", async () => {
    const id = await bookingAt(at(10));
    const cancelled = await call("client", `/bookings/${id}/cancel`, {
      method: "POST",
      body: { reason: "ziek" },
    });
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json<{ booking: { status: string } }>()).booking.status).toBe("cancelled");
    expect((await bookIt("client", at(10))).status).toBe(201);
    const again = await call("client", `/bookings/${id}/cancel`, { method: "POST", body: {} });
    expect(again.status).toBe(409);
  });

  it("keeps a client from cancelling within the notice window, and lets the staff member do it, audited", async () => {
    const id = await bookingAt(soonAt(3));
    const late = await call("client", `/bookings/${id}/cancel`, { method: "POST", body: {} });
    expect(late.status).toBe(409);
    expect((await late.json<{ error: { code: string } }>()).error.code).toBe("too_late");
    const moved = await call("client", `/bookings/${id}/reschedule`, {
      method: "POST",
      key: crypto.randomUUID(),
      body: { startsAt: at(20) },
    });
    expect(moved.status).toBe(409);
    const byStaff = await call("staff", `/bookings/${id}/cancel`, {
      method: "POST",
      body: { reason: "overmacht" },
    });
    expect(byStaff.status).toBe(200);
    const [line] = await data.scopeIn(tenant.cell, tenant.id).list(auditEvents, {
      where: and(eq(auditEvents.action, "booking.cancelled"), eq(auditEvents.targetId, id)),
    });
    expect(line).toMatchObject({ actorUserId: staff, clientUserId: client });
    expect(line?.detail).toMatchObject({ noticeOverridden: true });
  });

  it("gives another client, another staff member and another tenant nothing of the booking", async () => {
    const id = await bookingAt(at(11));
    for (const as of ["stranger", "otherStaff"]) {
      expect((await call(as, `/bookings/${id}/cancel`, { method: "POST", body: {} })).status).toBe(404);
      const move = await call(as, `/bookings/${id}/reschedule`, {
        method: "POST",
        key: crypto.randomUUID(),
        body: { startsAt: at(21) },
      });
      expect(move.status).toBe(404);
    }
    const foreign = await call("foreign", `/bookings/${id}/cancel`, {
      method: "POST",
      body: {},
      host: "booking-api-b.localhost",
    });
    expect(foreign.status).toBe(404);
    const mine = await call("stranger", "/bookings/mine");
    expect((await mine.json<{ upcoming: unknown[] }>()).upcoming).toEqual([]);
  });

  it("moves a booking: the new time is taken, the old one is free again", async () => {
    const id = await bookingAt(at(12));
    const moved = await call("client", `/bookings/${id}/reschedule`, {
      method: "POST",
      key: crypto.randomUUID(),
      body: { startsAt: at(12, "14:00") },
    });
    expect(moved.status).toBe(200);
    const { booking } = await moved.json<{ booking: { id: string; startsAt: string; status: string } }>();
    expect(booking).toMatchObject({ startsAt: at(12, "14:00"), status: "confirmed" });
    expect(booking.id).not.toBe(id);
    const response = await call("client", availabilityPath(staff, types.hour!, 12));
    const { slots } = await response.json<{ slots: { startsAt: string }[] }>();
    expect(slots.map((slot) => slot.startsAt)).toContain(at(12));
  });
});

describe("listMyBookings", () => {
  it("lists a client's own appointments and a staff member's agenda", async () => {
    const response = await bookIt("client", at(13));
    const { booking } = await response.json<{ booking: { id: string } }>();
    const mine = await (
      await call("client", "/bookings/mine")
    ).json<{ upcoming: { id: string; clientUserId: string }[] }>();
    expect(mine.upcoming.map((each) => each.id)).toContain(booking.id);
    expect(mine.upcoming.every((each) => each.clientUserId === client)).toBe(true);
    const agenda = await call(
      "staff",
      `/bookings/mine?from=${encodeURIComponent(at(13, "00:00"))}&until=${encodeURIComponent(at(14, "00:00"))}`,
    );
    const { upcoming } = await agenda.json<{ upcoming: { id: string }[] }>();
    expect(upcoming.map((each) => each.id)).toEqual([booking.id]);
    const other = await (await call("otherStaff", "/bookings/mine")).json<{ upcoming: unknown[] }>();
    expect(other.upcoming).toEqual([]);
  });

  it("is in the OpenAPI document with the other booking operations", async () => {
    const document = await (
      await visit("booking-api.localhost", "/api/v1/openapi.json")
    ).json<{
      paths: Record<string, Record<string, { operationId: string }>>;
    }>();
    const operations = Object.values(document.paths).flatMap((path) =>
      Object.values(path).map((op) => op.operationId),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        "listAvailability",
        "createBooking",
        "cancelBooking",
        "rescheduleBooking",
        "listMyBookings",
      ]),
    );
  });
});
