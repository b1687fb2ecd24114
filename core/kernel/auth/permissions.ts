/**
 * Who may do what. Permissions are typed strings; every loader, action and API handler asks for
 * the one it needs (web/kernel/auth.server.ts, worker/api) and the answer comes from this table only.
 * The table is written out for people in docs/roles.md.
 */
/** `operator` runs Portaal; it exists only in the operator tenant (core/kernel/tenants/operator.ts, ADR 0010). */
export const roles = ["admin", "staff", "client", "operator"] as const;
export type Role = (typeof roles)[number];

/**
 * A client who belongs to a client organisation (a practice, a company) also has a role there.
 * member+ has all a member has, and more.
 */
export const organisationRoles = ["admin", "member-plus", "member"] as const;
export type OrganisationRole = (typeof organisationRoles)[number];
export const isOrganisationRole = (value: string): value is OrganisationRole =>
  (organisationRoles as readonly string[]).includes(value);

export const permissions = [
  "portal:use",
  "account:manage-own",
  "dossier:read-own",
  "clients:read-assigned",
  "users:manage",
  "tenant:configure",
  "audit:read",
  "deliveries:manage",
  "clients:invite",
  "client-organisations:manage",
  "organisation:read",
  "organisation:colleagues-work",
  "organisation:manage",
  "organisation:invoices",
  "platform:manage-tenants",
  "api-keys:manage",
  "appointments:book",
  "agenda:manage-own",
  "appointment-types:manage",
  "assignments:hand-in",
  "assignments:set",
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  client: [
    "portal:use",
    "account:manage-own",
    "dossier:read-own",
    "appointments:book",
    "assignments:hand-in",
  ],
  staff: [
    "portal:use",
    "account:manage-own",
    "clients:read-assigned",
    "clients:invite",
    "agenda:manage-own",
    "assignments:set",
  ],
  admin: [
    "portal:use",
    "account:manage-own",
    "clients:read-assigned",
    "users:manage",
    "tenant:configure",
    "audit:read",
    "deliveries:manage",
    "clients:invite",
    "client-organisations:manage",
    "api-keys:manage",
    "agenda:manage-own",
    "appointment-types:manage",
    "assignments:set",
  ],
  operator: ["account:manage-own", "audit:read", "platform:manage-tenants"],
};

const memberGrants: readonly Permission[] = ["organisation:read"];
const memberPlusGrants: readonly Permission[] = [...memberGrants, "organisation:colleagues-work"];
const organisationGrants: Record<OrganisationRole, readonly Permission[]> = {
  member: memberGrants,
  "member-plus": memberPlusGrants,
  admin: [...memberPlusGrants, "organisation:manage", "organisation:invoices"],
};

/**
 * What a person may do: what their role grants, and, while they act for a client organisation,
 * what their role there grants.
 */
export function hasPermission(
  role: Role,
  permission: Permission,
  organisationRole: OrganisationRole | null = null,
): boolean {
  if (grants[role].includes(permission)) return true;
  return (
    organisationRole !== null &&
    role === "client" &&
    organisationGrants[organisationRole].includes(permission)
  );
}
