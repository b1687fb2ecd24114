import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Tests run inside workerd with the real bindings of wrangler.toml: D1 (control plane and cells),
// R2 and Durable Objects. The migrations are read here (Node) and applied in worker/testing/setup.ts.
export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          ENVIRONMENT: "test",
          CONTROL_MIGRATIONS: await readD1Migrations("migrations/control"),
          CELL_MIGRATIONS: await readD1Migrations("migrations/cell"),
        },
      },
    }),
  ],
  test: {
    include: ["{core,db,worker,web}/**/*.test.{ts,tsx}"],
    setupFiles: ["./worker/testing/setup.ts"],
    deps: {
      optimizer: {
        ssr: { enabled: true, include: ["@remix-run/cloudflare", "@remix-run/server-runtime"] },
      },
    },
  },
}));
