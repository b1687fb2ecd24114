import { inArray } from "drizzle-orm";
import { newId } from "../../core/kernel/ids.ts";
import { users } from "../kernel/schema.ts";
import type { TenantScope } from "../kernel/scope.ts";
import { demoBookingProfile, demoWeeklyHours, type DemoTenant } from "../kernel/seed/demo-tenants.ts";
import { D1BookingSetupStore } from "./setup-store.ts";

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
  for (const type of demo.appointmentTypes) {
    if (existing.some((known) => known.name === type.name && known.staffUserId === null)) continue;
    await store.createAppointmentType(newId("appointmentType"), { ...type, staffUserId: null }, now);
  }
}
