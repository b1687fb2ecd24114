import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../db/kernel/schema.ts";
import { bookings } from "../../db/booking/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { runScheduledWork } from "../scheduled.ts";
import { bookableStaff, bookingAt } from "./testing.ts";
import { addUser, createTenant } from "../kernel/testing/fixtures.ts";

const data = platformData(env);
const hour = 60 * 60_000;
const length = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

/** A tenant with a staff member, a client, and confirmed bookings this many hours from now. */
async function tenantWithBookings(slug: string, reminderHours: number, hoursAhead: number[]) {
  const tenant = await createTenant(slug, "TENANT_DB_2", {
    planId: "booking-plan",
    settings: { booking: { cancelNoticeHours: 24, reminderHours, offerHoldMinutes: 60 } },
  });
  const scope = data.scopeIn(tenant.cell, tenant.id);
  const staff = await addUser(tenant, { email: `coach@${slug}.test`, role: "staff" });
  const client = await addUser(tenant, { email: `client@${slug}.test` });
  const { type } = (await bookableStaff(scope, staff, { type: length })) as { type: string };
  const rows = hoursAhead.map((ahead) =>
    bookingAt(staff, new Date(Math.ceil((Date.now() + ahead * hour) / hour) * hour).toISOString(), length, {
      clientUserId: client,
      createdByUserId: client,
      appointmentTypeId: type,
    }),
  );
  await scope.insert(bookings, rows);
  return { tenant, scope, staff, client, rows };
}

const remindersOf = (scope: ReturnType<typeof data.scopeIn>, client: string) =>
  scope.list(notifications, {
    where: and(eq(notifications.recipientId, client), eq(notifications.kind, "booking-reminder")),
  });

let reminding: Awaited<ReturnType<typeof tenantWithBookings>>;
let silent: Awaited<ReturnType<typeof tenantWithBookings>>;

beforeAll(async () => {
  await data.control.savePlan({ id: "booking-plan", name: "Booking", features: ["booking"] });
  reminding = await tenantWithBookings("reminding", 24, [20, 30, 10]);
  silent = await tenantWithBookings("silent", 0, [5]);
  // The third booking was cancelled: no reminder for it.
  await reminding.scope.update(bookings, reminding.rows[2]!.id, { status: "cancelled" });
});

describe("appointment reminders", () => {
  it("reminds the client once, the tenant's reminder time before, of confirmed appointments only", async () => {
    await runScheduledWork(env, new Date());
    const sent = await remindersOf(reminding.scope, reminding.client);
    expect(sent.map((row) => row.link)).toEqual([`/booking/${reminding.rows[0]!.id}`]);
    expect(sent[0]?.actorId).toBe(reminding.staff);

    await runScheduledWork(env, new Date());
    expect(await remindersOf(reminding.scope, reminding.client)).toHaveLength(1);

    // Eleven hours on, the booking 30 hours ahead is within a day.
    await runScheduledWork(env, new Date(Date.now() + 11 * hour));
    const later = await remindersOf(reminding.scope, reminding.client);
    expect(later.map((row) => row.link).sort()).toEqual(
      [`/booking/${reminding.rows[0]!.id}`, `/booking/${reminding.rows[1]!.id}`].sort(),
    );
  });

  it("sends none in a tenant that turned reminders off", async () => {
    await runScheduledWork(env, new Date());
    expect(await remindersOf(silent.scope, silent.client)).toEqual([]);
  });
});
