import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import type { MessagingDeps } from "../../core/messaging/conversation.ts";

/** Messaging's part of what pages may use, built per request by `worker/messaging/services.ts`. */
export type MessagingServices = {
  /** Conversations and messages (core/messaging/conversation.ts). */
  messagingFor(tenant: Tenant): MessagingDeps;
};
