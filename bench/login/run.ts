import { runWorkerdBench } from "../lib/workerd-bench.ts";

/** `npm run bench:login`: password hashing, sign-in and the guessing scenarios; see bench/README.md. */
await runWorkerdBench("login", "Sign-in bench", "bench/login/vitest.config.ts");
