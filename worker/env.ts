import { z } from "zod";
import { cellsOf, type Cells } from "../db/kernel/cells.ts";
import type { DeliveryMessage } from "../core/kernel/notifications/ports.ts";
import type { ChatRoom } from "./messaging/chat/chat-room.ts";
import type { RateLimiter } from "./kernel/rate-limiter.ts";
import type { StaffCalendar } from "./booking/staff-calendar.ts";
import type { DeadLetterMessage } from "./kernel/notifications/consumer.ts";

/** Bindings and variables declared in wrangler.toml. Cells are TENANT_DB_<n>, as many as configured. */
export type Env = {
  CONTROL_DB: D1Database;
  UPLOADS: R2Bucket;
  RATE_LIMITER: DurableObjectNamespace<RateLimiter>;
  /** One calendar per staff member: every booking of that person passes through it. */
  STAFF_CALENDAR: DurableObjectNamespace<StaffCalendar>;
  /** One live room per conversation (ADR 0016). */
  CHAT_ROOM: DurableObjectNamespace<ChatRoom>;
  /** Notification deliveries (ids only) and the ones that failed for good. */
  NOTIFY_QUEUE: Queue<DeliveryMessage>;
  NOTIFY_DEAD_QUEUE: Queue<DeadLetterMessage>;
  PLATFORM_DOMAIN: string;
  PLATFORM_ORIGIN: string;
  ENVIRONMENT: string;
  MAIL_PROVIDER: string;
  MAIL_FROM: string;
  SMS_PROVIDER: string;
  SMS_FROM: string;
  /** Secrets, set with `wrangler secret put` where the provider is used. */
  RESEND_API_KEY?: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  // The two cells every environment has; more may be added as TENANT_DB_<n>.
  TENANT_DB_1: D1Database;
  TENANT_DB_2: D1Database;
  [cell: `TENANT_DB_${number}`]: D1Database | undefined;
};

const variablesSchema = z.object({
  PLATFORM_DOMAIN: z
    .string()
    .min(1)
    .regex(/^[a-z0-9.-]+$/, "PLATFORM_DOMAIN must be a lower-case host name without port"),
  PLATFORM_ORIGIN: z
    .url({
      protocol: /^https?$/,
      message: "PLATFORM_ORIGIN is the platform's origin, like https://portaal.app",
    })
    .transform((value) => new URL(value).origin),
  ENVIRONMENT: z.enum(["development", "test", "production"]),
  MAIL_PROVIDER: z.enum(["outbox", "resend"]),
  MAIL_FROM: z.email({ message: "MAIL_FROM is the sending address, like noreply@portaal.app" }),
  SMS_PROVIDER: z.enum(["outbox", "twilio"]),
  SMS_FROM: z.string().regex(/^(\+[1-9][0-9]{6,14}|[A-Za-z0-9]{1,11})$/, {
    message: "SMS_FROM is an E.164 number or an alphanumeric sender of at most 11 characters",
  }),
  RESEND_API_KEY: z.string().min(1).optional(),
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
});

// The local outbox keeps mail inside the platform: fine for development and tests, never for production.
const providerRules = variablesSchema
  .refine(
    (v) => v.ENVIRONMENT !== "production" || (v.MAIL_PROVIDER !== "outbox" && v.SMS_PROVIDER !== "outbox"),
    {
      message: "production sends through real providers, not the local outbox",
    },
  )
  .refine((v) => v.MAIL_PROVIDER !== "resend" || v.RESEND_API_KEY, {
    message: "MAIL_PROVIDER=resend needs RESEND_API_KEY",
  })
  .refine((v) => v.SMS_PROVIDER !== "twilio" || (v.TWILIO_ACCOUNT_SID && v.TWILIO_AUTH_TOKEN), {
    message: "SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN",
  });

export type Config = z.infer<typeof variablesSchema> & { cells: Cells };

const parsed = new WeakMap<object, Config>();

/**
 * Checks the Worker's configuration once per isolate (env is the same object for every request
 * of an isolate) and fails loudly on a missing binding rather than deep inside a request.
 */
export function configOf(env: Env): Config {
  const known = parsed.get(env);
  if (known) return known;
  const variables = providerRules.parse(env);
  const missing = (
    [
      "CONTROL_DB",
      "UPLOADS",
      "RATE_LIMITER",
      "STAFF_CALENDAR",
      "CHAT_ROOM",
      "NOTIFY_QUEUE",
      "NOTIFY_DEAD_QUEUE",
    ] as const
  ).filter((name) => !env[name]);
  const cells = cellsOf(env);
  if (missing.length > 0 || cells.size === 0) {
    throw new Error(`Missing bindings: ${[...missing, ...(cells.size ? [] : ["TENANT_DB_<n>"])].join(", ")}`);
  }
  const config = { ...variables, cells };
  parsed.set(env, config);
  return config;
}
