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
import { DurableAttemptLimiter } from "./kernel/auth/attempt-limiter.ts";
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
import { D1BookingRecords } from "../db/booking/records.ts";
import { D1WaitlistStore } from "../db/booking/waitlist-store.ts";
import { DurableStaffCalendars } from "./booking/staff-calendars.ts";
import { D1CalendarFeedStore } from "../db/booking/calendar-feed-store.ts";
import { D1BookingSetupStore } from "../db/booking/setup-store.ts";
import { D1FileStore } from "../db/kernel/files/file-store.ts";
import { R2Storage } from "./kernel/files/r2-storage.ts";
import { D1DocumentStore } from "../db/documents/store.ts";
import { D1AssignmentStore } from "../db/assignments/store.ts";
import { messagingOn } from "./messaging/chat/messaging-deps.ts";
import { announcedWhenWritten, roomWrittenStore } from "./messaging/chat/room-written-store.ts";
import { D1GoalStore } from "../db/goals/store.ts";
import type { PageServices } from "../web/load-context.ts";
import type { Notifications } from "../web/kernel/services.ts";

/** Everything a request may use, built once per request from the validated configuration. */
export type Services = PageServices & {
  config: Config;
  uploads: R2Bucket;
};

export function buildServices(env: Env, config: Config): Services {
  const data = platformData(env);
  const notificationsFor = (tenant: Tenant): Notifications => {
    const scope = data.scopeIn(tenant.cell, tenant.id);
    return {
      notify: notifierFor(env, scope, tenant),
      inbox: new D1Inbox(scope),
      deliveries: new D1DeliveryStore(scope),
      queue: new CloudflareDeliveryQueue(env.NOTIFY_QUEUE),
      outbox:
        config.MAIL_PROVIDER === "outbox" && config.ENVIRONMENT !== "production" ? new D1Outbox(scope) : null,
    };
  };
  const services: Services = {
    ...data,
    config,
    uploads: env.UPLOADS,
    notificationsFor,
    operationsFor(operatorTenant) {
      return {
        ...data,
        platformDomain: config.PLATFORM_DOMAIN,
        audit: new D1AuditLog(data.scopeIn(operatorTenant.cell, operatorTenant.id)),
        invitationsFor: (tenant) => services.invitationsFor(tenant).deps,
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
    bookingFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      return {
        calendars: new DurableStaffCalendars(env.STAFF_CALENDAR, tenant),
        records: new D1BookingRecords(scope),
        careTeams: new D1CareTeamStore(scope),
        waitlist: new D1WaitlistStore(scope),
        audit: new D1AuditLog(scope),
        notify: notificationsFor(tenant).notify,
        settings: tenant.settings.booking,
        now: () => new Date(),
      };
    },
    calendarFeedsFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      return {
        feeds: new D1CalendarFeedStore(scope),
        events: new D1BookingRecords(scope),
        audit: new D1AuditLog(scope),
        limiter: new DurableAttemptLimiter(env.RATE_LIMITER, tenant.id),
        now: () => new Date(),
      };
    },
    bookingSetupFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      return {
        store: new D1BookingSetupStore(scope),
        audit: new D1AuditLog(scope),
        settings: data.settingsIn(tenant.cell),
        tenantId: tenant.id,
        now: () => new Date(),
      };
    },
    filesFor(tenant) {
      return {
        store: new D1FileStore(data.scopeIn(tenant.cell, tenant.id)),
        storage: new R2Storage(env.UPLOADS),
        settings: tenant.settings.files,
        tenantId: tenant.id,
        now: () => new Date(),
      };
    },
    documentsFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      return {
        documents: new D1DocumentStore(scope),
        files: services.filesFor(tenant),
        careTeams: new D1CareTeamStore(scope),
        audit: new D1AuditLog(scope),
        notify: notificationsFor(tenant).notify,
        now: () => new Date(),
      };
    },
    assignmentsFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      return {
        store: new D1AssignmentStore(scope),
        files: new D1FileStore(scope),
        audit: new D1AuditLog(scope),
        notify: notificationsFor(tenant).notify,
        now: () => new Date(),
      };
    },
    messagingFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      return messagingOn(env, scope, tenant, {
        store: roomWrittenStore(scope, env.CHAT_ROOM, tenant.cell),
        live: announcedWhenWritten,
      });
    },
    goalsFor(tenant) {
      const scope = data.scopeIn(tenant.cell, tenant.id);
      return {
        goals: new D1GoalStore(scope),
        people: new D1AccountStore(scope),
        careTeams: new D1CareTeamStore(scope),
        audit: new D1AuditLog(scope),
        notify: notificationsFor(tenant).notify,
        settings: tenant.settings.goals,
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
        timeouts: {
          idleMinutes: tenant.settings.sessionIdleMinutes,
          absoluteHours: tenant.settings.sessionAbsoluteHours,
        },
        now: () => new Date(),
      };
    },
  };
  return services;
}
