import { readdirSync, readFileSync } from "node:fs";

export type GroupProcess = { pid: number; state: string; cpuTicks: number; command: string };

/**
 * The live processes of a process group, read from /proc (Linux); empty where /proc is missing.
 * The benchmark's server is one group: start.ts, wrangler and the workerd processes it starts.
 */
export function groupProcesses(pgid: number): GroupProcess[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const found: GroupProcess[] = [];
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields are counted after the parenthesised command name, which may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const state = fields[0] ?? "?";
      if (Number(fields[2]) !== pgid || state === "Z") continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      found.push({ pid: Number(pid), state, cpuTicks: Number(fields[11]) + Number(fields[12]), command });
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}
