import { describe, expect, it } from "vitest";
import { defaultTenantSettings } from "../tenants/settings.ts";
import { checkAccess, type AccessSubject } from "./access.ts";

const tenant = (requiredFor: ("client" | "staff" | "admin")[] = []): AccessSubject["tenant"] => ({
  features: ["messages"],
  settings: {
    ...defaultTenantSettings,
    secondFactor: { ...defaultTenantSettings.secondFactor, required: requiredFor },
  },
});

const client = (changes: Partial<NonNullable<AccessSubject["person"]>> = {}): AccessSubject["person"] => ({
  account: { role: "client", mustChangePassword: false },
  session: { strength: "password" },
  organisation: null,
  ...changes,
});

const refusalOf = (subject: AccessSubject, access: Parameters<typeof checkAccess>[1]) => {
  const verdict = checkAccess(subject, access);
  return verdict.ok ? "ok" : verdict.refusal;
};

describe("checkAccess", () => {
  it("asks for the sign-in, then each step, then the permission, then the feature", () => {
    const access = { permission: "users:manage", feature: "goals" } as const;
    expect(refusalOf({ tenant: tenant(), person: null }, access)).toBe("signed-out");
    const everythingDue = client({
      account: { role: "client", mustChangePassword: true },
      organisation: "unchosen",
    });
    expect(refusalOf({ tenant: tenant(["client"]), person: everythingDue }, access)).toBe("password-change");
    expect(
      refusalOf({ tenant: tenant(["client"]), person: client({ organisation: "unchosen" }) }, access),
    ).toBe("second-factor");
    expect(refusalOf({ tenant: tenant(), person: client({ organisation: "unchosen" }) }, access)).toBe(
      "organisation-choice",
    );
    expect(refusalOf({ tenant: tenant(), person: client() }, access)).toBe("permission");
    expect(
      refusalOf({ tenant: tenant(), person: client() }, { permission: "portal:use", feature: "goals" }),
    ).toBe("feature");
    expect(
      refusalOf({ tenant: tenant(), person: client() }, { permission: "portal:use", feature: "messages" }),
    ).toBe("ok");
  });

  it("opens a page from the step it declares, and every later one", () => {
    const due = client({ account: { role: "client", mustChangePassword: true }, organisation: "unchosen" });
    const subject = { tenant: tenant(["client"]), person: due };
    const open = (opensAt: "password-change" | "second-factor" | "organisation-choice") =>
      refusalOf(subject, { permission: "account:manage-own", opensAt });
    expect(open("password-change")).toBe("ok");
    expect(open("second-factor")).toBe("password-change");
    expect(open("organisation-choice")).toBe("password-change");
    const twoStepDue = { tenant: tenant(["client"]), person: client({ organisation: "unchosen" }) };
    expect(refusalOf(twoStepDue, { permission: "account:manage-own", opensAt: "second-factor" })).toBe("ok");
    expect(refusalOf(twoStepDue, { permission: "account:manage-own", opensAt: "organisation-choice" })).toBe(
      "second-factor",
    );
  });

  it("grants what the organisation role the session acts with grants", () => {
    const member = client({ organisation: "admin" });
    expect(refusalOf({ tenant: tenant(), person: member }, { permission: "organisation:manage" })).toBe("ok");
    expect(refusalOf({ tenant: tenant(), person: client() }, { permission: "organisation:manage" })).toBe(
      "permission",
    );
  });
});
