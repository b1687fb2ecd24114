import { capabilities, type RegisteredCapability } from "../../capabilities.ts";
import { mergeDeclared } from "../capability.ts";
import type { OrganisationRole, Role } from "./roles.ts";

/**
 * Who may do what. Permissions are typed strings; every loader, action and API handler asks for
 * the one it needs (web/kernel/auth.server.ts, worker/api) and the answer comes from this table only:
 * the kernel's rows and each registered capability's (core/<capability>/capability.ts).
 * The table is written out for people in docs/roles.md.
 */
export { isOrganisationRole, organisationRoles, roles, type OrganisationRole, type Role } from "./roles.ts";

const kernelGrants = {
  "portal:use": ["client", "staff", "admin"],
  "account:manage-own": ["client", "staff", "admin", "operator"],
  "dossier:read-own": ["client"],
  "clients:read-assigned": ["staff", "admin"],
  "users:manage": ["admin"],
  "tenant:configure": ["admin"],
  "audit:read": ["admin", "operator"],
  "deliveries:manage": ["admin"],
  "clients:invite": ["staff", "admin"],
  // Granted by a role in a client organisation, not by the tenant role (below).
  "organisation:read": [],
  "organisation:colleagues-work": [],
  "organisation:manage": [],
  "organisation:invoices": [],
  "platform:manage-tenants": ["operator"],
  "api-keys:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

type PermissionsOf<C> = C extends { permissions: infer Grants } ? keyof Grants & string : never;
export type Permission = keyof typeof kernelGrants | PermissionsOf<RegisteredCapability>;

const grants: Record<Permission, readonly Role[]> = mergeDeclared("permission", [
  kernelGrants,
  ...capabilities.map((capability) => capability.permissions),
]);

export const permissions = Object.keys(grants) as Permission[];

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
  if (grants[permission].includes(role)) return true;
  return (
    organisationRole !== null &&
    role === "client" &&
    organisationGrants[organisationRole].includes(permission)
  );
}
