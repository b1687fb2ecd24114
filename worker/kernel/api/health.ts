import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.ts";

const getHealth = createRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  summary: "Whether the API answers and can reach the control plane",
  responses: {
    200: {
      description: "Healthy",
      content: { "application/json": { schema: z.object({ status: z.literal("ok") }).openapi("Health") } },
    },
  },
});

export function registerHealthRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(getHealth, async (c) => {
    await c.get("services").control.plan("health-check");
    return c.json({ status: "ok" as const }, 200);
  });
}
