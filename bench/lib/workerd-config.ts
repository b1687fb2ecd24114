import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import type { ViteUserConfig } from "vitest/config";

/**
 * The vitest config of a benchmark that runs inside workerd: the same Worker, real D1 with the
 * real migrations and the same setup as the test suite (vitest.config.ts), kept out of the suite
 * by its own `include`. A benchmark adds bindings of its own, or points queue producers elsewhere.
 */
export async function workerdBenchConfig(options: {
  include: string;
  bindings?: Record<string, unknown>;
  queueProducers?: Record<string, { queueName: string }>;
}): Promise<ViteUserConfig> {
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            ENVIRONMENT: "test",
            CONTROL_MIGRATIONS: await readD1Migrations("migrations/control"),
            CELL_MIGRATIONS: await readD1Migrations("migrations/cell"),
            ...options.bindings,
          },
          ...(options.queueProducers ? { queueProducers: options.queueProducers } : {}),
        },
      }),
    ],
    test: {
      include: [options.include],
      setupFiles: ["./worker/kernel/testing/setup.ts"],
      // Thousands of requests through local D1 take a while.
      testTimeout: 600_000,
      deps: {
        optimizer: {
          ssr: { enabled: true, include: ["@remix-run/cloudflare", "@remix-run/server-runtime"] },
        },
      },
    },
  };
}
