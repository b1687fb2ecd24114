import { spawn } from "node:child_process";
import { demoOperator, demoPassword, demoTenants } from "../db/kernel/seed/demo-tenants.ts";
import { operatorTenantSlug } from "../core/kernel/tenants/hosts.ts";
import { seedDemo } from "../db/kernel/seed/seed-demo.ts";
import { withLocalPlatform } from "./local-platform.ts";
import { applyMigrations, run, stateDir } from "./local-state.ts";

/**
 * `npm start`: build, migrate every database, seed the demo tenants, then serve the whole Worker
 * (pages, API, Durable Objects, R2) with wrangler on PORT (default 8787).
 */
const port = Number(process.env.PORT ?? 8787);
const skipBuild = process.argv.includes("--no-build");

if (!skipBuild) await run("remix", ["vite:build"]);
await applyMigrations();
await withLocalPlatform(seedDemo);

const server = spawn(
  "wrangler",
  [
    "dev",
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--persist-to",
    stateDir,
    "--show-interactive-dev-session=false",
    // Links in mail point at the port this server really listens on.
    "--var",
    `PLATFORM_ORIGIN:http://localhost:${port}`,
  ],
  // wrangler bundles React's production build only when NODE_ENV says so.
  {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" },
  },
);
server.stdout.pipe(process.stdout);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));

async function waitUntilReady(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Portaal did not answer on port ${port}`);
}

await waitUntilReady();
const firstOf = (tenant: (typeof demoTenants)[number], role: string) =>
  tenant.users.find((user) => user.role === role && !user.mustChangePassword)?.email ?? "";
const lines = demoTenants.map(
  (tenant) =>
    `  ${tenant.name.padEnd(22)} ${`http://${tenant.slug}.localhost:${port}/`.padEnd(34)} ` +
    `${firstOf(tenant, "client")}, ${firstOf(tenant, "staff")}`,
);
console.log(
  [
    "",
    `Portaal runs on http://localhost:${port}/ (the public page). Demo tenants and accounts:`,
    ...lines,
    `  ${"Platform operator".padEnd(22)} ${`http://${operatorTenantSlug}.localhost:${port}/`.padEnd(34)} ${demoOperator.email}`,
    "",
    `Every demo account signs in with the password ${demoPassword}`,
    `(henk.vermeulen@example.nl at thuiszorg has a temporary one and must choose a new one).`,
    "",
    `Mail and SMS stay local: read them at http://<tenant>.localhost:${port}/dev/outbox`,
    `API: http://coaching.localhost:${port}/api/v1/openapi.json   Stop with Ctrl+C.`,
    "",
  ].join("\n"),
);
