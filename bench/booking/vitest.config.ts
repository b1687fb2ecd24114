import { defineConfig } from "vitest/config";
import { workerdBenchConfig } from "../lib/workerd-config.ts";

// The booking benchmark (bench/README.md): races for one slot through the real StaffCalendar
// Durable Object and D1, beside a naive check-then-insert. BENCH_TRIALS shortens a quick look.
export default defineConfig(() =>
  workerdBenchConfig({
    include: "bench/booking/**/*.bench-run.ts",
    bindings: { BOOKING_TRIALS: Number(process.env.BENCH_TRIALS ?? 100) },
  }),
);
