import type { D1Migration } from "cloudflare:test";
import type { Env as PortaalEnv } from "../../env.ts";

// The test environment: the Worker's bindings plus the migrations handed in by vitest.config.ts.
declare global {
  namespace Cloudflare {
    interface Env extends PortaalEnv {
      CONTROL_MIGRATIONS: D1Migration[];
      CELL_MIGRATIONS: D1Migration[];
    }
  }
}
