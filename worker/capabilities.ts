import type { OpenAPIHono } from "@hono/zod-openapi";
import type { FilesDeps } from "../core/kernel/files/uploads.ts";
import type { MailAttachments } from "../core/kernel/notifications/ports.ts";
import type { Tenant } from "../core/kernel/tenants/tenant.ts";
import type { PlatformData } from "../db/kernel/platform.ts";
import type { TenantScope } from "../db/kernel/scope.ts";
import type { Notifications } from "../web/kernel/services.ts";
import { registerAssignmentRoutes } from "./assignments/api.ts";
import { assignmentServices } from "./assignments/services.ts";
import { registerBookingRoutes } from "./booking/api.ts";
import { calendarAttachments } from "./booking/calendar-attachments.ts";
import { bookingServices } from "./booking/services.ts";
import type { AppEnv } from "./context.ts";
import { registerDocumentRoutes } from "./documents/api.ts";
import { documentServices } from "./documents/services.ts";
import type { Env } from "./env.ts";
import { documentFiles } from "./documents/held-files.ts";
import { registerGoalRoutes } from "./goals/api.ts";
import { goalServices } from "./goals/services.ts";
import { registerMessageRoutes } from "./messaging/api.ts";
import { messagingServices } from "./messaging/services.ts";

/** Each registered capability's API operations (`worker/<capability>/api.ts`), one line each. */
export const capabilityApis: readonly ((api: OpenAPIHono<AppEnv>) => void)[] = [
  registerBookingRoutes,
  registerDocumentRoutes,
  registerAssignmentRoutes,
  registerMessageRoutes,
  registerGoalRoutes,
];

/** The files a capability puts in the mails of its notification kinds (booking: calendar files). */
export type MailAttachmentsOf = (
  scope: TenantScope,
  tenant: Pick<Tenant, "name" | "settings">,
  origin: string,
  senderAddress: string,
) => MailAttachments;

export const capabilityMailAttachments: readonly MailAttachmentsOf[] = [calendarAttachments];

/** What the kernel gives a capability to build its per-request services from. */
export type KernelOffer = {
  env: Env;
  data: PlatformData;
  notificationsFor(tenant: Tenant): Notifications;
  filesFor(tenant: Tenant): FilesDeps;
  now(): Date;
};

/**
 * A capability's per-request services (`worker/<capability>/services.ts`), typed as its web folder
 * declares them for pages (`web/<capability>/services.ts`), so what is built and what pages see
 * cannot drift.
 */
export type ServicesOf<S extends object> = (kernel: KernelOffer) => S;

/** Each registered capability's services, merged into every request's by `buildServices`. */
export const capabilityServices = [
  bookingServices,
  documentServices,
  assignmentServices,
  messagingServices,
  goalServices,
] as const;

/**
 * Files a capability still holds after the kernel would let them go (documents: deleted documents
 * until their retention ends): which tenants of a cell have some to remove now, and removing them.
 */
export type HeldFiles = {
  tenantsWithFilesToRemove: (database: D1Database, now: Date) => Promise<string[]>;
  remove: (scope: TenantScope, files: FilesDeps) => Promise<number>;
};

export const capabilityHeldFiles: readonly HeldFiles[] = [documentFiles];
