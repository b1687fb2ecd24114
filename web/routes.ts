import { type RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";
import { webParts } from "./capabilities.ts";

/**
 * The kernel's pages and each registered capability's: every folder keeps its own `routes/` with
 * flat-route file names, and its tests and styles beside them.
 */
const ignoredRouteFiles = ["**/*.test.ts", "**/*.test.tsx", "**/*.css"];

export default (
  await Promise.all(
    webParts.map((part) => flatRoutes({ rootDirectory: `${part.routes}/routes`, ignoredRouteFiles })),
  )
).flat() satisfies RouteConfig;
