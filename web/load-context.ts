import type { Account } from "../core/kernel/auth/accounts.ts";
import type { SessionRecord } from "../core/kernel/auth/sessions.ts";
import type { Membership } from "../core/kernel/organisations/organisations.ts";
import type { Language } from "../core/kernel/tenants/languages.ts";
import type { Site } from "../core/kernel/tenants/resolve.ts";
import type { Tenant } from "../core/kernel/tenants/tenant.ts";
import type { AssignmentDeps } from "../core/assignments/desk.ts";
import type { CalendarFeedDeps, FeedEvents } from "../core/booking/calendar-feed.ts";
import type { DeskDeps } from "../core/booking/desk.ts";
import type { BookingSetupDeps } from "../core/booking/setup.ts";
import type { DocumentsDeps } from "../core/documents/documents.ts";
import type { GoalDeps } from "../core/goals/desk.ts";
import type { MessagingDeps } from "../core/messaging/conversation.ts";
import type { KernelServices } from "./kernel/services.ts";

/**
 * The signed-in person of this request, if any, with the client organisations they belong to
 * (the session names the one they act for).
 */
export type Auth = { account: Account; session: SessionRecord; memberships: Membership[] } | null;

/** What pages may use: the kernel's services and each capability's. */
export type PageServices = KernelServices & {
  /** Appointments: the staff calendars and everything around them (core/booking/desk.ts). */
  bookingFor(tenant: Tenant): DeskDeps;
  /** Staff members' private calendar feeds (ADR 0013). */
  calendarFeedsFor(tenant: Tenant): CalendarFeedDeps & { events: FeedEvents };
  /** Staff hours, appointment types and the tenant's booking rules. */
  bookingSetupFor(tenant: Tenant): BookingSetupDeps;
  /** The documents of clients' dossiers (core/documents/documents.ts). */
  documentsFor(tenant: Tenant): DocumentsDeps;
  /** Assignments staff set for their clients, hand-ins and feedback (core/assignments/desk.ts). */
  assignmentsFor(tenant: Tenant): AssignmentDeps;
  /** Conversations and messages (core/messaging/conversation.ts). */
  messagingFor(tenant: Tenant): MessagingDeps;
  /** A client's goals, for the client and their care team (core/goals/desk.ts). */
  goalsFor(tenant: Tenant): GoalDeps;
};

/** What every Remix loader and action receives as `context`; the Worker builds it (worker/remix.ts). */
export type PortaalLoadContext = {
  ctx: Pick<ExecutionContext, "waitUntil" | "passThroughOnException">;
  site: Site;
  language: Language;
  auth: Auth;
  services: PageServices;
  cspNonce: string;
};

declare module "@remix-run/cloudflare" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- module augmentation
  interface AppLoadContext extends PortaalLoadContext {}
}
