import { defineConfig } from "vitest/config";
import { unstable_readConfig } from "wrangler";
import { workerdBenchConfig } from "../lib/workerd-config.ts";

/** How a queue hands messages to its consumer, as wrangler.toml sets it (Cloudflare's defaults otherwise). */
export type QueueConsumerSettings = {
  queue: string;
  maxBatchSize: number;
  maxRetries: number;
  deadLetterQueue: string | null;
};

/** The part of wrangler.toml read here (wrangler's own type for it does not resolve in this install). */
type QueuesSection = {
  producers?: { binding: string; queue: string }[];
  consumers?: { queue: string; max_batch_size?: number; max_retries?: number; dead_letter_queue?: string }[];
};

const wrangler: { queues: QueuesSection } = unstable_readConfig({ config: "wrangler.toml" });

function consumerOf(binding: string): QueueConsumerSettings {
  const queue = wrangler.queues.producers?.find((producer) => producer.binding === binding)?.queue;
  const consumer = wrangler.queues.consumers?.find((candidate) => candidate.queue === queue);
  if (!queue || !consumer) throw new Error(`wrangler.toml has no consumer for the queue of ${binding}`);
  return {
    queue,
    maxBatchSize: consumer.max_batch_size ?? 10,
    maxRetries: consumer.max_retries ?? 3,
    deadLetterQueue: consumer.dead_letter_queue ?? null,
  };
}

// The notification benchmark (bench/README.md), kept out of the test suite: the same workerd, real
// D1 and migrations as vitest.config.ts, but the benchmark plays the queues itself.
//
// The local queues of the test pool have consumers (wrangler.toml) and would deliver every message
// on their own, in the same isolate, within a second, racing the benchmark's batches and its timing
// of notify(). So both producer bindings here point at queues nobody consumes: sending still costs
// what it costs, and only the benchmark decides which message comes when and how often.
export default defineConfig(() =>
  workerdBenchConfig({
    include: "bench/notifications/**/*.bench-run.ts",
    bindings: {
      BENCH_QUEUE_CONSUMERS: {
        deliveries: consumerOf("NOTIFY_QUEUE"),
        deadLetters: consumerOf("NOTIFY_DEAD_QUEUE"),
      },
    },
    queueProducers: {
      NOTIFY_QUEUE: { queueName: "bench-unconsumed-notify" },
      NOTIFY_DEAD_QUEUE: { queueName: "bench-unconsumed-notify-dead" },
    },
  }),
);
