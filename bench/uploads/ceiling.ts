import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { startCpuWindow } from "../lib/cpu.ts";
import { putBody } from "./put.ts";

/**
 * `node_modules/.bin/node bench/uploads/ceiling.ts` (Node 22): what local R2 and workerd can do at all, without Portaal's
 * part route (no Hono, session, D1 or Remix bundle): a throwaway Worker (ceiling/worker.ts) under
 * `wrangler dev`, with its R2 bucket on disk as for Portaal. Three paths for the same 24 parts of
 * 10 MiB, each with 1 to 4 parts at a time:
 *  - r2: the parts are made inside the Worker and written with `uploadPart`: local R2 alone;
 *  - drain: Node sends each part over HTTP and the Worker only reads it: the HTTP hop alone;
 *  - stream: Node sends each part and the Worker streams it through a FixedLengthStream into
 *    `uploadPart`, as worker/kernel/files/r2-storage.ts does.
 * Then a 250 MB body refused three times each way: answered with the body unread, and after
 * cancelling the body. See bench/README.md, "Uploads".
 */
const root = path.resolve(import.meta.dirname, "../..");
const persist = path.join(root, ".wrangler/bench-uploads-ceiling");
const port = Number(process.env.BENCH_PORT ?? 8872);
const host = `127.0.0.1:${port}`;
const partSize = 10 * 1024 * 1024;
const partCount = 24;
const megabyte = 1024 * 1024;

rmSync(persist, { recursive: true, force: true });
const server = spawn(
  process.execPath,
  [
    path.join(root, "node_modules/wrangler/bin/wrangler.js"),
    "dev",
    "--config",
    path.join(import.meta.dirname, "ceiling/wrangler.toml"),
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--persist-to",
    persist,
    "--show-interactive-dev-session=false",
  ],
  { cwd: root, detached: true, stdio: "ignore", env: { ...process.env, WRANGLER_LOG: "error" } },
);
const pgid = server.pid ?? 0;
const stop = (signal: NodeJS.Signals) => {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
};
// wrangler starts workerd as grandchildren; only the whole group can be stopped.
process.on("exit", () => stop("SIGKILL"));
for (let tries = 0; !(await listening()); tries++) {
  if (tries > 240) throw new Error(`the ceiling Worker did not answer on port ${port}`);
  await new Promise((resolve) => setTimeout(resolve, 250));
}

async function listening() {
  try {
    return (await fetch(`http://127.0.0.1:${port}/nothing`)).status === 404;
  } catch {
    return false;
  }
}

const part = Buffer.alloc(partSize, 0x20);

async function call(pathAndQuery: string, body?: Buffer) {
  const answer = await putBody({ port, path: pathAndQuery, host, body, method: body ? "PUT" : "POST" });
  if (answer.status !== 200) throw new Error(`${pathAndQuery}: ${answer.status} ${answer.text}`);
  return answer.text;
}

/** Sends the 24 parts along one path with `concurrency` at a time: MiB/s, and the cores the server used. */
async function run(kind: "r2" | "drain" | "stream", concurrency: number) {
  const key = `${kind}-${concurrency}`;
  const upload = await call(`/create?key=${key}`);
  let next = 1;
  const cpu = startCpuWindow(pgid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n <= partCount; n = next++)
        await call(`/${kind}?key=${key}&upload=${upload}&part=${n}`, kind === "r2" ? undefined : part);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = cpu();
  await call(`/abort?key=${key}&upload=${upload}`);
  return {
    mibPerSecond: Number(((partCount * partSize) / megabyte / seconds).toFixed(1)),
    // The busiest process is the workerd that runs the Worker and the R2 simulator.
    serverCores: used?.server,
    busiestProcess: used?.serverProcesses[0],
    machineBusy: used?.machineBusy,
  };
}

try {
  const result: Record<string, Record<number, Awaited<ReturnType<typeof run>>>> = {
    r2: {},
    drain: {},
    stream: {},
  };
  // An unrecorded round first warms the isolate and the disk.
  await run("stream", 2);
  for (const kind of ["r2", "drain", "stream"] as const)
    for (const concurrency of [1, 2, 3, 4]) result[kind]![concurrency] = await run(kind, concurrency);
  const whole = Buffer.alloc(250 * 1000 * 1000, 0x20);
  const refusals: Record<string, string[]> = {};
  for (const way of ["refuse", "refuse-cancel"]) {
    refusals[way] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const answer = await putBody({ port, path: `/${way}`, host, method: "PUT", body: whole }).catch(
        (error: unknown) => ({ status: String(error), text: "", answerMillis: 0 }),
      );
      refusals[way].push(`${answer.status} ${answer.text.split("\n")[0]} after ${answer.answerMillis} ms`);
    }
  }
  const at = new Date().toISOString();
  const output = { at, loadAverage: loadavg().map((load) => Number(load.toFixed(2))), result, refusals };
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  writeFileSync(
    path.join(root, `bench/results/${at.replace(/[:.]/g, "-")}-uploads-ceiling.json`),
    JSON.stringify(output, null, 2),
  );
  console.log(JSON.stringify(output, null, 2));
} finally {
  stop("SIGTERM");
  rmSync(persist, { recursive: true, force: true });
}
