import type { DeliverDeps } from "../../../core/kernel/notifications/deliver.ts";
import { notify, type NotifyRequest, type NotifyResult } from "../../../core/kernel/notifications/notify.ts";
import type {
  Delivery,
  DeliveryMessage,
  DeliveryQueue,
  MailAttachments,
} from "../../../core/kernel/notifications/ports.ts";
import { subdomainOrigin } from "../../../core/kernel/tenants/hosts.ts";
import type { Tenant } from "../../../core/kernel/tenants/tenant.ts";
import { issueLink } from "../../../core/kernel/auth/invitations.ts";
import { issueResetLink } from "../../../core/kernel/auth/password-reset.ts";
import { D1PasswordResetStore } from "../../../db/kernel/identity/password-reset-store.ts";
import { D1DeliveryStore } from "../../../db/kernel/notifications/delivery-store.ts";
import { D1InvitationStore } from "../../../db/kernel/identity/invitation-store.ts";
import { D1NotificationStore } from "../../../db/kernel/notifications/notification-store.ts";
import { D1Outbox } from "../../../db/kernel/notifications/outbox.ts";
import type { TenantScope } from "../../../db/kernel/scope.ts";
import type { PlatformData } from "../../../db/kernel/platform.ts";
import { messageRenderer } from "../../../web/kernel/mail/render.server.ts";
import type { Config, Env } from "../../env.ts";
import { capabilityMailAttachments } from "../../capabilities.ts";
import { ResendMail } from "./resend.ts";
import { TwilioSms } from "./twilio.ts";

/** Cloudflare Queues take at most 100 messages per sendBatch call. */
export class CloudflareDeliveryQueue implements DeliveryQueue {
  readonly #queue: Queue<DeliveryMessage>;

  constructor(queue: Queue<DeliveryMessage>) {
    this.#queue = queue;
  }

  async enqueue(messages: { body: DeliveryMessage; delaySeconds: number }[]): Promise<void> {
    for (let start = 0; start < messages.length; start += 100) {
      await this.#queue.sendBatch(
        messages.slice(start, start + 100).map(({ body, delaySeconds }) => ({ body, delaySeconds })),
      );
    }
  }
}

/** The tenant's `notify(...)`, for loaders, actions and API handlers. */
export function notifierFor(env: Env, scope: TenantScope, tenant: Tenant) {
  const deps = {
    tenantId: tenant.id,
    store: new D1NotificationStore(scope),
    queue: new CloudflareDeliveryQueue(env.NOTIFY_QUEUE),
    settings: tenant.settings.notifications,
    features: tenant.features,
    now: () => new Date(),
  };
  return (request: NotifyRequest): Promise<NotifyResult> => notify(deps, request);
}

/**
 * Where a tenant's links point. In production a tenant with its own domain is reached there;
 * otherwise (and always locally, where custom domains do not resolve) on its subdomain of the
 * platform origin.
 */
export async function tenantOrigin(tenant: Tenant, config: Config, data: PlatformData): Promise<string> {
  if (config.ENVIRONMENT === "production") {
    const [custom] = await data.control.hostnamesOf(tenant.id);
    if (custom) return `https://${custom}`;
  }
  return subdomainOrigin(tenant.slug, config.PLATFORM_ORIGIN);
}

/**
 * The secret links of account mail: the stored link names the object (/invitation/<id>,
 * /password-reset/<id>); the secret is made here, when the mail is sent.
 */
function secretLinkOf(scope: TenantScope, delivery: Delivery, now: Date): Promise<string | null> {
  const [, kind, id = ""] = delivery.link.split("/");
  if (kind === "invitation") return issueLink(new D1InvitationStore(scope), id, now);
  if (kind === "password-reset") return issueResetLink(new D1PasswordResetStore(scope), id, now);
  return Promise.resolve(null);
}

/** Everything the queue consumer needs to send one tenant's deliveries. */
export async function deliveryDepsFor(
  env: Env,
  config: Config,
  data: PlatformData,
  tenant: Tenant,
): Promise<DeliverDeps> {
  const scope = data.scopeIn(tenant.cell, tenant.id);
  const origin = await tenantOrigin(tenant, config, data);
  const outbox = new D1Outbox(scope);
  return {
    notifications: new D1NotificationStore(scope),
    deliveries: new D1DeliveryStore(scope),
    settings: tenant.settings.notifications,
    renderer: messageRenderer(tenant, origin),
    secretLinks: { issue: (delivery, now) => secretLinkOf(scope, delivery, now) },
    attachments: allOf(capabilityMailAttachments.map((of) => of(scope, tenant, origin, config.MAIL_FROM))),
    mail:
      config.MAIL_PROVIDER === "resend" && env.RESEND_API_KEY ? new ResendMail(env.RESEND_API_KEY) : outbox,
    sms:
      config.SMS_PROVIDER === "twilio" && env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
        ? new TwilioSms(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN)
        : outbox,
    tenant: { id: tenant.id, name: tenant.name, origin },
    senders: { mail: config.MAIL_FROM, sms: config.SMS_FROM },
    now: () => new Date(),
  };
}

/** One mail's files from every capability that puts some in it, in the order they are registered. */
function allOf(parts: readonly MailAttachments[]): MailAttachments {
  return {
    async for(recipient, deliveries, now) {
      return (await Promise.all(parts.map((part) => part.for(recipient, deliveries, now)))).flat();
    },
  };
}
