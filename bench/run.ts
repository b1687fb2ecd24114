import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startCpuWindow, type CpuUse } from "./lib/cpu.ts";
import { runScenario, type LoadOptions, type Scenario, type ScenarioResult } from "./lib/load.ts";
import { markdown, ratios, targets } from "./lib/report.ts";
import { demoPassword } from "../db/kernel/seed/demo-tenants.ts";
import { signIn } from "./lib/http.ts";
import { startPortaal } from "./lib/server.ts";
import { describeCode, describeMachine } from "./lib/provenance.ts";

/**
 * `npm run bench`: starts Portaal on its own port and state, then measures the server-rendered
 * tenant home page against the cheapest route of the same Worker under the same fixed load.
 * Timings are reported against the targets but never fail the run; only a broken scenario does.
 */
const usage = `Usage: npm run bench -- [--no-build] [--duration s] [--warmup s] [--connections n] [--probes n] [--port n]
  --no-build       reuse the existing build/ (passed on to scripts/start.ts)
  --duration s     seconds of load per scenario                  env BENCH_DURATION     default 20
  --warmup s       seconds of load before each measurement       env BENCH_WARMUP       default 3
  --connections n  concurrent connections                        env BENCH_CONNECTIONS  default 10
  --probes n       sequential requests, idle server, after load  env BENCH_PROBES       default 50
  --port n         port of the benchmark's own server            env BENCH_PORT         default 8795
NODE_ENV (default production) picks the React build wrangler bundles; WRANGLER_LOG (default warn) its log level.`;

const { values: flags } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    probes: { type: "string" },
    port: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (flags.help) {
  console.log(usage);
  process.exit(0);
}

function numberOption(flag: string | undefined, env: string, fallback: number): number {
  const raw = flag ?? process.env[env];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${env} / flag: not a number: ${raw}`);
  return value;
}

const root = path.resolve(import.meta.dirname, "..");
const port = numberOption(flags.port, "BENCH_PORT", 8795);
const load: Omit<LoadOptions, "cpuWindow"> = {
  port,
  connections: numberOption(flags.connections, "BENCH_CONNECTIONS", 10),
  durationSeconds: numberOption(flags.duration, "BENCH_DURATION", 20),
  warmupSeconds: numberOption(flags.warmup, "BENCH_WARMUP", 3),
  probes: numberOption(flags.probes, "BENCH_PROBES", 50),
};
const tenantName = "Koers Coaching";
const scenarios: Scenario[] = [
  {
    name: "tenant-home",
    title: "Tenant home page (SSR)",
    path: "/",
    host: `coaching.localhost:${port}`,
    check: (response) =>
      response.status !== 200
        ? `expected 200, got ${response.status}`
        : response.body.includes(tenantName)
          ? null
          : `200 but the page does not name "${tenantName}"`,
  },
  {
    name: "healthz",
    title: "Trivial route /healthz",
    path: "/healthz",
    host: `coaching.localhost:${port}`,
    check: (response) =>
      response.status === 200 && response.body === "ok" ? null : `expected 200 "ok", got ${response.status}`,
  },
];

const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const resultsDir = path.join(root, "bench", "results");
mkdirSync(resultsDir, { recursive: true });
const logPath = path.join(resultsDir, `${stamp}.server.log`);

const machine = describeMachine(["wrangler", "workerd", "autocannon"]);
const wranglerLog = process.env.WRANGLER_LOG ?? "warn";
// Measure what a deployed Worker runs; NODE_ENV=development measures the bundle `npm start` serves.
const nodeEnv = process.env.NODE_ENV ?? "production";
console.log(
  `Portaal bench: ${load.connections} connections, ${load.durationSeconds} s per scenario after ${load.warmupSeconds} s warm-up, port ${port}`,
);
console.log(
  `Machine: ${machine.cpus} x ${machine.cpuModel}, node ${machine.node}, wrangler ${machine.wrangler}`,
);
console.log(
  `Starting Portaal (${flags["no-build"] ? "no build" : "build first"}, NODE_ENV=${nodeEnv}); server log: ${logPath}`,
);

const startedAt = Date.now();
const server = await startPortaal({
  root,
  port,
  stateDir: ".wrangler/bench-state",
  build: !flags["no-build"],
  logPath,
  wranglerLog,
  nodeEnv,
  readyTimeoutMillis: 300_000,
});
const startupSeconds = (Date.now() - startedAt) / 1000;
console.log(`Portaal answers /healthz after ${startupSeconds.toFixed(1)} s`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Portaal`);
    void server.stop().then(() => process.exit(130));
  });
}

const results: ScenarioResult[] = [];
const loadAverages: Record<string, number[]> = { before: os.loadavg() };
let survivors: string[] = [];
let quietBaseline: CpuUse | null = null;
try {
  // The home page is behind the sign-in: measure it as the signed-in demo client sees it.
  const home = scenarios.find((scenario) => scenario.name === "tenant-home")!;
  home.cookie = await signIn({
    port,
    host: home.host,
    email: "sanne.visser@example.nl",
    password: demoPassword,
  });
  // A few seconds with the server idle: whatever is busy now competes with the measurement.
  const closeBaseline = startCpuWindow(server.pgid);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  quietBaseline = closeBaseline();
  if (quietBaseline) {
    console.log(`CPU before the load (cores): ${describeCpu(quietBaseline)}`);
    if (quietBaseline.other + quietBaseline.steal > 0.2) {
      console.log(
        "  The machine is busy with other work: expect slower, noisier figures than on a quiet machine.",
      );
    }
  }
  for (const scenario of scenarios) {
    console.log(`\n${scenario.title}: GET http://${scenario.host}${scenario.path}`);
    const result = await runScenario(scenario, {
      ...load,
      cpuWindow: () => startCpuWindow(server.pgid),
    }).catch((error: unknown): ScenarioResult => ({
      name: scenario.name,
      title: scenario.title,
      url: `http://${scenario.host}${scenario.path}`,
      host: scenario.host,
      outcome: "aborted",
      reason: String(error),
    }));
    loadAverages[scenario.name] = os.loadavg();
    results.push(result);
    if (result.outcome === "aborted") console.log(`  aborted: ${result.reason}`);
    else {
      const latency = result.latencyMillis;
      console.log(
        `  ${result.requestsPerSecond} req/s, p50 ${latency.p50} ms, p99 ${latency.p99} ms, non-2xx ${result.non2xx}`,
      );
      if (result.cpu) {
        console.log(`  CPU during the load (cores): ${describeCpu(result.cpu)}`);
        const busiest = result.cpu.serverProcesses.filter((member) => member.cores >= 0.01);
        console.log(`  server by process: ${busiest.map((m) => `${m.process} ${m.cores}`).join(", ")}`);
      }
      if (result.checkedAfterLoad) console.log(`  after the load: ${result.checkedAfterLoad}`);
    }
  }
} finally {
  // Also when a scenario throws: the server must not outlive the benchmark.
  stopping = true;
  console.log("\nStopping Portaal");
  ({ survivors } = await server.stop());
}
if (survivors.length > 0) console.log(`Still running after SIGKILL:\n  ${survivors.join("\n  ")}`);
const serverLog = summariseLog(server.logSinceReady());

const [tenant, trivial] = results as [ScenarioResult, ScenarioResult];
const found = ratios(tenant, trivial);
const goals = targets(tenant, found);
const report = {
  date: new Date(startedAt).toISOString(),
  arguments: process.argv.slice(2),
  load,
  code: describeCode(),
  machine,
  loadAverages,
  quietBaseline,
  server: {
    startupSeconds,
    build: !flags["no-build"],
    wranglerLog,
    nodeEnv,
    logFile: path.relative(root, logPath),
    ...serverLog,
    survivors,
  },
  scenarios: results,
  ratios: found,
  targets: goals,
};
const resultPath = path.join(resultsDir, `${stamp}.json`);
writeFileSync(resultPath, `${JSON.stringify(report, null, 2)}\n`);

console.log(`\n${markdown(results, found, goals)}\n`);
if (serverLog.suspiciousLines.length > 0) {
  console.log(`Server log lines worth a look after start-up (${serverLog.suspiciousLines.length}):`);
  for (const line of serverLog.suspiciousLines.slice(0, 10)) console.log(`  ${line}`);
}
console.log(`Result: ${path.relative(root, resultPath)}`);

const broken =
  results.some((result) => result.outcome === "aborted" || result.checkedAfterLoad) || survivors.length > 0;
process.exit(broken ? 1 : 0);

function describeCpu(cpu: CpuUse): string {
  return `${cpu.machineBusy} of ${cpu.cores} busy: server ${cpu.server}, load generator ${cpu.loadGenerator}, other ${cpu.other}; steal ${cpu.steal}`;
}

/**
 * What the server said once it was ready. Errors of the Worker (a failed render, a D1 error)
 * only show here, not in the status codes.
 */
function summariseLog(log: string) {
  // eslint-disable-next-line no-control-regex -- wrangler colours its output
  const lines = log.replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  const pattern = /error|exception|✘|warn|uncaught|fail|\b[45]\d\d\b/i;
  return { suspiciousLines: lines.filter((line) => pattern.test(line)) };
}
