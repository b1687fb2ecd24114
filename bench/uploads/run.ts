import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { demoPassword } from "../../db/kernel/seed/demo-tenants.ts";
import { signIn } from "../lib/http.ts";
import { groupProcesses } from "../lib/processes.ts";
import { startCpuWindow, type CpuUse } from "../lib/cpu.ts";
import { startPortaal } from "../lib/server.ts";
import { putBody } from "./put.ts";

/**
 * `npm run bench:uploads`: a 250 MB file goes up in parts through the local Worker (wrangler dev,
 * local R2) as the portal's uploader sends it: one request per part, 1, 2 and 3 parts at a time
 * (BENCH_CONCURRENCY). Measured: the throughput, the CPU the server's processes used, and the
 * resident memory of the Worker's workerd process, sampled every 50 ms during the upload; it
 * should stay flat, as no part is buffered whole. Then the same file as one request, three
 * times, which the Worker refuses by design. See bench/README.md.
 */
const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 8871);
const host = `coaching.localhost:${port}`;
const size = 250 * 1000 * 1000;
const megabyte = 1024 * 1024;
/** Parts under way at a time: 1 is what the browser's uploader does; the others show what more would give. */
const concurrencies = (process.env.BENCH_CONCURRENCY ?? "1,2,3").split(",").map(Number);

/** Where the CPU went, in cores: the Worker's workerd process, wrangler's, and everything else. */
function cpuSummary(use: CpuUse) {
  return {
    machineBusy: use.machineBusy,
    server: use.server,
    client: use.loadGenerator,
    other: use.other,
    serverProcesses: use.serverProcesses.filter((member) => member.cores >= 0.05),
  };
}

function send(method: string, url: string, cookie: string, body?: Buffer | string) {
  return putBody({
    port,
    path: `/api/v1${url}`,
    host,
    method,
    body,
    headers: { origin: `http://${host}`, cookie },
  });
}

/** Resident memory (MiB) of the workerd process that runs the Worker. */
function workerRss(pgid: number): number {
  const worker = groupProcesses(pgid).find(
    (process) => process.command.includes("workerd") && process.command.includes("--inspector-addr"),
  );
  if (!worker) return 0;
  const status = readFileSync(`/proc/${worker.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const server = await startPortaal({
  root,
  port,
  stateDir: ".wrangler/bench-uploads-state",
  build: false,
  logPath: path.join(root, "bench/results/uploads-server.log"),
  wranglerLog: "error",
  nodeEnv: "production",
  readyTimeoutMillis: 180_000,
});
try {
  const cookie = await signIn({ port, host, email: "sanne.visser@example.nl", password: demoPassword });
  const header = Buffer.from("%PDF-1.4\n%bench\n");
  const file = Buffer.alloc(size, 0x20);
  header.copy(file);

  /** One upload of the file with `concurrency` parts under way at a time, as the uploader sends them. */
  async function upload(concurrency: number) {
    const created = await send("POST", "/files/uploads", cookie, JSON.stringify({ name: "bench.pdf", size }));
    if (created.status !== 201) throw new Error(`createUpload: ${created.status} ${created.text}`);
    const { id, partSize, partCount } = (
      JSON.parse(created.text) as { upload: { id: string; partSize: number; partCount: number } }
    ).upload;
    const before = workerRss(server.pgid);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(workerRss(server.pgid)), 50);
    const cpu = startCpuWindow(server.pgid);
    const started = performance.now();
    let next = 1;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let part = next++; part <= partCount; part = next++) {
          const slice = file.subarray((part - 1) * partSize, part * partSize);
          const sent = await send("PUT", `/files/uploads/${id}/parts/${part}`, cookie, slice);
          if (sent.status !== 200) throw new Error(`uploadPart ${part}: ${sent.status} ${sent.text}`);
        }
      }),
    );
    const completed = await send("POST", `/files/uploads/${id}/complete`, cookie);
    const seconds = (performance.now() - started) / 1000;
    const used = cpu();
    clearInterval(sampler);
    if (completed.status !== 200) throw new Error(`completeUpload: ${completed.status} ${completed.text}`);
    await send("DELETE", `/files/uploads/${id}`, cookie);
    return {
      concurrency,
      parts: partCount,
      seconds: Number(seconds.toFixed(2)),
      throughputMbPerSecond: Number((size / megabyte / seconds).toFixed(1)),
      workerRssMb: {
        before: Number(before.toFixed(1)),
        max: Number(Math.max(...samples).toFixed(1)),
        min: Number(Math.min(...samples).toFixed(1)),
        samples: samples.length,
      },
      cpu: used && cpuSummary(used),
    };
  }

  const uploads = [];
  for (const concurrency of concurrencies) uploads.push(await upload(concurrency));

  // The same file as one request: there is no such operation, and the part operation refuses a
  // body larger than any part from its Content-Length, without reading it.
  const whole = await send("POST", "/files/uploads", cookie, JSON.stringify({ name: "whole.pdf", size }));
  const wholeId = (JSON.parse(whole.text) as { upload: { id: string } }).upload.id;
  const singles = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const single = await send("PUT", `/files/uploads/${wholeId}/parts/1`, cookie, file);
    singles.push({
      status: single.status,
      answerMillis: single.answerMillis,
      sentBeforeAnswerMb: Number((single.sentBeforeAnswer / megabyte).toFixed(1)),
      answer: single.text.slice(0, 200),
    });
  }
  await send("DELETE", `/files/uploads/${wholeId}`, cookie);

  const result = {
    at: new Date().toISOString(),
    loadAverage: loadavg().map((load) => Number(load.toFixed(2))),
    sizeMb: size / megabyte,
    uploads,
    oneRequest: singles,
  };
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  writeFileSync(
    path.join(root, `bench/results/${result.at.replace(/[:.]/g, "-")}-uploads.json`),
    JSON.stringify(result, null, 2),
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await server.stop();
}
