import autocannon, { type Result } from "autocannon";
import type { CpuUse } from "./cpu.ts";
import { getText, type TextResponse } from "./http.ts";

export type Scenario = {
  name: string;
  title: string;
  path: string;
  host: string;
  /** The session cookie of a signed-in demo client, for pages behind the sign-in. */
  cookie?: string;
  /** Why a response is not the page the scenario means to measure, or null when it is. */
  check(response: TextResponse): string | null;
};

export type LoadOptions = {
  port: number;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Sequential requests after the load, for the latency of one request on an idle server. */
  probes: number;
  /** Opens a window over the measured load; closing it tells who used the CPU meanwhile. */
  cpuWindow(): () => CpuUse | null;
};

export type Latency = { p50: number; p90: number; p99: number; max: number; mean: number };

export type MeasuredScenario = {
  name: string;
  title: string;
  url: string;
  host: string;
  outcome: "measured";
  firstRequestMillis: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMillis: Latency;
  /** autocannon's own histogram, which keeps whole milliseconds only: a cross-check. */
  autocannonLatencyMillis: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  idleLatencyMillis: { p50: number; p90: number; count: number };
  cpu: CpuUse | null;
  checkedAfterLoad: string | null;
};

export type AbortedScenario = {
  name: string;
  title: string;
  url: string;
  host: string;
  outcome: "aborted";
  reason: string;
};

export type ScenarioResult = MeasuredScenario | AbortedScenario;

export async function runScenario(scenario: Scenario, options: LoadOptions): Promise<ScenarioResult> {
  const url = `http://${scenario.host}${scenario.path}`;
  const base = { name: scenario.name, title: scenario.title, url, host: scenario.host };
  const request = {
    port: options.port,
    path: scenario.path,
    host: scenario.host,
    cookie: scenario.cookie,
    timeoutMillis: 30_000,
  };

  // The first request after start-up is the cold one (isolate start, tenant lookup): kept apart.
  let first: TextResponse;
  try {
    first = await getText(request);
  } catch (error) {
    return { ...base, outcome: "aborted", reason: `first request failed: ${String(error)}` };
  }
  const problem = scenario.check(first);
  if (problem) return { ...base, outcome: "aborted", reason: problem };

  const target = {
    url: `http://127.0.0.1:${options.port}${scenario.path}`,
    headers: { host: scenario.host, ...(scenario.cookie ? { cookie: scenario.cookie } : {}) },
    connections: options.connections,
  };
  if (options.warmupSeconds > 0) await autocannon({ ...target, duration: options.warmupSeconds });

  // Every response's time as measured (fractions of a millisecond), for percentiles finer than
  // autocannon's whole-millisecond histogram; the fast route is only a few milliseconds.
  const latencies: number[] = [];
  const closeCpuWindow = options.cpuWindow();
  const instance = autocannon({ ...target, duration: options.durationSeconds, title: scenario.name });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, millis: number) => {
    latencies.push(millis);
  });
  const result: Result = await instance;
  const cpu = closeCpuWindow();

  const after = await getText(request).catch((error: unknown) => ({
    status: 0,
    body: String(error),
    millis: 0,
  }));
  const afterProblem = scenario.check(after);
  const idle: number[] = [];
  // A server that broke during the load gets no probes; the broken check says why.
  for (let probe = 0; probe < options.probes && !afterProblem; probe++) {
    const response = await getText(request).catch(() => null);
    if (!response) break;
    idle.push(response.millis);
  }

  latencies.sort((a, b) => a - b);
  idle.sort((a, b) => a - b);
  return {
    ...base,
    outcome: "measured",
    firstRequestMillis: round(first.millis),
    durationSeconds: result.duration,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / result.duration),
    latencyMillis: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: round(latencies.at(-1) ?? 0),
      mean: round(latencies.reduce((sum, value) => sum + value, 0) / Math.max(latencies.length, 1)),
    },
    autocannonLatencyMillis: {
      p50: result.latency.p50 ?? 0,
      p90: result.latency.p90 ?? 0,
      p99: result.latency.p99 ?? 0,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([status, stats]) => [status, stats.count]),
    ),
    idleLatencyMillis: { p50: percentile(idle, 50), p90: percentile(idle, 90), count: idle.length },
    cpu,
    checkedAfterLoad: afterProblem,
  };
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(Math.ceil((p / 100) * sorted.length), 1);
  return round(sorted[rank - 1]!);
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
