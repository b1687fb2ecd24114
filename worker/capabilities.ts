import type { OpenAPIHono } from "@hono/zod-openapi";
import { registerAssignmentRoutes } from "./assignments/api.ts";
import { registerBookingRoutes } from "./booking/api.ts";
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
