import { runWorkerdBench } from "../lib/workerd-bench.ts";

/** `npm run bench:booking`: double-booking races and booking latency; see bench/README.md. */
await runWorkerdBench("booking", "Booking bench", "bench/booking/vitest.config.ts");
