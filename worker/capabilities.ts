import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MailAttachments } from "../core/kernel/notifications/ports.ts";
import type { Tenant } from "../core/kernel/tenants/tenant.ts";
import type { TenantScope } from "../db/kernel/scope.ts";
import { registerAssignmentRoutes } from "./assignments/api.ts";
import { registerBookingRoutes } from "./booking/api.ts";
import { calendarAttachments } from "./booking/calendar-attachments.ts";
import type { AppEnv } from "./context.ts";
import { registerDocumentRoutes } from "./documents/api.ts";
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
