import type { MeasuredScenario, ScenarioResult } from "./load.ts";
import { round } from "./load.ts";

export type Ratios = { p50: number | null; p99: number | null };

export type Target = { name: string; goal: string; actual: string; verdict: "PASS" | "MISS" | "n/a" };

/** Tenant page over trivial route: how much the tenant lookup and the render add under the same load. */
export function ratios(tenant: ScenarioResult, trivial: ScenarioResult): Ratios {
  if (tenant.outcome !== "measured" || trivial.outcome !== "measured") return { p50: null, p99: null };
  const ratio = (a: number, b: number) => (b > 0 ? round(a / b) : null);
  return {
    p50: ratio(tenant.latencyMillis.p50, trivial.latencyMillis.p50),
    p99: ratio(tenant.latencyMillis.p99, trivial.latencyMillis.p99),
  };
}

/** The targets are verdicts to read, never a reason to fail the run: timings vary by machine. */
export function targets(tenant: ScenarioResult, found: Ratios): Target[] {
  const p99 = tenant.outcome === "measured" ? tenant.latencyMillis.p99 : null;
  const verdict = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "PASS" : "MISS");
  return [
    {
      name: "Tenant page p99",
      goal: "< 50 ms",
      actual: p99 === null ? "n/a" : `${p99} ms`,
      verdict: verdict(p99 === null ? null : p99 < 50),
    },
    {
      name: "Tenant page vs trivial route, p99",
      goal: "≤ 3x",
      actual: found.p99 === null ? "n/a" : `${found.p99}x`,
      verdict: verdict(found.p99 === null ? null : found.p99 <= 3),
    },
    {
      name: "Tenant page vs trivial route, p50",
      goal: "≤ 3x",
      actual: found.p50 === null ? "n/a" : `${found.p50}x`,
      verdict: verdict(found.p50 === null ? null : found.p50 <= 3),
    },
  ];
}

export function markdown(scenarios: ScenarioResult[], found: Ratios, goals: Target[]): string {
  const rows = scenarios.map((scenario) =>
    scenario.outcome === "measured"
      ? measuredRow(scenario)
      : `| ${scenario.title} | aborted: ${scenario.reason} | | | | | | | | | |`,
  );
  return [
    "| Scenario | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors | idle p50 ms | first request ms | CPU cores server / load gen / other |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    ...scenarios.flatMap((scenario) =>
      scenario.outcome === "measured" && scenario.checkedAfterLoad
        ? [``, `${scenario.title}: broken after the load: ${scenario.checkedAfterLoad}`]
        : [],
    ),
    "",
    `Ratio tenant/trivial: p50 ${found.p50 ?? "n/a"}x, p99 ${found.p99 ?? "n/a"}x`,
    "",
    "| Target | Goal | Measured | Verdict |",
    "| --- | --- | ---: | --- |",
    ...goals.map((goal) => `| ${goal.name} | ${goal.goal} | ${goal.actual} | ${goal.verdict} |`),
  ].join("\n");
}

function measuredRow(scenario: MeasuredScenario): string {
  const latency = scenario.latencyMillis;
  return [
    "",
    scenario.title,
    scenario.requestsPerSecond.toFixed(0),
    latency.p50.toFixed(2),
    latency.p90.toFixed(2),
    latency.p99.toFixed(2),
    latency.max.toFixed(2),
    scenario.non2xx,
    scenario.errors + scenario.timeouts,
    scenario.idleLatencyMillis.p50.toFixed(2),
    scenario.firstRequestMillis.toFixed(0),
    scenario.cpu ? `${scenario.cpu.server} / ${scenario.cpu.loadGenerator} / ${scenario.cpu.other}` : "n/a",
    "",
  ]
    .join(" | ")
    .trim();
}
