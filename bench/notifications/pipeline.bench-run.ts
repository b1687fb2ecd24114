import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import type { DeliveryMessage } from "../../core/kernel/notifications/ports.ts";
import { defaultNotificationSettings } from "../../core/kernel/notifications/settings.ts";
import { loadTenant, type Tenant } from "../../core/kernel/tenants/tenant.ts";
import { notificationDeliveries, notifications, outboxMessages } from "../../db/kernel/schema.ts";
import type { TenantScope } from "../../db/kernel/scope.ts";
import { cellDatabase, cellsOf } from "../../db/kernel/cells.ts";
import { platformData } from "../../db/kernel/platform.ts";
import type { Env } from "../../worker/env.ts";
import worker from "../../worker/index.ts";
import type { DeadLetterMessage } from "../../worker/kernel/notifications/consumer.ts";
import { notifierFor } from "../../worker/kernel/notifications/pipeline.ts";
import { addUser, createTenant } from "../../worker/kernel/testing/fixtures.ts";
import type { QueueConsumerSettings } from "./vitest.config.ts";

/**
 * The notification pipeline under an at-least-once queue (`npm run bench:notifications`, see
 * bench/README.md): 1,000 notifications, one recipient each, through notify(), the real queue
 * consumer (`worker.queue`), real D1 and the local outbox, whose test domains fail on purpose.
 * The benchmark plays the queue: it decides which messages come in which batch, and how often.
 */

const plan = {
  notifications: 1_000,
  /** Recipients at flaky.test: the outbox refuses their first two attempts, then sends. */
  temporaryFailures: 100,
  /** Recipients at bounce.test: the outbox refuses them for good. */
  permanentFailures: 20,
  /** Every this-many-th message of the first round comes twice in one batch; the others twice in different batches. */
  sameBatchDuplicateEvery: 10,
  /** Fixes the order of recipients and of redeliveries, so every run feeds the same sequence. */
  seed: 20261122,
};
const enqueueTargetMillis = 1;
const domains = { normal: "bench.example", temporary: "flaky.test", permanent: "bounce.test" } as const;
type Profile = keyof typeof domains;

const consumers = (
  env as unknown as { BENCH_QUEUE_CONSUMERS: Record<"deliveries" | "deadLetters", QueueConsumerSettings> }
).BENCH_QUEUE_CONSUMERS;
const data = platformData(env);

type Recipient = { id: string; email: string; profile: Profile };
type QueueBody = DeliveryMessage | DeadLetterMessage;
type QueuedMessage = { id: string; body: QueueBody; attempts: number };

it("sends each of 1,000 notifications once through failures, retries and redeliveries", async () => {
  const { tenant, actorId, recipients } = await setUp();
  const enqueue = await notifyEach(tenant, actorId, recipients);
  await expectNothingConsumedYet(tenant, enqueue.deliveries.length);
  const feeding = await feedThroughQueues(tenant, enqueue.deliveries);
  const outcome = await inspect(tenant, recipients, enqueue.deliveries);

  const result = {
    benchmark: "notifications",
    date: new Date().toISOString(),
    plan,
    queues: consumers,
    enqueue: enqueue.figures,
    feeding,
    outcome,
  };
  // Printed before the assertions, so a broken run still shows what happened.
  console.log(report(result));
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);

  const delivered = plan.notifications - plan.permanentFailures;
  expect(outcome.deliveries).toBe(plan.notifications);
  expect(outcome.outboxRows).toBe(delivered);
  expect(outcome.outboxDistinctRecipients).toBe(outcome.outboxRows);
  expect(outcome.outboxRecipientsAreTheDeliverable).toBe(true);
  expect(outcome.status.sent).toBe(delivered);
  expect(outcome.status.dead).toBe(plan.permanentFailures);
  expect(outcome.deadAreThePermanentFailures).toBe(true);
  expect(outcome.status.queued).toBe(0);
  expect(outcome.status.sending).toBe(0);
  expect(outcome.lost).toBe(0);
  expect(outcome.normalDeliveriesSentWithOneProviderCall).toBe(true);
});

async function setUp(): Promise<{ tenant: Tenant; actorId: string; recipients: Recipient[] }> {
  const record = await createTenant("bench-meldingen", "TENANT_DB_1", {
    // No quiet hours and no digest window: otherwise the hour of the run would hold mail for the
    // morning and the digest would fold deliveries together, and the counts would change with them.
    settings: { notifications: { ...defaultNotificationSettings, quietHours: null, digestMinutes: 0 } },
  });
  const tenant = await loadTenant(record, data);
  if (!tenant) throw new Error("the benchmark's tenant did not load");
  const actorId = await addUser(tenant, { email: "coach@bench.example", role: "staff" });

  const profiles = shuffled(
    [
      ...Array<Profile>(plan.temporaryFailures).fill("temporary"),
      ...Array<Profile>(plan.permanentFailures).fill("permanent"),
      ...Array<Profile>(plan.notifications - plan.temporaryFailures - plan.permanentFailures).fill("normal"),
    ],
    plan.seed,
  );
  const recipients: Recipient[] = [];
  for (const [index, profile] of profiles.entries()) {
    const email = `client-${String(index).padStart(4, "0")}@${domains[profile]}`;
    recipients.push({ id: await addUser(tenant, { email }), email, profile });
  }
  return { tenant, actorId, recipients };
}

/** One notify() per recipient, as a request handler calls it, timed from call to return. */
async function notifyEach(tenant: Tenant, actorId: string, recipients: Recipient[]) {
  const queue = new ObservedQueue(env.NOTIFY_QUEUE);
  const requestEnv: Env = { ...env, NOTIFY_QUEUE: queue };
  const d1 = { readMillis: [] as number[], writeMillis: [] as number[] };
  const scope = timedScope(data.scopeIn(tenant.cell, tenant.id), d1);
  const millis: number[] = [];
  const deliveries: { id: string; recipient: Recipient }[] = [];
  const startedAll = Date.now();
  for (const recipient of recipients) {
    // Inside workerd the clock stands still while code runs and moves on with I/O; notify() does
    // I/O (D1 reads, one D1 batch, the queue send), so its own time is inside the interval.
    const started = performance.now();
    const result = await notifierFor(
      requestEnv,
      scope,
      tenant,
    )({
      kind: "message",
      recipients: [recipient.id],
      actorId,
      link: "/messages",
    });
    millis.push(performance.now() - started);
    for (const id of result.deliveryIds) deliveries.push({ id, recipient });
  }
  const totalMillis = Date.now() - startedAll;
  const median = summary(millis).p50;
  return {
    deliveries,
    figures: {
      calls: millis.length,
      notifyMillis: summary(millis),
      // Where a call's time goes: the two reads (recipients, their preferences) run side by side,
      // then the one write batch, then the queue send.
      d1ReadMillis: summary(d1.readMillis),
      d1WriteMillis: summary(d1.writeMillis),
      queueSendMillis: summary(queue.sendMillis),
      // The clock here moves in whole milliseconds; the mean over the whole loop is finer.
      meanFromTotalMillis: round(totalMillis / millis.length, 3),
      d1RoundTripMillis: await d1RoundTrip(tenant),
      wholeMillisecondClock: millis.every(Number.isInteger),
      firstCallMillis: millis[0] ?? null,
      target: `median < ${enqueueTargetMillis} ms`,
      verdict: median < enqueueTargetMillis ? "PASS" : "MISS",
    },
  };
}

/**
 * The tenant scope as notify() gets it, timing its reads (`list`) and its write (`batch`). The
 * clock moves only with I/O, so the code before a statement counts toward that statement.
 */
function timedScope(scope: TenantScope, timings: { readMillis: number[]; writeMillis: number[] }) {
  return new Proxy(scope, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const into =
        property === "list" ? timings.readMillis : property === "batch" ? timings.writeMillis : null;
      // Bound to the real scope: its private fields do not exist on the proxy.
      if (!into) return value.bind(target);
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          into.push(performance.now() - started);
        }
      };
    },
  });
}

/**
 * The floor under notify(): one trivial statement to the tenant's local D1 cell and back. notify()
 * waits for two of these in a row (the reads, in parallel, then the write batch) and the queue send.
 */
async function d1RoundTrip(tenant: Tenant) {
  const database = cellDatabase(cellsOf(env), tenant.cell);
  const millis: number[] = [];
  const startedAll = Date.now();
  for (let probe = 0; probe < 200; probe += 1) {
    const started = performance.now();
    await database.prepare("select 1").first();
    millis.push(performance.now() - started);
  }
  return { ...summary(millis), meanFromTotal: round((Date.now() - startedAll) / millis.length, 3) };
}

/**
 * The benchmark's queue must be the only one: if the pool's own queue consumed these messages
 * too, it would race the batches below and the counts would mean nothing (see vitest.config.ts).
 */
async function expectNothingConsumedYet(tenant: Tenant, expected: number) {
  // Longer than max_batch_timeout (1 s): a consuming queue would have delivered a batch by now.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const scope = data.scopeIn(tenant.cell, tenant.id);
  const rows = await scope.list(notificationDeliveries, { limit: plan.notifications * 2 });
  expect(rows).toHaveLength(expected);
  expect(rows.filter((row) => row.status !== "queued" || row.attempts !== 0)).toEqual([]);
}

/**
 * A queue binding that still sends to its (local, unconsumed) queue and keeps what was sent and
 * how long sending took: the request side is timed, and what the consumer sends on its own
 * (dead letters, quiet-hour re-sends) reaches the benchmark's simulated queues.
 */
class ObservedQueue<Body> implements Queue<Body> {
  readonly #real: Queue<Body>;
  readonly sendMillis: number[] = [];
  #sent: Body[] = [];

  constructor(real: Queue<Body>) {
    this.#real = real;
  }

  metrics() {
    return this.#real.metrics();
  }

  async send(body: Body, options?: QueueSendOptions) {
    const started = performance.now();
    const response = await this.#real.send(body, options);
    this.sendMillis.push(performance.now() - started);
    this.#sent.push(body);
    return response;
  }

  async sendBatch(messages: Iterable<MessageSendRequest<Body>>, options?: QueueSendBatchOptions) {
    const list = [...messages];
    const started = performance.now();
    const response = await this.#real.sendBatch(list, options);
    this.sendMillis.push(performance.now() - started);
    this.#sent.push(...list.map((message) => message.body));
    return response;
  }

  /** Everything sent since the last call. */
  take(): Body[] {
    const sent = this.#sent;
    this.#sent = [];
    return sent;
  }
}

let messageCount = 0;
const freshMessage = (body: QueueBody): QueuedMessage => ({ id: `msg-${++messageCount}`, body, attempts: 1 });

/**
 * One queue of wrangler.toml as Cloudflare Queues (and miniflare's local queue) run it: batches of
 * at most max_batch_size for the consumer; a message the consumer retries comes again with
 * `attempts + 1`, until it has failed max_retries + 1 times and goes to the dead-letter queue. The
 * retry delays are not waited for: the next round comes at once. Nothing the consumer does for
 * these deliveries depends on the time (no quiet hours, no digest window), only on `attempts`.
 */
class SimulatedQueue {
  readonly settings: QueueConsumerSettings;
  readonly #consumerEnv: Env;
  pending: QueuedMessage[] = [];
  readonly stats = { batches: 0, messages: 0, retries: 0, exhausted: 0 };

  constructor(settings: QueueConsumerSettings, consumerEnv: Env) {
    this.settings = settings;
    this.#consumerEnv = consumerEnv;
  }

  nextBatches(): QueuedMessage[][] {
    return chunks(this.pending.splice(0), this.settings.maxBatchSize);
  }

  /** Feeds the batches to the Worker's queue handler; returns the messages that ran out of retries. */
  async deliver(batches: QueuedMessage[][]): Promise<QueuedMessage[]> {
    const exhausted: QueuedMessage[] = [];
    for (const batch of batches) {
      if (batch.length > this.settings.maxBatchSize) throw new Error("a batch larger than max_batch_size");
      this.stats.batches += 1;
      this.stats.messages += batch.length;
      for (const message of await this.#retriedOf(batch)) {
        this.stats.retries += 1;
        if (message.attempts > this.settings.maxRetries) {
          this.stats.exhausted += 1;
          exhausted.push(message);
        } else this.pending.push({ ...message, attempts: message.attempts + 1 });
      }
    }
    return exhausted;
  }

  async #retriedOf(messages: QueuedMessage[]): Promise<QueuedMessage[]> {
    const batch = createMessageBatch<QueueBody>(
      this.settings.queue,
      messages.map(({ id, body, attempts }) => ({ id, body, attempts, timestamp: new Date() })),
    );
    const ctx = createExecutionContext();
    let threw = false;
    try {
      await worker.queue(batch, this.#consumerEnv);
    } catch (error) {
      console.error(`the ${this.settings.queue} handler threw`, error);
      threw = true;
    }
    const result = await getQueueResult(batch, ctx);
    // As the queue does: a handler that throws, or calls retryAll(), gets the whole batch again.
    if (threw || result.retryBatch.retry) return messages;
    const retried = new Set(result.retryMessages.map((message) => message.msgId));
    return messages.filter((message) => retried.has(message.id));
  }
}

/**
 * The first round carries every message twice, as an at-least-once queue may: every tenth with
 * its duplicate in the same batch (two consumers at once), the others once more in a later batch
 * of the round, in a shuffled order (a redelivery after an ack that got lost). Each copy is a
 * message of its own: it is acknowledged or retried on its own.
 */
function firstRound(messages: QueuedMessage[], batchSize: number) {
  const batches: QueuedMessage[][] = [];
  let batch: QueuedMessage[] = [];
  const later: QueuedMessage[] = [];
  let sameBatch = 0;
  for (const [index, message] of messages.entries()) {
    const twin = { ...message, id: `${message.id}-again` };
    const together = index % plan.sameBatchDuplicateEvery === 0;
    const unit = together ? [message, twin] : [message];
    if (together) sameBatch += 1;
    else later.push(twin);
    if (batch.length + unit.length > batchSize) {
      batches.push(batch);
      batch = [];
    }
    batch.push(...unit);
  }
  if (batch.length > 0) batches.push(batch);
  batches.push(...chunks(shuffled(later, plan.seed + 1), batchSize));
  return { batches, redeliveries: { sameBatch, laterBatch: later.length } };
}

async function feedThroughQueues(tenant: Tenant, deliveries: { id: string }[]) {
  // The consumer's own sends land here: dead letters for permanent failures, and fresh messages
  // for deliveries held by quiet hours (none in this tenant).
  const consumerQueue = new ObservedQueue<DeliveryMessage>(env.NOTIFY_QUEUE);
  const consumerDeadQueue = new ObservedQueue<DeadLetterMessage>(env.NOTIFY_DEAD_QUEUE);
  const consumerEnv: Env = { ...env, NOTIFY_QUEUE: consumerQueue, NOTIFY_DEAD_QUEUE: consumerDeadQueue };
  const main = new SimulatedQueue(consumers.deliveries, consumerEnv);
  const dead = new SimulatedQueue(consumers.deadLetters, consumerEnv);

  const initial = deliveries.map(({ id }) => freshMessage({ tenantId: tenant.id, deliveryId: id }));
  const first = firstRound(initial, main.settings.maxBatchSize);
  const counts = {
    rounds: 0,
    deadLettersFromConsumer: 0,
    exhaustedToDeadLetters: 0,
    quietHourResends: 0,
    dropped: 0,
  };
  const perRound: { messages: number; batches: number; retries: number }[] = [];
  let batches = first.batches;
  while (batches.length > 0 || dead.pending.length > 0) {
    counts.rounds += 1;
    const before = { ...main.stats };
    const exhausted = await main.deliver(batches);
    perRound.push({
      messages: main.stats.messages - before.messages,
      batches: main.stats.batches - before.batches,
      retries: main.stats.retries - before.retries,
    });
    const resends = consumerQueue.take();
    const deadLetters = consumerDeadQueue.take();
    counts.quietHourResends += resends.length;
    counts.deadLettersFromConsumer += deadLetters.length;
    counts.exhaustedToDeadLetters += exhausted.length;
    main.pending.push(...resends.map(freshMessage));
    dead.pending.push(...deadLetters.map(freshMessage), ...exhausted.map(({ body }) => freshMessage(body)));
    // The dead-letter queue has no dead-letter queue of its own: what runs out there is dropped.
    counts.dropped += (await dead.deliver(dead.nextBatches())).length;
    batches = main.nextBatches();
  }
  return {
    ...counts,
    forcedRedeliveries: first.redeliveries.sameBatch + first.redeliveries.laterBatch,
    forcedRedeliveriesInSameBatch: first.redeliveries.sameBatch,
    forcedRedeliveriesInLaterBatch: first.redeliveries.laterBatch,
    deliveriesQueue: main.stats,
    perRound,
    deadLetterQueue: dead.stats,
  };
}

/** What the pipeline left behind: the outbox (what was sent) and the state of every delivery. */
async function inspect(
  tenant: Tenant,
  recipients: Recipient[],
  deliveries: { id: string; recipient: Recipient }[],
) {
  const scope = data.scopeIn(tenant.cell, tenant.id);
  const limit = plan.notifications * 2;
  const [rows, outbox, inApp] = await Promise.all([
    scope.list(notificationDeliveries, { limit }),
    scope.list(outboxMessages, { limit }),
    scope.count(notifications),
  ]);
  const profileOf = new Map(deliveries.map(({ id, recipient }) => [id, recipient.profile]));
  const status = { queued: 0, sending: 0, sent: 0, skipped: 0, dead: 0 };
  for (const row of rows) status[row.status] += 1;

  const deadIds = new Set(rows.filter((row) => row.status === "dead").map((row) => row.id));
  const permanentIds = new Set(
    deliveries.filter((d) => d.recipient.profile === "permanent").map((d) => d.id),
  );
  const outboxRecipients = new Set(outbox.map((message) => message.recipient));
  const deliverable = new Set(recipients.filter((r) => r.profile !== "permanent").map((r) => r.email));
  const normal = rows.filter((row) => profileOf.get(row.id) === "normal");
  // Every claim of a delivery is one call to the provider here (nobody turned mail off).
  const providerCalls = rows.reduce((total, row) => total + row.attempts, 0);
  return {
    notifications: inApp,
    deliveries: rows.length,
    status,
    lost: plan.notifications - rows.length + status.queued + status.sending + status.skipped,
    deadAreThePermanentFailures: sameSet(deadIds, permanentIds),
    outboxRows: outbox.length,
    outboxDistinctRecipients: outboxRecipients.size,
    outboxRecipientsAreTheDeliverable: sameSet(outboxRecipients, deliverable),
    providerCalls,
    failedProviderCalls: providerCalls - outbox.length,
    normalDeliveriesSentWithOneProviderCall: normal.every(
      (row) => row.status === "sent" && row.attempts === 1,
    ),
  };
}

type Result = {
  enqueue: Awaited<ReturnType<typeof notifyEach>>["figures"];
  feeding: Awaited<ReturnType<typeof feedThroughQueues>>;
  outcome: Awaited<ReturnType<typeof inspect>>;
};

function report({ enqueue, feeding, outcome }: Result): string {
  const timing = (s: Summary) => `${s.p50} / ${s.p90} / ${s.p99} / ${s.max} ms`;
  const rows: [string, string | number][] = [
    ["notifications", plan.notifications],
    ["injected failures: temporary / permanent", `${plan.temporaryFailures} / ${plan.permanentFailures}`],
    [
      "forced redeliveries fed (same batch / later batch)",
      `${feeding.forcedRedeliveries} (${feeding.forcedRedeliveriesInSameBatch} / ${feeding.forcedRedeliveriesInLaterBatch})`,
    ],
    [
      "queue messages fed / batches",
      `${feeding.deliveriesQueue.messages} / ${feeding.deliveriesQueue.batches}`,
    ],
    [
      "rounds (messages / retried, per round)",
      `${feeding.rounds} (${feeding.perRound.map((r) => `${r.messages} / ${r.retries}`).join(", ")})`,
    ],
    ["retries", feeding.deliveriesQueue.retries],
    [
      "dead-letter messages: from the consumer / out of retries",
      `${feeding.deadLettersFromConsumer} / ${feeding.exhaustedToDeadLetters}`,
    ],
    ["provider calls (failed)", `${outcome.providerCalls} (${outcome.failedProviderCalls})`],
    ["sends (outbox rows)", outcome.outboxRows],
    ["dead letters", outcome.status.dead],
    ["lost", outcome.lost],
    ["enqueue: notify() p50 / p90 / p99 / max", timing(enqueue.notifyMillis)],
    ["enqueue: each D1 read, p50 / p90 / p99 / max", timing(enqueue.d1ReadMillis)],
    ["enqueue: the D1 write batch, p50 / p90 / p99 / max", timing(enqueue.d1WriteMillis)],
    ["enqueue: the queue send, p50 / p90 / p99 / max", timing(enqueue.queueSendMillis)],
    ["enqueue: mean over the whole loop", `${enqueue.meanFromTotalMillis} ms`],
    [
      "local D1 round trip (select 1), p50 / mean",
      `${enqueue.d1RoundTripMillis.p50} / ${enqueue.d1RoundTripMillis.meanFromTotal} ms`,
    ],
    [`enqueue target: ${enqueue.target}`, enqueue.verdict],
  ];
  return [
    "| Notification pipeline | |",
    "| --- | ---: |",
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
  ].join("\n");
}

type Summary = { count: number; p50: number; p90: number; p99: number; max: number; mean: number };

/** Nearest-rank percentiles. */
function summary(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  const mean = sorted.reduce((total, value) => total + value, 0) / Math.max(1, sorted.length);
  return {
    count: sorted.length,
    p50: round(rank(50)),
    p90: round(rank(90)),
    p99: round(rank(99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(mean),
  };
}

function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const found: T[][] = [];
  for (let start = 0; start < items.length; start += size) found.push(items.slice(start, start + size));
  return found;
}

function sameSet<T>(a: Set<T>, b: Set<T>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** A fixed pseudo-random order (Fisher–Yates over mulberry32), the same for the same seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}
