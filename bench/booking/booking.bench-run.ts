import { env } from "cloudflare:workers";
import { and, eq, gte, lt } from "drizzle-orm";
import { expect, it } from "vitest";
import { blockedTime, overlaps, type AppointmentLength } from "../../core/booking/availability.ts";
import { addDays, inZone, instantOf } from "../../core/booking/zoned.ts";
import { bookings } from "../../db/booking/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { DurableStaffCalendars } from "../../worker/booking/staff-calendars.ts";
import { bookableStaff, bookingAt } from "../../worker/booking/testing.ts";
import { addUser, createTenant } from "../../worker/kernel/testing/fixtures.ts";

/**
 * Double bookings under a crowd (`npm run bench:booking`, see bench/README.md). Each trial sends
 * 200 booking attempts at once for one staff member's morning: the same hour, and overlapping
 * slots of other lengths. Through the calendar (Durable Object and guarded insert) exactly one
 * may win. Beside it, the same crowd goes through a naive check-then-insert built only here,
 * which shows what the calendar prevents. Then single bookings, one after the other, give the
 * latency of one booking.
 */

const plan = {
  trials: Number((env as unknown as { BOOKING_TRIALS?: number }).BOOKING_TRIALS ?? 100),
  attemptsPerTrial: 200,
  latencySamples: 200,
};
const targets = { successesPerTrial: 1, latencyP99Millis: 25 };

const lengths: Record<string, AppointmentLength> = {
  hour: { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15 },
  half: { durationMinutes: 30, bufferBeforeMinutes: 10, bufferAfterMinutes: 0 },
  long: { durationMinutes: 90, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
};
/** The crowd's choices: every one overlaps every other. */
const choices = [
  { type: "hour", time: "10:00" },
  { type: "half", time: "10:30" },
  { type: "long", time: "09:30" },
  { type: "hour", time: "10:00" },
];

const zone = "Europe/Amsterdam";
const at = (days: number, time: string) =>
  instantOf(addDays(inZone(new Date(), zone).date, days), time, zone).toISOString();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[index]! * 100) / 100;
}

it(
  "gives every contested morning to exactly one booking",
  async () => {
    const tenant = await createTenant("bench-booking", "TENANT_DB_1");
    const scope = platformData(env).scopeIn(tenant.cell, tenant.id);
    const calendars = new DurableStaffCalendars(env.STAFF_CALENDAR, tenant);
    const staff = await addUser(tenant, { email: "coach@bench-booking.test", role: "staff" });
    const naiveStaff = await addUser(tenant, { email: "naive@bench-booking.test", role: "staff" });
    const types = await bookableStaff(scope, staff, lengths);

    const calendarWins: number[] = [];
    const naiveWins: number[] = [];
    const trialMillis: number[] = [];
    for (let trial = 0; trial < plan.trials; trial++) {
      const day = trial + 1;
      const attempts = Array.from(
        { length: plan.attemptsPerTrial },
        (_, index) => choices[index % choices.length]!,
      );

      const started = performance.now();
      const outcomes = await Promise.all(
        attempts.map((choice, index) => {
          const client = `usr_bench_${trial}_${index}`;
          return calendars.createBooking({
            staffUserId: staff,
            clientUserId: client,
            actorUserId: client,
            appointmentTypeId: types[choice.type]!,
            startsAt: at(day, choice.time),
            idempotencyKey: crypto.randomUUID(),
          });
        }),
      );
      trialMillis.push(performance.now() - started);
      calendarWins.push(outcomes.filter((outcome) => outcome.ok).length);

      // The naive path: read the staff member's bookings, and insert if nothing overlaps.
      const naive = await Promise.all(
        attempts.map(async (choice) => {
          const candidate = blockedTime(lengths[choice.type]!, new Date(at(day, choice.time)));
          const busy = await scope.list(bookings, {
            where: and(
              eq(bookings.staffUserId, naiveStaff),
              gte(bookings.startsAt, at(day, "00:00")),
              lt(bookings.startsAt, at(day + 1, "00:00")),
            ),
          });
          if (busy.some((booking) => overlaps(candidate, booking))) return false;
          await scope.insert(bookings, bookingAt(naiveStaff, candidate.startsAt, lengths[choice.type]!));
          return true;
        }),
      );
      naiveWins.push(naive.filter(Boolean).length);
    }

    // Latency of one uncontested booking, one request at a time: ten a day, 90 minutes apart
    // from 06:00, so every hour and its buffer fit in the day.
    const latency: number[] = [];
    for (let sample = 0; sample < plan.latencySamples; sample++) {
      const day = plan.trials + 2 + Math.floor(sample / 10);
      const startsAt = new Date(new Date(at(day, "06:00")).getTime() + (sample % 10) * 90 * 60_000);
      const started = performance.now();
      const outcome = await calendars.createBooking({
        staffUserId: staff,
        clientUserId: "usr_bench_latency",
        actorUserId: "usr_bench_latency",
        appointmentTypeId: types.hour!,
        startsAt: startsAt.toISOString(),
        idempotencyKey: crypto.randomUUID(),
      });
      latency.push(performance.now() - started);
      expect(outcome.ok).toBe(true);
    }

    const exactlyOne = calendarWins.filter((wins) => wins === targets.successesPerTrial).length;
    const result = {
      plan,
      targets,
      calendar: {
        trialsWithExactlyOneSuccess: exactlyOne,
        successesPerTrial: { min: Math.min(...calendarWins), max: Math.max(...calendarWins) },
        trialMillis: { p50: percentile(trialMillis, 50), p99: percentile(trialMillis, 99) },
      },
      naive: {
        trialsWithDoubleBookings: naiveWins.filter((wins) => wins > 1).length,
        successesPerTrial: { min: Math.min(...naiveWins), max: Math.max(...naiveWins) },
      },
      bookingLatencyMillis: { p50: percentile(latency, 50), p99: percentile(latency, 99) },
    };
    const { calendar, naive, bookingLatencyMillis } = result;
    console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
    console.log(
      [
        `Calendar: ${exactlyOne}/${plan.trials} trials with exactly one booking (min ${calendar.successesPerTrial.min}, max ${calendar.successesPerTrial.max}); ${plan.attemptsPerTrial} attempts take p50 ${calendar.trialMillis.p50} ms`,
        `Naive check-then-insert: ${naive.trialsWithDoubleBookings}/${plan.trials} trials with double bookings (successes min ${naive.successesPerTrial.min}, max ${naive.successesPerTrial.max})`,
        `One booking: p50 ${bookingLatencyMillis.p50} ms, p99 ${bookingLatencyMillis.p99} ms (target p99 < ${targets.latencyP99Millis} ms: ${bookingLatencyMillis.p99 < targets.latencyP99Millis ? "PASS" : "MISS"})`,
      ].join("\n"),
    );
    expect(calendarWins.every((wins) => wins === 1)).toBe(true);
    // A hundred trials of 200 attempts take longer than the bench's usual ten minutes on a busy machine.
  },
  60 * 60_000,
);
