import { type RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

/**
 * The kernel's pages and each capability's: every folder keeps its own `routes/` with flat-route
 * file names, and its tests and styles beside them.
 */
const routeFolders = [
  "kernel",
  "dossier",
  "documents",
  "assignments",
  "goals",
  "booking",
  "messaging",
  "organisations",
  "operator",
];

const ignoredRouteFiles = ["**/*.test.ts", "**/*.test.tsx", "**/*.css"];

export default (
  await Promise.all(
    routeFolders.map((folder) => flatRoutes({ rootDirectory: `${folder}/routes`, ignoredRouteFiles })),
  )
).flat() satisfies RouteConfig;
