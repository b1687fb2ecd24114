import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { refuse } from "./errors.ts";
import { completeEveryOperation } from "./common-responses.ts";
import { apiFailure } from "./exceptions.ts";
import { registerAuthRoutes } from "./auth.ts";
import { registerHealthRoutes } from "./health.ts";
import { registerTenantRoutes } from "./tenant.ts";
import { registerUserRoutes } from "./users.ts";
import { registerSecuritySchemes } from "./access.ts";
import { registerFileRoutes } from "./files.ts";
import { capabilityApis } from "../../capabilities.ts";

/**
 * `/api/v1`: JSON only. Every operation is declared with its schemas and a stable operationId, and
 * the OpenAPI 3.1 document is generated from those declarations, so it cannot drift.
 */
export function buildApi() {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map(({ path, message }) => ({
        at: path.map(String).join("."),
        message,
      }));
      const message = issues.map(({ at, message }) => (at ? `${at}: ${message}` : message)).join("; ");
      return refuse(c, "invalid", message, { field: issues[0]?.at || undefined });
    },
  });
  api.onError(apiFailure);
  completeEveryOperation(api);
  api.use("*", rateLimit("api", { capacity: 60, refillPerSecond: 5 }));
  registerHealthRoutes(api);
  registerTenantRoutes(api);
  registerAuthRoutes(api);
  registerUserRoutes(api);
  registerFileRoutes(api);
  for (const register of capabilityApis) register(api);
  registerSecuritySchemes(api);
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Portaal API", version: "1.0.0", description: "The tenant's client portal, as JSON." },
    servers: [{ url: "/api/v1" }],
  });
  return api;
}
