import type { ApiKeyDeps } from "../../core/kernel/auth/api-keys.ts";
import type { InviteDeps } from "../../core/kernel/auth/invitations.ts";
import type { LoginDeps } from "../../core/kernel/auth/login.ts";
import type { PasskeyDeps } from "../../core/kernel/auth/passkeys.ts";
import type { RequestResetDeps } from "../../core/kernel/auth/password-reset.ts";
import type { TotpEnrolmentDeps } from "../../core/kernel/auth/totp-enrolment.ts";
import type { UserAdminDeps } from "../../core/kernel/auth/user-admin.ts";
import type { FilesDeps } from "../../core/kernel/files/uploads.ts";
import type { NotifyRequest, NotifyResult } from "../../core/kernel/notifications/notify.ts";
import type { DeliveryQueue } from "../../core/kernel/notifications/ports.ts";
import type { OrganisationDeps } from "../../core/kernel/organisations/organisations.ts";
import type { OperatorDeps } from "../../core/kernel/tenants/operations.ts";
import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import type { D1CareTeamStore } from "../../db/kernel/care-team-store.ts";
import type { D1AccountStore } from "../../db/kernel/identity/account-store.ts";
import type { D1InvitationStore } from "../../db/kernel/identity/invitation-store.ts";
import type { D1PasskeyStore } from "../../db/kernel/identity/passkey-store.ts";
import type { D1SecondFactorStore } from "../../db/kernel/identity/second-factor-store.ts";
import type { D1DeliveryStore } from "../../db/kernel/notifications/delivery-store.ts";
import type { D1Inbox } from "../../db/kernel/notifications/inbox-store.ts";
import type { D1Outbox } from "../../db/kernel/notifications/outbox.ts";
import type { D1OrganisationStore } from "../../db/kernel/organisation-store.ts";
import type { PlatformData } from "../../db/kernel/platform.ts";

/** Accounts, sessions, API keys, password resets, audit log and guess limits of one tenant. */
export type Identity = LoginDeps &
  RequestResetDeps &
  UserAdminDeps &
  TotpEnrolmentDeps &
  PasskeyDeps &
  ApiKeyDeps & { accounts: D1AccountStore; factors: D1SecondFactorStore; passkeys: D1PasskeyStore };

/** Who a tenant's clients are to it: their organisations and their care teams. */
export type Clients = OrganisationDeps & { organisations: D1OrganisationStore; careTeams: D1CareTeamStore };

/** A tenant's invitations: the store and what inviting, resending and revoking need. */
export type Invitations = { store: D1InvitationStore; deps: InviteDeps };

/** A tenant's notifications: the `notify` entry, each person's inbox, the admin's dead letters. */
export type Notifications = {
  notify(request: NotifyRequest): Promise<NotifyResult>;
  inbox: D1Inbox;
  deliveries: D1DeliveryStore;
  queue: DeliveryQueue;
  /** The local outbox, to read on a development server; null in every other environment. */
  outbox: D1Outbox | null;
};

/**
 * The kernel's part of what pages may use, built once per request by the Worker (worker/services.ts).
 * Declared in core ports and db stores, so that the web layer never names the Worker's classes.
 */
export type KernelServices = PlatformData & {
  /** The validated platform variables that pages read. */
  config: { PLATFORM_ORIGIN: string };
  identityFor(tenant: Tenant): Identity;
  notificationsFor(tenant: Tenant): Notifications;
  invitationsFor(tenant: Tenant): Invitations;
  clientsFor(tenant: Tenant): Clients;
  /** What the operator console works with; `operatorTenant` is where its audit lines go. */
  operationsFor(operatorTenant: Tenant): OperatorDeps;
  /** The one upload and download path in R2 (core/kernel/files/uploads.ts). */
  filesFor(tenant: Tenant): FilesDeps;
};
