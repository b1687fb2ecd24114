import type { MessagingDeps } from "../../../core/messaging/conversation.ts";
import type { Tenant } from "../../../core/kernel/tenants/tenant.ts";
import { D1AuditLog } from "../../../db/kernel/audit-log.ts";
import { D1CareTeamStore } from "../../../db/kernel/care-team-store.ts";
import { D1FileStore } from "../../../db/kernel/files/file-store.ts";
import type { TenantScope } from "../../../db/kernel/scope.ts";
import type { Env } from "../../env.ts";
import { notifierFor } from "../../kernel/notifications/pipeline.ts";

/** How messages are written and sent on live: through the chat room, or in it. */
export type MessageDoor = Pick<MessagingDeps, "store" | "live">;

/**
 * What the messaging core uses of a tenant, on its cell, and nothing else: pages and the API get
 * it per request (worker/messaging/services.ts), a chat room once per tenant settings, without the
 * per-request services of every other capability. Each brings its own door for writing a message.
 */
export function messagingOn(env: Env, scope: TenantScope, tenant: Tenant, door: MessageDoor): MessagingDeps {
  return {
    ...door,
    careTeams: new D1CareTeamStore(scope),
    files: new D1FileStore(scope),
    audit: new D1AuditLog(scope),
    notify: notifierFor(env, scope, tenant),
    settings: tenant.settings.messaging,
    now: () => new Date(),
  };
}
