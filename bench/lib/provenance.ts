import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** What every benchmark result records beside its figures: the code measured and the machine. */
const root = path.resolve(import.meta.dirname, "..", "..");

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

/** The commit measured, and whether files outside bench/ differed from it. */
export function describeCode() {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
    } catch {
      return null;
    }
  };
  const changes = git("status", "--porcelain", "--", ".", ":!bench", ":!node_modules");
  return { commit: git("rev-parse", "HEAD"), changedOutsideBench: changes === null ? null : changes !== "" };
}

/** The machine, and the versions of the packages the benchmark runs on. */
export function describeMachine<P extends string>(packages: P[]) {
  const cpuinfo = readOr("/proc/cpuinfo", "");
  const version = (pkg: string) =>
    (JSON.parse(readOr(path.join(root, "node_modules", pkg, "package.json"), "{}")) as { version?: string })
      .version ?? "unknown";
  return {
    cpus: os.availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    ...(Object.fromEntries(packages.map((pkg) => [pkg, version(pkg)])) as Record<P, string>),
  };
}
