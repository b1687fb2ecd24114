import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// As in the Worker (wrangler.toml): the holiday parser runs without moment-timezone's zone data (ADR 0022).
const momentWithoutZones = new URL("./node_modules/moment-timezone/moment-timezone.js", import.meta.url)
  .pathname;

// Tests run inside workerd with the real bindings of wrangler.toml: D1 (control plane and cells),
// R2, Durable Objects and queue producers. The migrations are read here (Node) and applied in
// worker/kernel/testing/setup.ts.
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
        // The queues of wrangler.toml have consumers that would deliver every message on their
        // own, within a second, racing a test's own batches. Here the producers send to queues
        // nobody consumes, and each test hands its batches to the consumer (createMessageBatch).
        queueProducers: {
          NOTIFY_QUEUE: { queueName: "test-unconsumed-notify" },
          NOTIFY_DEAD_QUEUE: { queueName: "test-unconsumed-notify-dead" },
        },
      },
    }),
  ],
  resolve: { alias: { "moment-timezone": momentWithoutZones } },
  test: {
    include: ["{core,db,worker,web}/**/*.test.{ts,tsx}"],
    setupFiles: ["./worker/kernel/testing/setup.ts"],
    // One runtime per vitest worker for all its files: a fresh runtime per file cost about 5 s of
    // loading the Worker each. The setup file gives every file empty storage all the same.
    isolate: false,
    // Tests hash real passwords, sign real people in and send files in parts; on a loaded two-core machine that
    // takes longer than vitest's defaults of 5 and 10 s.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    deps: {
      optimizer: {
        ssr: {
          enabled: true,
          include: ["@remix-run/cloudflare", "@remix-run/server-runtime", "date-holidays-parser"],
        },
      },
    },
  },
}));
