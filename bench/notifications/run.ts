import { runWorkerdBench } from "../lib/workerd-bench.ts";

/**
 * `npm run bench:notifications`: the notification pipeline benchmark
 * (bench/notifications/pipeline.bench-run.ts, inside workerd); see bench/README.md.
 */
await runWorkerdBench("notifications", "Notification pipeline bench", "bench/notifications/vitest.config.ts");
