import { describe, expect, it } from "vitest";
import { capabilities } from "./capabilities.ts";
import { idPrefixes, isId, newId } from "./kernel/ids.ts";
import { kindsFor, notificationKinds } from "./kernel/notifications/kinds.ts";
import { hasPermission } from "./kernel/auth/permissions.ts";
import { featureKeys, featurePaths, perClientFeatures } from "./kernel/tenants/features.ts";
import { standardPlans } from "./kernel/tenants/plans.ts";
import { defaultTenantSettings, tenantSettingsSchema } from "./kernel/tenants/settings.ts";

describe("the registered capabilities", () => {
  it("give every kind of object its own prefix", () => {
    expect(new Set(idPrefixes).size).toBe(idPrefixes.length);
    expect(isId("booking", newId("booking"))).toBe(true);
    expect(isId("goalComment", newId("goal"))).toBe(false);
  });

  it("bring their features, paths, kinds, settings and grants to the kernel's tables", () => {
    expect(featureKeys).toEqual(["messages", "documents", "assignments", "goals", "booking", "organisation"]);
    expect(featurePaths.booking).toBe("/booking");
    expect(perClientFeatures).toEqual(["documents"]);
    expect(notificationKinds["waitlist-offer"]).toMatchObject({ urgent: true, feature: "booking" });
    expect(kindsFor(["documents"])).toEqual(["document", "new-sign-in"]);
    expect(defaultTenantSettings.booking.cancelNoticeHours).toBe(24);
    expect(defaultTenantSettings.goals.clientsMayEdit).toBe(true);
    expect(hasPermission("client", "appointments:book")).toBe(true);
    expect(hasPermission("staff", "appointment-types:manage")).toBe(false);
    expect(hasPermission("admin", "client-organisations:manage")).toBe(true);
  });

  it("put each capability in the plans it names, and all of them in the complete plan", () => {
    const plan = (id: string) => standardPlans.find((candidate) => candidate.id === id)?.features;
    expect(plan("basis")).toEqual(["messages", "documents"]);
    expect(plan("zorg")).toEqual(["documents"]);
    expect(plan("zakelijk")).toEqual(["messages", "documents", "organisation"]);
    expect(plan("compleet")).toEqual(featureKeys);
    const named = capabilities.flatMap((capability) => capability.feature?.plans ?? []);
    for (const id of named) expect(standardPlans.map((known) => known.id)).toContain(id);
  });

  it("read stored settings that still name features and kinds no capability registers", () => {
    const stored = tenantSettingsSchema.partial().parse({
      features: { planning: true, tickets: false, messages: false },
      notifications: {
        defaults: { questionnaire: { mail: false, sms: false }, message: { mail: false, sms: true } },
        digestMinutes: 0,
        quietHours: null,
        showSender: true,
      },
    });
    expect(stored.features).toEqual({ messages: false });
    expect(stored.notifications?.defaults).toEqual({ message: { mail: false, sms: true } });
  });
});
