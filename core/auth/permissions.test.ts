import { describe, expect, it } from "vitest";
import { hasPermission, permissions, roles } from "./permissions.ts";

describe("permissions", () => {
  it("lets everyone use the portal and manage their own account", () => {
    for (const role of roles) {
      expect(hasPermission(role, "portal:use")).toBe(true);
      expect(hasPermission(role, "account:manage-own")).toBe(true);
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

  it("has a row in docs/roles.md for every permission", async () => {
    const { default: table } = await import("../../docs/roles.md?raw");
    for (const permission of permissions) expect(table).toContain(`\`${permission}\``);
  });
});
