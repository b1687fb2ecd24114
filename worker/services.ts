import { D1PasswordResetStore } from "../db/kernel/identity/password-reset-store.ts";
import type { Tenant } from "../core/kernel/tenants/tenant.ts";
import { D1AccountStore } from "../db/kernel/identity/account-store.ts";
import { D1AuditLog } from "../db/kernel/audit-log.ts";
import { D1SessionStore } from "../db/kernel/identity/session-store.ts";
import { D1SecondFactorStore } from "../db/kernel/identity/second-factor-store.ts";
import { D1ChallengeStore } from "../db/kernel/identity/challenge-store.ts";
import { D1ApiKeyStore } from "../db/kernel/identity/api-key-store.ts";
import { D1PasskeyStore } from "../db/kernel/identity/passkey-store.ts";
import { platformData } from "../db/kernel/platform.ts";
import { DurableAttemptLimiter, DurableKnownDevices } from "./kernel/auth/attempt-limiter.ts";
import type { Config, Env } from "./env.ts";
import { D1DeliveryStore } from "../db/kernel/notifications/delivery-store.ts";
import { D1Inbox } from "../db/kernel/notifications/inbox-store.ts";
import { D1InvitationStore } from "../db/kernel/identity/invitation-store.ts";
import { D1Outbox } from "../db/kernel/notifications/outbox.ts";
import { CloudflareDeliveryQueue, notifierFor } from "./kernel/notifications/pipeline.ts";
import { D1OrganisationStore } from "../db/kernel/organisation-store.ts";
import { D1CareTeamStore } from "../db/kernel/care-team-store.ts";
import { rolesGrantableIn } from "../core/kernel/tenants/operator.ts";
import { forgetHosts } from "./kernel/middleware/site.ts";
import { D1FileStore } from "../db/kernel/files/file-store.ts";
import { R2Storage } from "./kernel/files/r2-storage.ts";
import type { PageServices } from "../web/load-context.ts";
import type { KernelServices, Notifications } from "../web/kernel/services.ts";
import type { FilesDeps } from "../core/kernel/files/uploads.ts";
import { mergeDeclared } from "../core/kernel/capability.ts";
import { capabilityServices, type KernelOffer } from "./capabilities.ts";

/** What the Worker's own code uses beyond what pages may. */
type WorkerOnly = { config: Config; uploads: R2Bucket };

/** Everything a request may use, built once per request from the validated configuration. */
export type Services = PageServices & WorkerOnly;

/**
 * The kernel's services, then each registered capability's (`worker/capabilities.ts`), built from
 * what the kernel offers; a service named twice fails at once rather than hide the other.
 */
export function buildServices(env: Env, config: Config): Services {
  const data = platformData(env);
  const now = () => new Date();
  const notificationsFor = (tenant: Tenant): Notifications => {
    const scope = data.scopeIn(tenant.cell, tenant.id);
    return {
      notify: notifierFor(env, scope, tenant),
      inbox: new D1Inbox(scope),
      deliveries: new D1DeliveryStore(scope),
      queue: new CloudflareDeliveryQueue(env.NOTIFY_QUEUE),
      // Anyone who can reach a host could read its outbox: its pages exist on a development server only.
      outbox: config.ENVIRONMENT === "development" ? new D1Outbox(scope) : null,
    };
  };
  const filesFor = (tenant: Tenant): FilesDeps => ({
    store: new D1FileStore(data.scopeIn(tenant.cell, tenant.id)),
    storage: new R2Storage(env.UPLOADS),
    settings: tenant.settings.files,
    tenantId: tenant.id,
    now,
  });
  const kernel: KernelServices & WorkerOnly = {
    ...data,
    config,
    uploads: env.UPLOADS,
    notificationsFor,
    filesFor,
    operationsFor(operatorTenant) {
      return {
        ...data,
        platformDomain: config.PLATFORM_DOMAIN,
        audit: new D1AuditLog(data.scopeIn(operatorTenant.cell, operatorTenant.id)),
        invitationsFor: (tenant) => kernel.invitationsFor(tenant).deps,
        forgetHosts,
      };
    },
    invitationsFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      const store = new D1InvitationStore(scope);
      return {
        store,
        deps: {
          invitations: store,
          grantableRoles: rolesGrantableIn(tenant),
          audit: new D1AuditLog(scope),
          notify: notificationsFor(tenant).notify,
          now: () => new Date(),
        },
      };
    },
    clientsFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      return {
        organisations: new D1OrganisationStore(scope),
        careTeams: new D1CareTeamStore(scope),
        audit: new D1AuditLog(scope),
        now: () => new Date(),
      };
    },
    identityFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      const notify = notificationsFor(tenant).notify;
      const accounts = new D1AccountStore(scope);
      return {
        resets: new D1PasswordResetStore(scope),
        notify,
        alertNewDevice: async (accountId) => {
          await notify({
            kind: "new-sign-in",
            recipients: [accountId],
            actorId: null,
            link: "/account",
          });
        },
        accounts,
        users: accounts,
        grantableRoles: rolesGrantableIn(tenant),
        factors: new D1SecondFactorStore(scope),
        passkeys: new D1PasskeyStore(scope),
        challenges: new D1ChallengeStore(scope),
        secondFactorRequired: (account) => tenant.settings.secondFactor.required.includes(account.role),
        sessions: new D1SessionStore(scope),
        apiKeys: new D1ApiKeyStore(scope),
        audit: new D1AuditLog(scope),
        limiter: new DurableAttemptLimiter(env.RATE_LIMITER, tenant.id),
        devices: new DurableKnownDevices(env.RATE_LIMITER, tenant.id),
        timeouts: {
          idleMinutes: tenant.settings.sessionIdleMinutes,
          absoluteHours: tenant.settings.sessionAbsoluteHours,
        },
        now: () => new Date(),
      };
    },
  };
  const offer: KernelOffer = { env, data, notificationsFor, filesFor, now };
  return mergeDeclared("Service", [kernel, ...capabilityServices.map((build) => build(offer))]);
}
