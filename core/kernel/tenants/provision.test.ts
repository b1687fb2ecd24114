import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../worker/kernel/testing/fixtures.ts";
import { provisionTenant, type ProvisionInput } from "./provision.ts";

const valid: ProvisionInput = {
  slug: "praktijk-noord",
  name: "Praktijk Noord",
  cell: "TENANT_DB_2",
  planId: "basis",
  hostnames: ["portaal.praktijknoord.nl"],
};

async function tenantCount(): Promise<number> {
  const row = await env.CONTROL_DB.prepare("SELECT count(*) AS n FROM tenants").first<{ n: number }>();
  return row?.n ?? 0;
}

beforeAll(async () => {
  await testContext().control.savePlan({ id: "basis", name: "Basis", features: ["messages"] });
});

describe("provisionTenant", () => {
  it("creates the tenant in the control plane and its settings in the chosen cell", async () => {
    const result = await provisionTenant(valid, testContext());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const context = testContext();
    expect(await context.control.tenantByHostname("portaal.praktijknoord.nl")).toMatchObject({
      slug: "praktijk-noord",
      cell: "TENANT_DB_2",
    });
    expect(await context.settingsIn("TENANT_DB_2").read(result.tenant.id)).toMatchObject({
      defaultLanguage: "nl",
    });
    expect(await context.settingsIn("TENANT_DB_1").read(result.tenant.id)).toBeNull();
  });

  it("refuses a duplicate slug and a hostname in use, writing nothing", async () => {
    const before = await tenantCount();
    const result = await provisionTenant({ ...valid, name: "Nog een keer" }, testContext());
    expect(result).toEqual({
      ok: false,
      errors: {
        slug: { code: "slugTaken", values: { slug: "praktijk-noord" } },
        hostnames: { code: "hostnameTaken", values: { hostnames: "portaal.praktijknoord.nl" } },
      },
    });
    expect(await tenantCount()).toBe(before);
  });

  it.each([
    [{ slug: "Praktijk Noord!" }, "slug", "slugFormat"],
    [{ slug: "api" }, "slug", "slugReserved"],
    [{ slug: "beheer" }, "slug", "slugReserved"],
    [{ slug: "x" }, "slug", "slugFormat"],
    [{ name: " " }, "name", "nameLength"],
    [{ cell: "TENANT_DB_9", slug: "nieuw" }, "cell", "cellUnknown"],
    [{ planId: "goud", slug: "nieuw" }, "planId", "planUnknown"],
    [{ hostnames: ["niet een host"], slug: "nieuw" }, "hostnames", "hostnameInvalid"],
    [{ hostnames: ["a.nl", "A.nl"], slug: "nieuw" }, "hostnames", "hostnameTwice"],
    [{ hostnames: ["nieuw.localhost"], slug: "nieuw" }, "hostnames", "hostnameOnPlatform"],
    [{ settings: { primaryColour: "#ffff00" }, slug: "nieuw" }, "settings", "settingsInvalid"],
  ] satisfies [Partial<ProvisionInput>, string, string][])(
    "refuses %j at %s (%s)",
    async (change, field, code) => {
      const before = await tenantCount();
      const result = await provisionTenant({ ...valid, hostnames: [], ...change }, testContext());
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(Object.keys(result.errors)).toContain(field);
      expect(result.errors[field as keyof typeof result.errors]?.code).toBe(code);
      expect(await tenantCount()).toBe(before);
    },
  );
});
