import type { Language } from "../tenants/languages.ts";
import type { Channel, ChannelChoice, NotificationKind } from "./kinds.ts";

/** Who a notification goes to, as far as sending needs to know. */
export type Recipient = {
  id: string;
  displayName: string;
  email: string;
  phone: string | null;
  language: Language;
  timeZone: string;
  status: "invited" | "active" | "disabled";
};

export type NewNotification = {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  link: string;
  createdAt: string;
};

export type NewDelivery = {
  id: string;
  notificationId: string | null;
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  link: string;
  channel: Channel;
  urgent: boolean;
  notBefore: string;
  createdAt: string;
};

export type Delivery = NewDelivery & {
  status: "queued" | "sending" | "sent" | "skipped" | "dead";
  attempts: number;
  batchId: string | null;
  lastError: string | null;
};

/** The request path's side of the pipeline: recipients, their choices, and one atomic write. */
export interface NotificationStore {
  recipients(ids: readonly string[]): Promise<Recipient[]>;
  /** Each person's own choice for this kind, where they made one. */
  preferences(userIds: readonly string[], kind: NotificationKind): Promise<Map<string, ChannelChoice>>;
  save(notifications: NewNotification[], deliveries: NewDelivery[]): Promise<void>;
  /** Every choice one person made, per kind. */
  choicesOf(userId: string): Promise<Map<NotificationKind, ChannelChoice>>;
}

/** What travels on the queue: ids only, never content. */
export type DeliveryMessage = { tenantId: string; deliveryId: string };

export interface DeliveryQueue {
  enqueue(messages: { body: DeliveryMessage; delaySeconds: number }[]): Promise<void>;
}

/** The consumer's side: claiming, finishing and parking deliveries of one tenant. */
export interface DeliveryStore {
  find(id: string): Promise<Delivery | null>;
  /**
   * Atomically moves this delivery, and when it is not urgent every other due, non-urgent one of
   * the same person and channel, from queued to sending under `batchId`. Returns the claimed rows
   * (none if another consumer got there first).
   */
  claim(delivery: Delivery, batchId: string, unsubscribeHash: string, now: Date): Promise<Delivery[]>;
  markSent(batchId: string, providerMessageId: string, now: Date): Promise<void>;
  markSkipped(ids: readonly string[], reason: string): Promise<void>;
  /** Back to queued after a temporary failure; the batch id stays to find the rows again. */
  release(batchId: string, error: string): Promise<void>;
  defer(id: string, notBefore: Date): Promise<void>;
  /** Dead letter: every unfinished row that went out with this delivery; null keeps the last error. */
  markDead(deliveryId: string, error: string | null): Promise<number>;
  displayNames(ids: readonly string[]): Promise<Map<string, string>>;
}

/** A file that goes with a mail: a booking's calendar file, never anything a person wrote. */
export type MailAttachment = {
  filename: string;
  /** With its parameters, e.g. `text/calendar; charset=utf-8; method=PUBLISH`. */
  contentType: string;
  /** The file, base64. */
  content: string;
};

export type OutgoingMail = {
  tenantId: string;
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  attachments?: MailAttachment[];
  /** The same key for every attempt of one batch: the provider sends it once. */
  idempotencyKey: string;
  attempt: number;
};

export type OutgoingSms = {
  tenantId: string;
  to: string;
  from: string;
  text: string;
  idempotencyKey: string;
  attempt: number;
};

export interface MailProvider {
  sendMail(mail: OutgoingMail): Promise<{ id: string }>;
}

export interface SmsProvider {
  sendSms(sms: OutgoingSms): Promise<{ id: string }>;
}

/**
 * A provider's refusal. Temporary failures (rate limit, outage, timeout) are retried with
 * growing delays; permanent ones (invalid address, rejected content) go to the dead letters.
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;

  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = "DeliveryError";
    this.permanent = permanent;
  }
}

/** One line of a mail: what waits, from whom, where. Never the content itself. */
export type MailItem = { kind: NotificationKind; actorName: string | null; url: string };

export type MailContent = {
  recipient: Recipient;
  items: MailItem[];
  /** One link per optional kind in this mail; none for account mail. */
  unsubscribe: { kind: NotificationKind; url: string }[];
  preferencesUrl: string;
};

export type RenderedMail = { subject: string; html: string; text: string };

/**
 * Makes the link of a mail whose kind carries a secret (an invitation): the stored link names
 * the object, the secret is made at sending time. Null when the object no longer takes one.
 */
export interface SecretLinks {
  issue(delivery: Delivery, now: Date): Promise<string | null>;
}

/**
 * The files a mail carries, made when it is sent from the deliveries it claimed (the calendar
 * file of each booking it is about). Most kinds have none; the queue still carries only ids.
 */
export interface MailAttachments {
  for(recipient: Recipient, deliveries: readonly Delivery[], now: Date): Promise<MailAttachment[]>;
}

export interface MessageRenderer {
  mail(content: MailContent): Promise<RenderedMail>;
  sms(content: MailContent): string;
}
