import { hasPermission, type Permission, type Role } from "../core/kernel/auth/permissions.ts";
import { isOperatorTenant } from "../core/kernel/tenants/operator.ts";
import type { FeatureKey } from "../core/kernel/tenants/features.ts";
import type { TenantRecord } from "../core/kernel/tenants/tenant.ts";
import type { AssignmentServices } from "./assignments/services.ts";
import type { BookingServices } from "./booking/services.ts";
import type { DocumentServices } from "./documents/services.ts";
import type { GoalServices } from "./goals/services.ts";
import type { MessagingServices } from "./messaging/services.ts";
import { assignmentsHome } from "./assignments/home.ts";
import { documentsHome } from "./documents/home.ts";
import { goalsHome } from "./goals/home.ts";
import type { HomeTile } from "./kernel/home-tile.ts";
import { messagingHome } from "./messaging/home.ts";

/** A management page below the person's name in the navigation, for those with its permission. */
export type Tool = { path: string; label: string; permission: Permission; feature?: FeatureKey };

/**
 * What a capability brings to the web app: its pages (the flat routes of `web/<routes>/routes/`),
 * the feature whose navigation entry and start-page tile lead to them (path in
 * `core/<capability>/capability.ts`), its management pages, the keys of its strings the menu shows
 * besides their labels (the shell carries them on every page), what its start-page tile counts
 * and says for a person (`web/<capability>/home.ts`), and the start page of the tenants
 * it takes over entirely. Its strings namespace is named after its folder (`web/strings.ts`).
 */
export type WebCapability = {
  routes: string;
  feature?: FeatureKey;
  tools?: readonly Tool[];
  menuLabels?: readonly string[];
  home?: HomeTile<unknown>;
  startPage?: { of: (tenant: Pick<TenantRecord, "slug">) => boolean; path: string };
};

/** The kernel's own pages and management pages. */
export const kernelWeb: WebCapability = {
  routes: "kernel",
  tools: [
    { path: "/admin/users", label: "users.title", permission: "users:manage" },
    { path: "/invitations/new", label: "users.invite", permission: "clients:invite" },
    {
      path: "/admin/notifications",
      label: "notifications.deadLetters.title",
      permission: "deliveries:manage",
    },
    { path: "/admin/audit", label: "audit.title", permission: "audit:read" },
    { path: "/admin/api-keys", label: "apiKeys.title", permission: "api-keys:manage" },
  ],
};

/** The registered capabilities' web parts, one line each; their tools are listed in this order. */
export const webCapabilities: readonly WebCapability[] = [
  // Staff reach their clients from the menu.
  { routes: "dossier", menuLabels: ["dossier.clientsTitle"] },
  {
    routes: "documents",
    feature: "documents",
    home: documentsHome,
    tools: [
      {
        path: "/admin/storage",
        label: "documents.storage.title",
        permission: "tenant:configure",
        feature: "documents",
      },
    ],
  },
  { routes: "assignments", feature: "assignments", home: assignmentsHome },
  {
    routes: "goals",
    feature: "goals",
    home: goalsHome,
    tools: [
      {
        path: "/admin/goals",
        label: "goals.settings.menu",
        permission: "tenant:configure",
        feature: "goals",
      },
    ],
  },
  {
    routes: "booking",
    feature: "booking",
    tools: [
      {
        path: "/booking/hours",
        label: "bookingSetup.hours.title",
        permission: "agenda:manage-own",
        feature: "booking",
      },
      {
        path: "/booking/feed",
        label: "calendarFeed.title",
        permission: "agenda:manage-own",
        feature: "booking",
      },
      {
        path: "/admin/appointment-types",
        label: "bookingSetup.types.title",
        permission: "appointment-types:manage",
        feature: "booking",
      },
      {
        path: "/admin/closure-days",
        label: "bookingSetup.closed.title",
        permission: "closure-days:manage",
        feature: "booking",
      },
    ],
  },
  { routes: "messaging", feature: "messages", home: messagingHome },
  {
    routes: "organisations",
    feature: "organisation",
    tools: [
      {
        path: "/admin/organisations",
        label: "organisations.title",
        permission: "client-organisations:manage",
      },
    ],
  },
  {
    routes: "operator",
    tools: [{ path: "/platform/tenants", label: "operator.title", permission: "platform:manage-tenants" }],
    // The operator tenant has one page: the console.
    startPage: { of: isOperatorTenant, path: "/platform/tenants" },
  },
];

/**
 * The registered capabilities' parts of what pages may use (`web/<capability>/services.ts`), one
 * each. A list of types, not of values, because TypeScript composes types only by naming them; the
 * Worker builds them from the list in `worker/capabilities.ts`.
 */
export type CapabilityServices = BookingServices &
  DocumentServices &
  AssignmentServices &
  MessagingServices &
  GoalServices;

/** Every part of the web app: the kernel first, then the capabilities. */
export const webParts: readonly WebCapability[] = [kernelWeb, ...webCapabilities];

/** The management pages a role may open in a tenant with these features; the loader sends only these. */
export const toolsFor = (role: Role, features: readonly FeatureKey[]) =>
  webParts
    .flatMap((part) => part.tools ?? [])
    .filter(
      (tool) => hasPermission(role, tool.permission) && (!tool.feature || features.includes(tool.feature)),
    )
    .map(({ path, label }) => ({ path, label }));
