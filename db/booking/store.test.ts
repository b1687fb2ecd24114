import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookingAt } from "../../worker/booking/testing.ts";
import { D1BookingStore } from "./store.ts";
import { bookings } from "./schema.ts";
import { TenantScope } from "../kernel/scope.ts";

const alphaScope = new TenantScope(env.TENANT_DB_1, "ten_alpha");
const alpha = new D1BookingStore(alphaScope);
const beta = new D1BookingStore(new TenantScope(env.TENANT_DB_1, "ten_beta"));
const hour = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15 };
const quarter = { durationMinutes: 15, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

describe("the database's guard against double bookings", () => {
  it("refuses an overlapping booking of another length written straight to the store", async () => {
    const first = bookingAt("usr_staff_a", "2026-06-01T08:00:00.000Z", hour);
    expect(await alpha.insertUnlessOverlapping(first)).toBe(true);
    // 09:10 falls inside the first hour; 09:05-09:20 inside its buffer.
    expect(
      await alpha.insertUnlessOverlapping(bookingAt("usr_staff_a", "2026-06-01T08:50:00.000Z", quarter)),
    ).toBe(false);
    expect(
      await alpha.insertUnlessOverlapping(bookingAt("usr_staff_a", "2026-06-01T09:05:00.000Z", quarter)),
    ).toBe(false);
    // Right after the buffer, and another staff member at the same time, are fine.
    expect(
      await alpha.insertUnlessOverlapping(bookingAt("usr_staff_a", "2026-06-01T09:15:00.000Z", quarter)),
    ).toBe(true);
    expect(
      await alpha.insertUnlessOverlapping(bookingAt("usr_staff_b", "2026-06-01T08:00:00.000Z", hour)),
    ).toBe(true);
    const written = await alphaScope.list(bookings, { where: eq(bookings.staffUserId, "usr_staff_a") });
    expect(written).toHaveLength(2);
  });

  it("lets cancelled and expired bookings free their time", async () => {
    const held = bookingAt("usr_staff_c", "2026-06-01T08:00:00.000Z", hour, {
      status: "held",
      holdExpiresAt: "2026-05-01T00:00:00.000Z",
    });
    expect(await alpha.insertUnlessOverlapping(held)).toBe(true);
    expect(
      await alpha.insertUnlessOverlapping(bookingAt("usr_staff_c", "2026-06-01T08:00:00.000Z", hour)),
    ).toBe(false);
    await alpha.expireHolds("usr_staff_c", new Date("2026-05-01T00:00:00.000Z"));
    expect((await alpha.findById(held.id))?.status).toBe("expired");
    const confirmed = bookingAt("usr_staff_c", "2026-06-01T08:00:00.000Z", hour);
    expect(await alpha.insertUnlessOverlapping(confirmed)).toBe(true);
    expect(await alpha.transition(confirmed.id, "confirmed", { status: "cancelled" })).toBe(true);
    expect(await alpha.transition(confirmed.id, "confirmed", { status: "cancelled" })).toBe(false);
    expect(
      await alpha.insertUnlessOverlapping(bookingAt("usr_staff_c", "2026-06-01T08:30:00.000Z", hour)),
    ).toBe(true);
  });

  it("writes nothing for a reused idempotency key and keeps tenants apart", async () => {
    const first = bookingAt("usr_staff_d", "2026-06-01T08:00:00.000Z", hour);
    expect(await alpha.insertUnlessOverlapping(first)).toBe(true);
    const retry = bookingAt("usr_staff_d", "2026-06-02T08:00:00.000Z", hour, {
      idempotencyKey: first.idempotencyKey,
    });
    expect(await alpha.insertUnlessOverlapping(retry)).toBe(false);
    expect((await alpha.findByKey(first.idempotencyKey))?.id).toBe(first.id);
    // The same staff id and time in another tenant is another calendar, and sees nothing of this one.
    expect(
      await beta.insertUnlessOverlapping(bookingAt("usr_staff_d", "2026-06-01T08:00:00.000Z", hour)),
    ).toBe(true);
    expect(await beta.findById(first.id)).toBeNull();
    expect(await beta.findByKey(first.idempotencyKey)).toBeNull();
  });
});

describe("the guard under concurrent writers", () => {
  it("lets exactly one of many simultaneous overlapping inserts through, without any calendar in front", async () => {
    const lengths = [hour, quarter, { durationMinutes: 90, bufferBeforeMinutes: 5, bufferAfterMinutes: 0 }];
    const attempts = Array.from({ length: 30 }, (_, index) =>
      alpha.insertUnlessOverlapping(
        bookingAt("usr_staff_e", `2026-06-01T08:${String(index % 4) + "0"}:00.000Z`, lengths[index % 3]!),
      ),
    );
    expect((await Promise.all(attempts)).filter(Boolean)).toHaveLength(1);
  });

  it("cancels a replaced booking only together with its replacement", async () => {
    const old = bookingAt("usr_staff_f", "2026-06-01T08:00:00.000Z", hour);
    const other = bookingAt("usr_staff_f", "2026-06-01T12:00:00.000Z", hour);
    expect(await alpha.insertUnlessOverlapping(old)).toBe(true);
    expect(await alpha.insertUnlessOverlapping(other)).toBe(true);
    const replaced = {
      id: old.id,
      status: "confirmed" as const,
      cancelledAt: null,
      cancelledByUserId: null,
      reason: null,
    };
    // Into the other booking's time: nothing is written and the old booking stays.
    expect(
      await alpha.insertUnlessOverlapping(
        bookingAt("usr_staff_f", "2026-06-01T12:30:00.000Z", hour),
        replaced,
      ),
    ).toBe(false);
    expect((await alpha.findById(old.id))?.status).toBe("confirmed");
    // Overlapping only itself: the move lands and the old booking is cancelled with it.
    const moved = bookingAt("usr_staff_f", "2026-06-01T08:30:00.000Z", hour);
    expect(await alpha.insertUnlessOverlapping(moved, replaced)).toBe(true);
    expect((await alpha.findById(old.id))?.status).toBe("cancelled");
    expect((await alpha.findById(moved.id))?.status).toBe("confirmed");
  });
});
