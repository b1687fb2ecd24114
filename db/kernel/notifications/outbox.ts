import { desc, eq } from "drizzle-orm";
import { newId } from "../../../core/kernel/ids.ts";
import {
  DeliveryError,
  type MailProvider,
  type OutgoingMail,
  type OutgoingSms,
  type SmsProvider,
} from "../../../core/kernel/notifications/ports.ts";
import { outboxMessages } from "../schema.ts";
import type { TenantScope } from "../scope.ts";

export type OutboxMessage = typeof outboxMessages.$inferSelect;

/**
 * Test addresses, as real providers offer them: mail to anyone at bounce.test is refused for good,
 * mail to anyone at flaky.test fails the first two attempts and then goes out. They let the
 * tests and the benchmark exercise retries and dead letters through the real pipeline.
 */
function simulateProvider(recipient: string, attempt: number): void {
  const domain = recipient.slice(recipient.lastIndexOf("@") + 1).toLowerCase();
  if (domain === "bounce.test") throw new DeliveryError("recipient refused (bounce.test)", true);
  if (domain === "flaky.test" && attempt <= 2)
    throw new DeliveryError("provider unavailable (flaky.test)", false);
}

/**
 * The local outbox: mail and SMS are stored in the tenant's cell instead of leaving, and a
 * developer reads them at /dev/outbox. Like a real provider it sends once per idempotency key.
 */
export class D1Outbox implements MailProvider, SmsProvider {
  readonly #scope: TenantScope;

  constructor(scope: TenantScope) {
    this.#scope = scope;
  }

  sendMail(mail: OutgoingMail): Promise<{ id: string }> {
    simulateProvider(mail.to, mail.attempt);
    return this.#store({
      channel: "mail",
      idempotencyKey: mail.idempotencyKey,
      recipient: mail.to,
      sender: mail.from,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
      attachments: mail.attachments?.length ? mail.attachments : null,
    });
  }

  sendSms(sms: OutgoingSms): Promise<{ id: string }> {
    return this.#store({
      channel: "sms",
      idempotencyKey: sms.idempotencyKey,
      recipient: sms.to,
      sender: sms.from,
      subject: null,
      html: null,
      text: sms.text,
      headers: null,
      attachments: null,
    });
  }

  async #store(message: Omit<OutboxMessage, "id" | "tenantId" | "createdAt">): Promise<{ id: string }> {
    await this.#scope
      .insert(outboxMessages, { ...message, id: newId("outbox"), createdAt: new Date().toISOString() })
      .onConflictDoNothing({ target: outboxMessages.idempotencyKey });
    const stored = await this.#scope.findOne(
      outboxMessages,
      eq(outboxMessages.idempotencyKey, message.idempotencyKey),
    );
    if (!stored) throw new DeliveryError("outbox write lost", false);
    return { id: stored.id };
  }

  list(limit = 50): Promise<OutboxMessage[]> {
    return this.#scope.list(outboxMessages, { orderBy: desc(outboxMessages.createdAt), limit });
  }

  async find(id: string): Promise<OutboxMessage | null> {
    return (await this.#scope.findById(outboxMessages, id)) ?? null;
  }
}
