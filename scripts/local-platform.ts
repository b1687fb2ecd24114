import { getPlatformProxy } from "wrangler";
import { platformData } from "../db/kernel/platform.ts";
import type { SeedContext } from "../db/kernel/seed/seed-demo.ts";
import type { Env } from "../worker/env.ts";
import { stateDir } from "./local-state.ts";

/**
 * The local bindings of `wrangler dev` (same persisted D1 and R2 state), for the operator commands
 * and the seed that run in Node.
 */
export async function withLocalPlatform<T>(work: (context: SeedContext) => Promise<T>): Promise<T> {
  // The proxy warns that Durable Objects are not served by it; these commands use none. The
  // quieter log level is set only while the proxy starts, so a later `wrangler dev` logs as usual.
  const logLevel = process.env.WRANGLER_LOG;
  process.env.WRANGLER_LOG ??= "error";
  const proxy = await getPlatformProxy<Env>({
    configPath: "wrangler.toml",
    persist: { path: `${stateDir}/v3` },
  }).finally(() => {
    if (logLevel === undefined) delete process.env.WRANGLER_LOG;
  });
  try {
    const { env } = proxy;
    return await work({ ...platformData(env), uploads: env.UPLOADS, platformDomain: env.PLATFORM_DOMAIN });
  } finally {
    await proxy.dispose();
  }
}
