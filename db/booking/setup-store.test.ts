import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { freeSlots } from "../../core/booking/availability.ts";
import type { BookingProfile } from "../../core/booking/setup.ts";
import { D1BookingSetupStore } from "./setup-store.ts";
import { D1BookingStore } from "./store.ts";
import { appointmentTypes } from "./schema.ts";
import { TenantScope } from "../kernel/scope.ts";

const alphaScope = new TenantScope(env.TENANT_DB_1, "ten_setup_alpha");
const alpha = new D1BookingSetupStore(alphaScope);
const beta = new D1BookingSetupStore(new TenantScope(env.TENANT_DB_1, "ten_setup_beta"));
const profile: BookingProfile = {
  timeZone: "Europe/Amsterdam",
  minimumNoticeMinutes: 0,
  horizonDays: 30,
  maxPerDay: null,
  slotStepMinutes: 30,
};
const now = new Date("2026-06-01T06:00:00.000Z");

/** Whether the booking side offers this type to a staff member with hours ("usr_week_a"). */
const offered = async (appointmentTypeId: string) =>
  (await new D1BookingStore(alphaScope).calendarState({
    staffUserId: "usr_week_a",
    appointmentTypeId,
    now,
    from: now,
    until: now,
  })) !== null;

describe("a staff member's week", () => {
  it("is replaced as a whole, and the booking side reads it as free time", async () => {
    await alpha.saveWeek("usr_week_a", profile, [{ weekday: 2, start: "08:00", end: "10:00" }], now);
    await alpha.saveWeek(
      "usr_week_a",
      { ...profile, timeZone: "America/New_York", maxPerDay: 4 },
      [
        { weekday: 1, start: "09:00", end: "10:00" },
        { weekday: 1, start: "13:00", end: "14:00" },
      ],
      now,
    );
    const saved = await alpha.availabilityOf("usr_week_a");
    expect(saved.profile).toEqual({ ...profile, timeZone: "America/New_York", maxPerDay: 4 });
    expect(saved.weekly).toEqual([
      { weekday: 1, start: "09:00", end: "10:00" },
      { weekday: 1, start: "13:00", end: "14:00" },
    ]);

    await alphaScope.insert(appointmentTypes, {
      id: "apt_week_a",
      staffUserId: "usr_week_a",
      name: "Half uur",
      durationMinutes: 30,
      location: "online",
      createdAt: now.toISOString(),
    });
    const read = (await new D1BookingStore(alphaScope).calendarState({
      staffUserId: "usr_week_a",
      appointmentTypeId: "apt_week_a",
      now,
      from: now,
      until: now,
    }))!;
    const slots = freeSlots({
      ...read,
      // Monday 1 June 2026, New York time (UTC-4).
      from: new Date("2026-06-01T00:00:00.000Z"),
      until: new Date("2026-06-02T00:00:00.000Z"),
      now,
    });
    expect(slots.map((slot) => slot.startsAt)).toEqual([
      "2026-06-01T13:00:00.000Z",
      "2026-06-01T13:30:00.000Z",
      "2026-06-01T17:00:00.000Z",
      "2026-06-01T17:30:00.000Z",
    ]);
  });

  it("writes nothing when one part is refused: the old profile and windows stay", async () => {
    await alpha.saveWeek("usr_week_b", profile, [{ weekday: 3, start: "09:00", end: "17:00" }], now);
    // The table refuses a window that ends before it starts; the batch takes the profile down with it.
    await expect(
      alpha.saveWeek(
        "usr_week_b",
        { ...profile, horizonDays: 90 },
        [
          { weekday: 4, start: "09:00", end: "12:00" },
          { weekday: 4, start: "15:00", end: "14:00" },
        ],
        now,
      ),
    ).rejects.toThrow();
    const kept = await alpha.availabilityOf("usr_week_b");
    expect(kept.profile?.horizonDays).toBe(30);
    expect(kept.weekly).toEqual([{ weekday: 3, start: "09:00", end: "17:00" }]);
  });

  it("takes a full week of many windows in one batch, beyond the parameters of one statement", async () => {
    const weekly = ([1, 2, 3, 4, 5, 6, 7] as const).flatMap((weekday) =>
      Array.from({ length: 12 }, (_, hour) => ({
        weekday,
        start: `${String(hour + 8).padStart(2, "0")}:00`,
        end: `${String(hour + 8).padStart(2, "0")}:30`,
      })),
    );
    await alpha.saveWeek("usr_week_c", profile, weekly, now);
    expect((await alpha.availabilityOf("usr_week_c")).weekly).toHaveLength(84);
    await alpha.saveWeek("usr_week_c", profile, [], now);
    expect((await alpha.availabilityOf("usr_week_c")).weekly).toEqual([]);
  });

  it("is the tenant's own: the same staff id in another tenant has nothing", async () => {
    await alpha.saveWeek("usr_week_d", profile, [{ weekday: 5, start: "09:00", end: "12:00" }], now);
    expect(await beta.availabilityOf("usr_week_d")).toEqual({ profile: null, weekly: [], exceptions: [] });
  });
});

describe("exceptions", () => {
  it("are added and removed only by the staff member they belong to, within the tenant", async () => {
    const dayOff = await alpha.addException("usr_exc_a", { kind: "dayOff", date: "2026-07-01" }, now);
    const extra = await alpha.addException(
      "usr_exc_a",
      { kind: "extraHours", date: "2026-06-20", start: "18:00", end: "24:00" },
      now,
    );
    expect((await alpha.availabilityOf("usr_exc_a")).exceptions).toEqual([
      { id: extra, kind: "extraHours", date: "2026-06-20", start: "18:00", end: "24:00" },
      { id: dayOff, kind: "dayOff", date: "2026-07-01" },
    ]);
    expect(await alpha.removeException("usr_exc_other", dayOff)).toBeNull();
    expect(await beta.removeException("usr_exc_a", dayOff)).toBeNull();
    expect(await alpha.removeException("usr_exc_a", dayOff)).toEqual({
      id: dayOff,
      kind: "dayOff",
      date: "2026-07-01",
    });
    expect(await alpha.removeException("usr_exc_a", dayOff)).toBeNull();
    expect((await alpha.availabilityOf("usr_exc_a")).exceptions.map((exception) => exception.id)).toEqual([
      extra,
    ]);
  });
});

describe("appointment types", () => {
  const type = {
    name: "Kennismaking",
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    location: "online" as const,
    staffUserId: null,
  };

  it("are created, changed and switched off and on, never deleted; another tenant cannot reach them", async () => {
    await alpha.createAppointmentType("apt_setup_a", type, now);
    expect(await alpha.updateAppointmentType("apt_setup_a", { ...type, durationMinutes: 45 })).toBe(true);
    expect(await alpha.setAppointmentTypeActive("apt_setup_a", false)).toBe(true);
    expect(await alpha.findAppointmentType("apt_setup_a")).toMatchObject({
      durationMinutes: 45,
      active: false,
      staffUserId: null,
    });
    // The booking side offers only active types.
    expect(await offered("apt_setup_a")).toBe(false);
    expect(await alpha.setAppointmentTypeActive("apt_setup_a", true)).toBe(true);
    expect(await offered("apt_setup_a")).toBe(true);

    expect(await beta.findAppointmentType("apt_setup_a")).toBeNull();
    expect(await beta.updateAppointmentType("apt_setup_a", { ...type, name: "Overgenomen" })).toBe(false);
    expect(await beta.setAppointmentTypeActive("apt_setup_a", false)).toBe(false);
    expect(await beta.appointmentTypes()).toEqual([]);
    expect((await alpha.findAppointmentType("apt_setup_a"))?.name).toBe("Kennismaking");
  });
});
