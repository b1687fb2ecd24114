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
