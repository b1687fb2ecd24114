import { describe, expect, it } from "vitest";
import { customerRoles } from "../tenants/operator.ts";
import { hasPermission, organisationRoles, permissions, roles } from "./permissions.ts";

describe("permissions", () => {
  it("lets everyone manage their own account, and every customer role use the portal", () => {
    for (const role of roles) expect(hasPermission(role, "account:manage-own")).toBe(true);
    for (const role of customerRoles) expect(hasPermission(role, "portal:use")).toBe(true);
  });

  it("gives the operator console to operators alone, and operators nothing of a tenant's clients", () => {
    for (const role of customerRoles) expect(hasPermission(role, "platform:manage-tenants")).toBe(false);
    expect(hasPermission("operator", "platform:manage-tenants")).toBe(true);
    for (const permission of [
      "portal:use",
      "clients:read-assigned",
      "users:manage",
      "clients:invite",
    ] as const) {
      expect(hasPermission("operator", permission)).toBe(false);
    }
  });

  it("keeps administration to admins and other clients' dossiers from clients", () => {
    for (const permission of ["users:manage", "tenant:configure", "audit:read", "api-keys:manage"] as const) {
      expect(hasPermission("admin", permission)).toBe(true);
      expect(hasPermission("staff", permission)).toBe(false);
      expect(hasPermission("client", permission)).toBe(false);
    }
    expect(hasPermission("client", "clients:read-assigned")).toBe(false);
    expect(hasPermission("staff", "dossier:read-own")).toBe(false);
  });

  it("gives a client organisation's roles their rights only to clients acting for one", () => {
    expect(hasPermission("client", "organisation:read")).toBe(false);
    for (const role of organisationRoles)
      expect(hasPermission("client", "organisation:read", role)).toBe(true);
    expect(hasPermission("client", "organisation:colleagues-work", "member")).toBe(false);
    expect(hasPermission("client", "organisation:colleagues-work", "member-plus")).toBe(true);
    expect(hasPermission("client", "organisation:invoices", "member-plus")).toBe(false);
    expect(hasPermission("client", "organisation:manage", "member-plus")).toBe(false);
    expect(hasPermission("client", "organisation:manage", "admin")).toBe(true);
    // An organisation role never lifts a client to the tenant's administration, nor staff into one.
    expect(hasPermission("client", "users:manage", "admin")).toBe(false);
    expect(hasPermission("staff", "organisation:manage", "admin")).toBe(false);
  });

  it("has a row in docs/roles.md for every permission", async () => {
    const { default: table } = await import("../../../docs/roles.md?raw");
    for (const permission of permissions) expect(table).toContain(`\`${permission}\``);
  });
});
