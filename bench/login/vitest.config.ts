import { defineConfig } from "vitest/config";
import { workerdBenchConfig } from "../lib/workerd-config.ts";

// The sign-in benchmark (bench/README.md): the Worker's own sign-in page and guess limits, in
// workerd with real D1 and the real rate-limiter Durable Objects.
export default defineConfig(() => workerdBenchConfig({ include: "bench/login/**/*.bench-run.ts" }));
