import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Agent } from "undici";
import type { ClientFrame, ServerFrame } from "../../core/messaging/chat-protocol.ts";
import { newId } from "../../core/kernel/ids.ts";
import { demoPassword } from "../../db/kernel/seed/demo-tenants.ts";
import { signIn } from "../lib/http.ts";
import { startPortaal } from "../lib/server.ts";

/**
 * `npm run bench:chat`: websocket clients in live conversations against a local `wrangler dev`
 * (bench/README.md, "Chat"). Every client sends one message a second and, as a browser does,
 * receipts for what it received; every other client in its room must receive each message exactly
 * once. Reports delivery latency, lost and duplicated messages, whether every message is stored
 * once, and whether idle rooms hibernated.
 */
const { values: flags } = parseArgs({
  allowNegative: true,
  options: {
    "no-build": { type: "boolean", default: false },
    receipts: { type: "boolean", default: process.env.BENCH_RECEIPTS !== "0" },
    rooms: { type: "string", default: process.env.BENCH_ROOMS ?? "10" },
    clients: { type: "string", default: process.env.BENCH_CLIENTS ?? "100" },
    duration: { type: "string", default: process.env.BENCH_DURATION ?? "60" },
    idle: { type: "string", default: process.env.BENCH_IDLE ?? "30" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "8813" },
    drain: { type: "string", default: process.env.BENCH_DRAIN ?? "150" },
  },
});
const rooms = Number(flags.rooms);
const perRoom = Math.floor(Number(flags.clients) / rooms);
const durationSeconds = Number(flags.duration);
const idleSeconds = Number(flags.idle);
const drainSeconds = Number(flags.drain);
const port = Number(flags.port);
const root = path.resolve(import.meta.dirname, "../..");
const stateDir = ".wrangler/bench-chat-state";
const host = `coaching.localhost:${port}`;
const resultsDir = path.join(root, "bench", "results");
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");

// The rooms are conversations of the demo tenant's clients with their coach, written before the
// server starts (the server's own start migrates and seeds again, which changes nothing).
process.env.PORTAAL_STATE = stateDir;
const { applyMigrations } = await import("../../scripts/local-state.ts");
const { withLocalPlatform } = await import("../../scripts/local-platform.ts");
const { seedDemo } = await import("../../db/kernel/seed/seed-demo.ts");
const { D1MessagingStore } = await import("../../db/messaging/store.ts");
const { D1AccountStore } = await import("../../db/kernel/identity/account-store.ts");
const clients = ["sanne.visser@example.nl", "daan.mulder@example.nl", "fatima.elamrani@example.com"];
const coach = "anouk.devries@koerscoaching.nl";
await applyMigrations();
const conversations = await withLocalPlatform(async (context) => {
  await seedDemo(context);
  const tenant = (await context.control.tenantBySlug("coaching"))!;
  const scope = context.scopeIn(tenant.cell, tenant.id);
  const accounts = new D1AccountStore(scope);
  const ids = new Map<string, string>();
  for (const email of [...clients, coach]) ids.set(email, (await accounts.byEmail(email))!.id);
  const store = new D1MessagingStore(scope);
  return Promise.all(
    Array.from({ length: rooms }, async (_, index) => {
      const client = clients[index % clients.length]!;
      const id = newId("conversation");
      const now = new Date().toISOString();
      await store.create(
        {
          id,
          clientUserId: ids.get(client)!,
          subject: `Bench ${stamp} ${index + 1}`,
          createdByUserId: ids.get(client)!,
          createdAt: now,
          lastSeq: 0,
          lastMessageAt: null,
        },
        [ids.get(client)!, ids.get(coach)!],
      );
      return { id, client };
    }),
  );
});

// wrangler dev keeps a trace of every event and D1 call in a SQLite file of its own (its local
// explorer); a deployed Worker does no such work, and on two cores it made a busy room's
// deliveries several times slower. Off here so runs compare; `X_LOCAL_OBSERVABILITY=true` keeps it.
process.env.X_LOCAL_OBSERVABILITY ??= "false";
const server = await startPortaal({
  root,
  port,
  stateDir,
  build: !flags["no-build"],
  logPath: path.join(resultsDir, `chat-${stamp}.server.log`),
  wranglerLog: process.env.WRANGLER_LOG ?? "warn",
  nodeEnv: process.env.NODE_ENV ?? "production",
  readyTimeoutMillis: 240_000,
});

// `coaching.localhost` is the tenant's host; the connection itself goes to this machine.
const dispatcher = new Agent({
  connect: { lookup: (_host, _options, callback) => callback(null, [{ address: "127.0.0.1", family: 4 }]) },
});
const cookies = new Map<string, string>();
for (const email of [...clients, coach])
  cookies.set(email, await signIn({ port, host, email, password: demoPassword }));

type Client = {
  room: number;
  index: number;
  socket: WebSocket;
  received: Map<string, number>;
  frames: ServerFrame[];
  awake: string[];
  /** The newest sequence received, and the pending receipt for it. */
  newest: number;
  receiptTimer?: ReturnType<typeof setTimeout>;
};

/** As web/messaging/components/useLiveConversation.ts in view: a second after a message, read (which says delivered). */
const receiptDelayMillis = 1_000;

const sentAt = new Map<string, { at: number; room: number; from: number }>();
let loadStarted = Number.NaN;
const latencies: number[] = [];
/** For each latency, the second of the load its message was sent in: where in the minute the slow ones were. */
const sentInSecond: number[] = [];
/**
 * Each delivery in two parts, by the message's `sentAt`, which the messaging core stamps when the
 * room takes the message, before numbering it (same machine, same clock): from the send until then
 * (the way in and any wait for the room), and from then until the arrival (numbering, keeping it in
 * the room's log, the fan-out and the way out; the write to the cell comes after the fan-out).
 */
const untilTaken: number[] = [];
const afterTaken: number[] = [];
// The bench's own event loop: a late arrival may be this process being busy, not the server.
const clientDelay = monitorEventLoopDelay({ resolution: 10 });
clientDelay.enable();
const refused = new Map<string, number>();

function open(room: number, index: number, email: string): Promise<Client> {
  const socket = new WebSocket(`ws://${host}/chat/${conversations[room]!.id}?after=0`, {
    dispatcher,
    headers: { origin: `http://${host}`, cookie: cookies.get(email)! },
  } as unknown as string[]);
  const client: Client = { room, index, socket, received: new Map(), frames: [], awake: [], newest: 0 };
  socket.addEventListener("message", (event) => {
    const now = performance.now();
    if (event.data === "pong") return;
    const frame = JSON.parse(String(event.data)) as ServerFrame;
    if (frame.type === "welcome" || frame.type === "history") client.awake.push(frame.awakeSince);
    if (frame.type === "refused") refused.set(frame.reason, (refused.get(frame.reason) ?? 0) + 1);
    if (frame.type !== "message") return client.frames.push(frame);
    const key = frame.message.clientMessageId;
    client.received.set(key, (client.received.get(key) ?? 0) + 1);
    const sent = sentAt.get(key);
    if (sent && sent.from !== index && client.received.get(key) === 1) {
      latencies.push(now - sent.at);
      sentInSecond.push(Math.floor((sent.at - loadStarted) / 1_000));
      const taken = Date.parse(frame.message.sentAt) - performance.timeOrigin;
      untilTaken.push(taken - sent.at);
      afterTaken.push(now - taken);
    }
    client.newest = Math.max(client.newest, frame.message.seq);
    if (flags.receipts) acknowledge(client);
  });
  return new Promise((resolve, reject) => {
    socket.addEventListener("open", () => resolve(client));
    socket.addEventListener("error", () => reject(new Error(`room ${room}: connection ${index} refused`)));
  });
}

const connected: Client[] = [];
for (let room = 0; room < rooms; room++)
  for (let slot = 0; slot < perRoom; slot++) {
    // Half the connections are the client's (tabs, phone), half the coach's.
    const email = slot % 2 === 0 ? conversations[room]!.client : coach;
    connected.push(await open(room, connected.length, email));
  }
console.log(
  `${connected.length} connections in ${rooms} rooms; sending for ${durationSeconds} s${flags.receipts ? ", with receipts" : ""}`,
);

const send = (client: Client, frame: ClientFrame) => client.socket.send(JSON.stringify(frame));

function acknowledge(client: Client) {
  client.receiptTimer ??= setTimeout(() => {
    client.receiptTimer = undefined;
    if (client.socket.readyState !== WebSocket.OPEN) return;
    send(client, { type: "read", sequence: client.newest });
  }, receiptDelayMillis);
}
let sequence = 0;
loadStarted = performance.now();
await Promise.all(
  connected.map(async (client) => {
    // Spread over the second, so the load is steady rather than 100 messages at each tick.
    await sleep(Math.random() * 1_000);
    for (let second = 0; second < durationSeconds; second++) {
      const started = performance.now();
      const clientMessageId = `bench-${client.index}-${++sequence}`;
      sentAt.set(clientMessageId, { at: started, room: client.room, from: client.index });
      send(client, {
        type: "send",
        clientMessageId,
        body: `Bericht ${second + 1} van verbinding ${client.index}`,
      });
      await sleep(1_000 - (performance.now() - started));
    }
  }),
);
const loadEnded = performance.now();
// Let the last deliveries arrive: every message to every other connection of its room, or
// nothing new for half a minute.
const expected = sentAt.size * (perRoom - 1);
let lastCount = -1;
let stalledSince = Date.now();
const drainUntil = Date.now() + drainSeconds * 1_000;
while (latencies.length < expected && Date.now() - stalledSince < 30_000 && Date.now() < drainUntil) {
  if (latencies.length !== lastCount) [lastCount, stalledSince] = [latencies.length, Date.now()];
  await sleep(500);
}
const drainedAfterSeconds = Math.round((performance.now() - loadEnded) / 1000);
// What arrives later (while the rooms sit idle) still counts in the latencies, not as delivered.
const delivered = latencies.length;

// Every message, to every other connection of its room, exactly once.
let lost = 0;
let duplicated = 0;
for (const [key, sent] of sentAt)
  for (const client of connected) {
    if (client.room !== sent.room || client.index === sent.from) continue;
    const count = client.received.get(key) ?? 0;
    if (count === 0) lost++;
    if (count > 1) duplicated += count - 1;
  }

const firstOfRoom = Array.from({ length: rooms }, (_, room) =>
  connected.find((client) => client.room === room)!,
);

// Hibernation: the connections stay open and quiet; afterwards each room says when it last started.
const before = firstOfRoom.map((client) => client.awake.at(-1)!);
const idleFrom = new Date().toISOString();
console.log(`idle for ${idleSeconds} s with every connection open`);
await sleep(idleSeconds * 1_000);
const after: string[] = [];
for (const client of firstOfRoom) {
  send(client, { type: "sync", after: Number.MAX_SAFE_INTEGER });
  // A room still busy with the load's backlog answers late or not at all: it did not hibernate.
  after.push(
    await waitFor(client, "history").then(
      (history) => history.awakeSince,
      () => "",
    ),
  );
}
const hibernated = after.filter((awake, room) => awake > idleFrom && awake !== before[room]).length;
const stillOpen = connected.filter((client) => client.socket.readyState === WebSocket.OPEN).length;

for (const client of connected) {
  clearTimeout(client.receiptTimer);
  client.socket.close(1000, "done");
}
const { survivors } = await server.stop();
await dispatcher.close();

// What the cell holds once the server is gone: every message once, by its client message id.
const { storedOnce, storedTwice } = await withLocalPlatform(async (context) => {
  const tenant = (await context.control.tenantBySlug("coaching"))!;
  const store = new D1MessagingStore(context.scopeIn(tenant.cell, tenant.id));
  let once = 0;
  let twice = 0;
  for (const { id } of conversations) {
    const ids: string[] = [];
    for (let page = await store.messagesAfter(id, 0, 500); page.length > 0;) {
      ids.push(...page.map((message) => message.clientMessageId));
      page = await store.messagesAfter(id, page.at(-1)!.seq, 500);
    }
    once += new Set(ids).size;
    twice += ids.length - new Set(ids).size;
  }
  return { storedOnce: once, storedTwice: twice };
});

clientDelay.disable();
/** The latencies of each ten seconds of the load (the last window takes the spread's final second). */
function byTenSeconds() {
  const windows = Math.ceil(durationSeconds / 10);
  const windowOf = (second: number) => Math.min(windows - 1, Math.floor(second / 10));
  return Array.from({ length: windows }, (_, window) => ({
    from: window * 10,
    ...percentiles(latencies.filter((_, at) => windowOf(sentInSecond[at]!) === window)),
  }));
}
const percentiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { p50: round(rank(50)), p99: round(rank(99)), max: round(sorted.at(-1) ?? NaN) };
};
const result = {
  at: new Date().toISOString(),
  connections: connected.length,
  rooms,
  durationSeconds,
  receipts: flags.receipts,
  localObservability: process.env.X_LOCAL_OBSERVABILITY,
  sent: sentAt.size,
  sentPerSecond: Math.round(sentAt.size / ((loadEnded - loadStarted) / 1000)),
  drainedAfterSeconds,
  deliveries: delivered,
  deliveredLate: latencies.length - delivered,
  latencyMillis: percentiles(latencies),
  untilTakenMillis: percentiles(untilTaken),
  afterTakenMillis: percentiles(afterTaken),
  latencyByTenSecondsMillis: byTenSeconds(),
  benchEventLoopDelayMillis: {
    p50: round(clientDelay.percentile(50) / 1e6),
    p99: round(clientDelay.percentile(99) / 1e6),
    max: round(clientDelay.max / 1e6),
  },
  lost,
  duplicated,
  refused: Object.fromEntries(refused),
  storedOnce,
  storedTwice,
  idleSeconds,
  roomsHibernated: hibernated,
  connectionsOpenAfterIdle: stillOpen,
};
writeFileSync(path.join(resultsDir, `chat-${stamp}.json`), JSON.stringify(result, null, 2));
console.log(
  [
    "",
    `Sent ${result.sent} messages (${result.sentPerSecond} a second); ${result.deliveries} of ${expected} deliveries to the other connections of their rooms, the last ${drainedAfterSeconds} s after the load ended (${result.deliveredLate} more later).`,
    `Delivery latency p50 ${result.latencyMillis.p50} ms, p99 ${result.latencyMillis.p99} ms (target p99 < 50 ms): ${result.latencyMillis.p99 < 50 ? "PASS" : "MISS"}`,
    `  until the room took it p50 ${result.untilTakenMillis.p50} ms, p99 ${result.untilTakenMillis.p99} ms; from there to arrival p50 ${result.afterTakenMillis.p50} ms, p99 ${result.afterTakenMillis.p99} ms; the bench's own event loop lagged p99 ${result.benchEventLoopDelayMillis.p99} ms (max ${result.benchEventLoopDelayMillis.max} ms)`,
    `  by ten seconds of the load (p50/p99): ${result.latencyByTenSecondsMillis.map((window) => `${window.from} s ${window.p50}/${window.p99}`).join(", ")}`,
    `Not delivered ${drainedAfterSeconds} s after the load ${lost}, duplicated ${duplicated} (target 0/0): ${lost + duplicated === 0 ? "PASS" : "MISS"}; refused frames ${JSON.stringify(result.refused)}`,
    `Stored in D1: ${storedOnce} distinct messages of ${result.sent} sent, ${storedTwice} stored twice`,
    `After ${idleSeconds} s idle: ${hibernated} of ${rooms} rooms had left memory and started again, ${stillOpen} of ${connected.length} connections still open`,
  ].join("\n"),
);
if (survivors.length > 0) {
  console.error(`Server processes survived the run: ${survivors.join("; ")}`);
  process.exitCode = 1;
}
if (result.sent === 0 || storedOnce === 0) process.exitCode = 1;

async function waitFor<T extends ServerFrame["type"]>(
  client: Client,
  type: T,
): Promise<Extract<ServerFrame, { type: T }>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = client.frames.find((frame) => frame.type === type);
    if (found) {
      client.frames = client.frames.filter((frame) => frame !== found);
      return found as Extract<ServerFrame, { type: T }>;
    }
    if (Date.now() > deadline)
      throw new Error(
        `room ${client.room}: no ${type} frame (socket state ${client.socket.readyState}, frames ${JSON.stringify(client.frames).slice(0, 500)})`,
      );
    await sleep(20);
  }
}

function sleep(millis: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, millis)));
}

function round(millis: number): number {
  return Math.round(millis * 10) / 10;
}
