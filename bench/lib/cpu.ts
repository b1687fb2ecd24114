import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { groupProcesses } from "./processes.ts";

/**
 * Where the CPU went during a measurement, in cores (1.0 = one core busy for the whole window).
 * On a small machine the server, the load generator and anything else running share the same
 * cores, so a latency means little without knowing who else was busy. `steal` is time the
 * hypervisor gave to other guests. Linux only (/proc); null elsewhere.
 */
export type CpuUse = {
  cores: number;
  machineBusy: number;
  server: number;
  loadGenerator: number;
  other: number;
  steal: number;
  /** The server's share by process: wrangler's proxy and the Worker run in separate processes. */
  serverProcesses: { process: string; cores: number }[];
};

const ticksPerSecond = clockTicks();

export function startCpuWindow(serverGroup: number): () => CpuUse | null {
  const startedAt = process.hrtime.bigint();
  const machineBefore = machineTicks();
  const serverBefore = new Map(groupProcesses(serverGroup).map((member) => [member.pid, member.cpuTicks]));
  const selfBefore = process.cpuUsage();
  return () => {
    const machineAfter = machineTicks();
    if (!machineBefore || !machineAfter) return null;
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const cores = (ticks: number) => ticks / ticksPerSecond / seconds;
    const self = process.cpuUsage(selfBefore);
    const busy = cores(machineAfter.busy - machineBefore.busy);
    // The server keeps its processes for its whole life, so no ticks are lost to processes that
    // ended inside the window.
    const serverProcesses = groupProcesses(serverGroup)
      .map((member) => ({
        process: `${member.pid} ${label(member.command)}`,
        cores: round(cores(member.cpuTicks - (serverBefore.get(member.pid) ?? 0))),
      }))
      .sort((a, b) => b.cores - a.cores);
    const server = serverProcesses.reduce((sum, member) => sum + member.cores, 0);
    const loadGenerator = (self.user + self.system) / 1e6 / seconds;
    return {
      cores: machineAfter.cores,
      machineBusy: round(busy),
      server: round(server),
      loadGenerator: round(loadGenerator),
      other: round(Math.max(busy - server - loadGenerator, 0)),
      steal: round(cores(machineAfter.steal - machineBefore.steal)),
      serverProcesses,
    };
  };
}

function machineTicks(): { busy: number; steal: number; cores: number } | null {
  try {
    const lines = readFileSync("/proc/stat", "utf8").split("\n");
    // cpu  user nice system idle iowait irq softirq steal …: idle and iowait are no work.
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = lines[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const cores = lines.filter((line) => /^cpu\d+ /.test(line)).length;
    return { busy: user + nice + system + irq + softirq, steal, cores };
  } catch {
    return null;
  }
}

/**
 * wrangler dev runs two workerd processes: one listens on the public port and holds wrangler's
 * proxy Worker, the other (with an inspector) runs Portaal's Worker behind it.
 */
function label(command: string): string {
  if (command.includes("workerd")) {
    return command.includes("--inspector-addr") ? "workerd (Portaal Worker)" : "workerd (wrangler proxy)";
  }
  if (command.includes("wrangler-dist/cli.js")) return "node (wrangler dev)";
  if (command.includes(".bin/wrangler")) return "node (wrangler launcher)";
  if (command.includes("scripts/start.ts")) return "node (scripts/start.ts)";
  return command.slice(0, 60);
}

function clockTicks(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
