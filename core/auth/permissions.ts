/**
 * Who may do what. Permissions are typed strings; every loader, action and API handler asks for
 * the one it needs (web/auth.server.ts, worker/api) and the answer comes from this table only.
 * The table is written out for people in docs/roles.md.
 */
export const roles = ["admin", "staff", "client"] as const;
export type Role = (typeof roles)[number];

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
  "api-keys:manage",
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  client: ["portal:use", "account:manage-own", "dossier:read-own"],
  staff: ["portal:use", "account:manage-own", "clients:read-assigned", "clients:invite"],
  admin: [
    "portal:use",
    "account:manage-own",
    "clients:read-assigned",
    "users:manage",
    "tenant:configure",
    "audit:read",
    "deliveries:manage",
    "clients:invite",
    "api-keys:manage",
  ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
