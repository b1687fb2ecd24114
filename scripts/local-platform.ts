import { getPlatformProxy } from "wrangler";
import { cellDatabase, cellsOf } from "../db/cells.ts";
import { TenantScope } from "../db/cell/scope.ts";
import { D1SettingsStore } from "../db/cell/settings-store.ts";
import { D1ControlPlane } from "../db/control/control-plane.ts";
import type { SeedContext } from "../db/seed/seed-demo.ts";
import type { Env } from "../worker/env.ts";
import { stateDir } from "./local-state.ts";

/**
 * The local bindings of `wrangler dev` (same persisted D1 and R2 state under .wrangler/), for the
 * operator commands and the seed that run in Node.
 */
export async function withLocalPlatform<T>(work: (context: SeedContext) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy<Env>({
    configPath: "wrangler.toml",
    persist: { path: `${stateDir}/v3` },
  });
  try {
    const env = proxy.env;
    const cells = cellsOf(env);
    return await work({
      control: new D1ControlPlane(env.CONTROL_DB),
      settingsIn: (cell) => new D1SettingsStore(cellDatabase(cells, cell)),
      scopeIn: (cell, tenantId) => new TenantScope(cellDatabase(cells, cell), tenantId),
      uploads: env.UPLOADS,
      cells: [...cells.keys()],
      platformDomain: env.PLATFORM_DOMAIN,
    });
  } finally {
    await proxy.dispose();
  }
}
