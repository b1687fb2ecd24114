import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { describeCode, describeMachine } from "./provenance.ts";
import os from "node:os";
import path from "node:path";

/**
 * A benchmark that runs inside workerd (a `*.bench-run.ts` under its own vitest config), where
 * there is no file system: it prints its figures as one `BENCH_RESULT {...}` line, and this runner
 * streams vitest's output, picks that line up and writes bench/results/<timestamp>-<name>.json
 * with the commit and the machine. Timings never fail the run; a wrong count fails vitest, and
 * then the runner exits 1.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const marker = "BENCH_RESULT ";

export async function runWorkerdBench(name: string, title: string, config: string): Promise<never> {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const resultsDir = path.join(root, "bench", "results");

  console.log(`${title}: vitest run --config ${config}`);
  const startedAt = Date.now();
  // Other work on the machine slows D1 and the queue down: the load average tells whether there was any.
  const loadBefore = os.loadavg();
  const vitest = await runVitest(config);
  const seconds = Math.round((Date.now() - startedAt) / 100) / 10;
  const result = benchResultIn(vitest.output);

  if (!result) {
    console.error(
      `\nNo ${marker.trim()} line in vitest's output (exit code ${vitest.exitCode}): nothing written.`,
    );
    process.exit(1);
  }
  mkdirSync(resultsDir, { recursive: true });
  const resultPath = path.join(resultsDir, `${stamp}-${name}.json`);
  const report = {
    ...result,
    passed: vitest.exitCode === 0,
    vitestExitCode: vitest.exitCode,
    seconds,
    code: describeCode(),
    machine: describeMachine(["workerd", "vitest", "@cloudflare/vitest-plugin"]),
    loadAverages: { before: loadBefore, after: os.loadavg() },
  };
  writeFileSync(resultPath, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResult: ${path.relative(root, resultPath)} (${seconds} s)`);
  if (vitest.exitCode !== 0) console.error("The benchmark's counts are wrong: see the assertion above.");
  process.exit(vitest.exitCode === 0 ? 0 : 1);
}

/**
 * vitest with the Node that runs this script (the project's Node 22 under `npm run`), rather than
 * whichever `npx` finds first on PATH; its output goes to the terminal as it comes.
 */
function runVitest(config: string): Promise<{ exitCode: number; output: string }> {
  const entry = path.join(root, "node_modules", "vitest", "vitest.mjs");
  const child = spawn(process.execPath, [entry, "run", "--config", config], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: string[] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    chunks.push(chunk);
    process.stdout.write(chunk);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => process.stderr.write(chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ exitCode: code ?? (signal ? 1 : 0), output: chunks.join("") }),
    );
  });
}

/** The JSON of the last BENCH_RESULT line; vitest may colour the start of a logged line. */
function benchResultIn(output: string): Record<string, unknown> | null {
  // eslint-disable-next-line no-control-regex -- vitest colours its output
  const lines = output.replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  const line = lines.findLast((candidate) => candidate.includes(marker));
  if (!line) return null;
  return JSON.parse(line.slice(line.indexOf(marker) + marker.length)) as Record<string, unknown>;
}
