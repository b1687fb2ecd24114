import { seedAssignments } from "./assignments/demo.ts";
import { seedBooking } from "./booking/demo.ts";
import { seedDocuments } from "./documents/demo.ts";
import type { TenantSettings } from "../core/kernel/tenants/settings.ts";
import { goalsDemoSettings, seedGoals } from "./goals/demo.ts";
import type { TenantScope } from "./kernel/scope.ts";
import type { DemoTenant } from "./kernel/seed/demo-tenants.ts";
import { seedMessages } from "./messaging/demo.ts";

/** Brings one demo tenant's data of a capability to the demo state; safe to run again. */
export type DemoSeeder = (
  demo: DemoTenant,
  scope: TenantScope,
  uploads: Pick<R2Bucket, "put">,
) => Promise<void>;

/** Each registered capability's demo data, one line each, seeded in this order. */
export const demoSeeders: readonly DemoSeeder[] = [
  seedBooking,
  (demo, scope) => seedAssignments(demo.slug, scope),
  (demo, scope) => seedMessages(demo.slug, scope),
  (demo, scope, uploads) => seedDocuments(demo.slug, scope, uploads),
  (demo, scope) => seedGoals(demo.slug, scope),
];

/** Each registered capability's part of a demo tenant's settings (by the tenant's slug), one line each. */
export const demoSettings: readonly ((slug: string) => Partial<TenantSettings>)[] = [goalsDemoSettings];
