import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { getText } from "./http.ts";
import { groupProcesses } from "./processes.ts";

export type ServerOptions = {
  root: string;
  port: number;
  stateDir: string;
  build: boolean;
  logPath: string;
  wranglerLog: string;
  nodeEnv: string;
  readyTimeoutMillis: number;
};

export type RunningServer = {
  /** The process group of start.ts and everything it started. */
  pgid: number;
  /** Everything the server wrote so far (build, migrations, seed, wrangler, Worker console). */
  log(): string;
  /**
   * What it wrote after it first answered. Taken by arrival time, not by position in the text:
   * stdout and stderr are separate pipes, so a line of the seed can show up after "Ready on".
   */
  logSinceReady(): string;
  stop(): Promise<{ survivors: string[] }>;
};

/**
 * Starts Portaal the way `npm start` does (build, migrate, seed, `wrangler dev`), in a process
 * group of its own: wrangler starts workerd as grandchildren, and only the group can be stopped as
 * a whole.
 */
export async function startPortaal(options: ServerOptions): Promise<RunningServer> {
  if (await answers(options.port)) {
    throw new Error(
      `Something already answers on 127.0.0.1:${options.port}; stop it first so the benchmark measures its own server.`,
    );
  }
  const args = ["scripts/start.ts", ...(options.build ? [] : ["--no-build"])];
  const child = spawn(process.execPath, args, {
    cwd: options.root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(options.port),
      PORTAAL_STATE: options.stateDir,
      // Fixed here so runs compare: at "info" wrangler prints a line per request, work a deployed
      // Worker does not do; warnings and the Worker's errors still show.
      WRANGLER_LOG: options.wranglerLog,
      // wrangler bundles React into the Worker and picks its build by NODE_ENV: `wrangler dev`
      // takes the development build unless told otherwise, `wrangler deploy` the production one.
      NODE_ENV: options.nodeEnv,
      // start.ts runs `remix` and `wrangler` by name; `npm run` puts them on PATH, a plain
      // `node bench/run.ts` does not.
      PATH: [path.join(options.root, "node_modules", ".bin"), process.env.PATH ?? ""].join(path.delimiter),
    },
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error("Could not start scripts/start.ts");

  const file = createWriteStream(options.logPath);
  const chunks: string[] = [];
  let readyAt = Number.POSITIVE_INFINITY;
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      chunks.push(chunk);
      file.write(chunk);
    });
  }

  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  // A crash of the benchmark itself must not leave workerd behind on the port.
  const killOnExit = () => signalGroup(pgid, "SIGKILL");
  process.on("exit", killOnExit);

  const server: RunningServer = {
    pgid,
    log: () => chunks.join(""),
    logSinceReady: () => chunks.slice(readyAt).join(""),
    async stop() {
      signalGroup(pgid, "SIGTERM");
      let survivors = await waitForGroupToEnd(pgid, 10_000);
      if (survivors.length > 0) {
        signalGroup(pgid, "SIGKILL");
        survivors = await waitForGroupToEnd(pgid, 5_000);
      }
      process.off("exit", killOnExit);
      await new Promise<void>((resolve) => file.end(resolve));
      return { survivors };
    },
  };

  const deadline = Date.now() + options.readyTimeoutMillis;
  while (!(await answers(options.port))) {
    if (exited || Date.now() > deadline) {
      await server.stop();
      throw new Error(
        exited
          ? `scripts/start.ts exited before Portaal answered; see ${options.logPath}`
          : `Portaal did not answer /healthz within ${options.readyTimeoutMillis / 1000} s; see ${options.logPath}`,
      );
    }
    await sleep(500);
  }
  readyAt = chunks.length;
  return server;
}

async function answers(port: number): Promise<boolean> {
  try {
    const response = await getText({
      port,
      path: "/healthz",
      host: `127.0.0.1:${port}`,
      timeoutMillis: 2_000,
    });
    return response.status === 200;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Whatever of the group still runs after the timeout, as "pid command". */
async function waitForGroupToEnd(pgid: number, timeoutMillis: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMillis;
  let members = groupProcesses(pgid);
  while (members.length > 0 && Date.now() < deadline) {
    await sleep(200);
    members = groupProcesses(pgid);
  }
  return members.map((member) => `${member.pid} ${member.command.slice(0, 120)}`);
}

function sleep(millis: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, millis));
}
