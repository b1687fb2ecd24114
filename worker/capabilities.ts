import type { OpenAPIHono } from "@hono/zod-openapi";
import type { FilesDeps } from "../core/kernel/files/uploads.ts";
import type { MailAttachments } from "../core/kernel/notifications/ports.ts";
import type { Tenant } from "../core/kernel/tenants/tenant.ts";
import type { TenantScope } from "../db/kernel/scope.ts";
import { registerAssignmentRoutes } from "./assignments/api.ts";
import { registerBookingRoutes } from "./booking/api.ts";
import { calendarAttachments } from "./booking/calendar-attachments.ts";
import type { AppEnv } from "./context.ts";
import { registerDocumentRoutes } from "./documents/api.ts";
import { documentFiles } from "./documents/held-files.ts";
import { registerGoalRoutes } from "./goals/api.ts";
import { registerMessageRoutes } from "./messaging/api.ts";

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

/**
 * Files a capability still holds after the kernel would let them go (documents: deleted documents
 * until their retention ends): which tenants of a cell have some to remove now, and removing them.
 */
export type HeldFiles = {
  tenantsWithFilesToRemove: (database: D1Database, now: Date) => Promise<string[]>;
  remove: (scope: TenantScope, files: FilesDeps) => Promise<number>;
};

export const capabilityHeldFiles: readonly HeldFiles[] = [documentFiles];
