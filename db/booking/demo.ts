import { inArray } from "drizzle-orm";
import { newId } from "../../core/kernel/ids.ts";
import { users } from "../kernel/schema.ts";
import type { TenantScope } from "../kernel/scope.ts";
import type { DemoTenant } from "../kernel/seed/demo-tenants.ts";
import type { WeeklyWindow } from "../../core/booking/availability.ts";
import type { BookingProfile, NewAppointmentType } from "../../core/booking/setup.ts";
import { D1BookingSetupStore } from "./setup-store.ts";

/**
 * Every demo staff member takes bookings on weekdays, mornings and afternoons, Amsterdam time,
 * from twelve hours ahead up to two months, so the demo always shows bookable time.
 */
export const demoBookingProfile: BookingProfile = {
  timeZone: "Europe/Amsterdam",
  minimumNoticeMinutes: 12 * 60,
  horizonDays: 60,
  maxPerDay: null,
  slotStepMinutes: 15,
};

export const demoWeeklyHours: WeeklyWindow[] = ([1, 2, 3, 4, 5] as const).flatMap((weekday) => [
  { weekday, start: "09:00", end: "12:00" },
  { weekday, start: "13:00", end: "17:00" },
]);

const minutes = (durationMinutes: number, bufferAfterMinutes = 0, bufferBeforeMinutes = 0) => ({
  durationMinutes,
  bufferBeforeMinutes,
  bufferAfterMinutes,
});

/** What each demo tenant's clients can book, with any of its staff, by tenant. */
export const demoAppointmentTypes: Record<string, Omit<NewAppointmentType, "staffUserId">[]> = {
  coaching: [
    { name: "Kennismakingsgesprek", ...minutes(30), location: "online" },
    { name: "Coachgesprek", ...minutes(60, 15), location: "onSite" },
  ],
  ggz: [
    { name: "Kennismakingsgesprek", ...minutes(30), location: "online" },
    { name: "Behandelgesprek", ...minutes(45, 15), location: "onSite" },
  ],
  thuiszorg: [
    { name: "Kennismakingsgesprek", ...minutes(30), location: "phone" },
    // The carer travels to the client's home: time kept free before and after.
    { name: "Evaluatiegesprek thuis", ...minutes(60, 15, 15), location: "onSite" },
  ],
  zorgpartner: [
    { name: "Kennismakingsgesprek", ...minutes(30), location: "online" },
    { name: "Overleg met de zorgmanager", ...minutes(60, 15), location: "onSite" },
  ],
  support: [
    { name: "Kennismakingsgesprek", ...minutes(30), location: "online" },
    { name: "Supportsessie op afstand", ...minutes(60, 15), location: "online" },
  ],
};

/**
 * Weekday hours for every demo staff member who has none yet, and the tenant's appointment
 * types by name: what a staff member or admin changed since stays as they left it.
 */
export async function seedBooking(demo: DemoTenant, scope: TenantScope): Promise<void> {
  const store = new D1BookingSetupStore(scope);
  const now = new Date();
  const staff = await scope.list(users, {
    where: inArray(
      users.email,
      demo.users.filter((user) => user.role === "staff").map((user) => user.email),
    ),
  });
  for (const person of staff) {
    if ((await store.availabilityOf(person.id)).profile) continue;
    await store.saveWeek(person.id, demoBookingProfile, demoWeeklyHours, now);
  }
  const existing = await store.appointmentTypes();
  for (const type of demoAppointmentTypes[demo.slug] ?? []) {
    if (existing.some((known) => known.name === type.name && known.staffUserId === null)) continue;
    await store.createAppointmentType(newId("appointmentType"), { ...type, staffUserId: null }, now);
  }
}
