import http from "node:http";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { demoPassword } from "../../db/seed/demo-tenants.ts";
import { signIn } from "../lib/http.ts";
import { groupProcesses } from "../lib/processes.ts";
import { startPortaal } from "../lib/server.ts";

/**
 * `npm run bench:uploads`: a 250 MB file goes up in parts through the local Worker (wrangler dev,
 * local R2) as the portal's uploader sends it: parts in order, one request each. Measured: the
 * throughput, and the resident memory of the Worker's workerd process, sampled every 50 ms during
 * the upload; it should stay flat, as no part is buffered whole. Then the same file as one
 * request, which the Worker refuses by design. See bench/README.md.
 */
const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 8871);
const host = `coaching.localhost:${port}`;
const size = 250 * 1000 * 1000;
const megabyte = 1024 * 1024;

function send(method: string, url: string, cookie: string, body?: Buffer | string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      {
        hostname: "127.0.0.1",
        port,
        path: `/api/v1${url}`,
        method,
        agent: false,
        headers: {
          host,
          origin: `http://${host}`,
          cookie,
          ...(body === undefined
            ? {}
            : {
                "content-type": typeof body === "string" ? "application/json" : "application/octet-stream",
                "content-length": Buffer.byteLength(body),
              }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    // The Worker may answer a refused request before the body is sent; that is the refusal.
    request.on("error", (error) =>
      method === "PUT" ? resolve({ status: -1, text: String(error) }) : reject(error),
    );
    request.end(body);
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

  const created = await send("POST", "/files/uploads", cookie, JSON.stringify({ name: "bench.pdf", size }));
  if (created.status !== 201) throw new Error(`createUpload: ${created.status} ${created.text}`);
  const upload = (JSON.parse(created.text) as { upload: { id: string; partSize: number; partCount: number } })
    .upload;
  const before = workerRss(server.pgid);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(workerRss(server.pgid)), 50);
  const started = performance.now();
  for (let part = 1; part <= upload.partCount; part++) {
    const slice = file.subarray((part - 1) * upload.partSize, part * upload.partSize);
    const sent = await send("PUT", `/files/uploads/${upload.id}/parts/${part}`, cookie, slice);
    if (sent.status !== 200) throw new Error(`uploadPart ${part}: ${sent.status} ${sent.text}`);
  }
  const completed = await send("POST", `/files/uploads/${upload.id}/complete`, cookie);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (completed.status !== 200) throw new Error(`completeUpload: ${completed.status} ${completed.text}`);
  await send("DELETE", `/files/uploads/${upload.id}`, cookie);

  // The same file as one request: there is no such operation, and a part of the wrong size is refused.
  const whole = await send("POST", "/files/uploads", cookie, JSON.stringify({ name: "whole.pdf", size }));
  const wholeId = (JSON.parse(whole.text) as { upload: { id: string } }).upload.id;
  const single = await send("PUT", `/files/uploads/${wholeId}/parts/1`, cookie, file);
  await send("DELETE", `/files/uploads/${wholeId}`, cookie);

  const result = {
    at: new Date().toISOString(),
    sizeMb: size / megabyte,
    parts: upload.partCount,
    seconds: Number(seconds.toFixed(2)),
    throughputMbPerSecond: Number((size / megabyte / seconds).toFixed(1)),
    workerRssMb: {
      before: Number(before.toFixed(1)),
      max: Number(Math.max(...samples).toFixed(1)),
      min: Number(Math.min(...samples).toFixed(1)),
      samples: samples.length,
    },
    oneRequest: { status: single.status, answer: single.text.slice(0, 200) },
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
