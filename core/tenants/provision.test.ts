import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../worker/testing/fixtures.ts";
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
        slug: 'a tenant with slug "praktijk-noord" already exists',
        hostnames: "already in use: portaal.praktijknoord.nl",
      },
    });
    expect(await tenantCount()).toBe(before);
  });

  it.each([
    [{ slug: "Praktijk Noord!" }, "slug"],
    [{ slug: "api" }, "slug"],
    [{ slug: "x" }, "slug"],
    [{ name: " " }, "name"],
    [{ cell: "TENANT_DB_9", slug: "nieuw" }, "cell"],
    [{ planId: "goud", slug: "nieuw" }, "planId"],
    [{ hostnames: ["niet een host"], slug: "nieuw" }, "hostnames"],
    [{ hostnames: ["a.nl", "A.nl"], slug: "nieuw" }, "hostnames"],
    [{ hostnames: ["nieuw.localhost"], slug: "nieuw" }, "hostnames"],
    [{ settings: { primaryColour: "#ffff00" }, slug: "nieuw" }, "settings"],
  ] satisfies [Partial<ProvisionInput>, string][])(
    "refuses %j with a message at %s",
    async (change, field) => {
      const before = await tenantCount();
      const result = await provisionTenant({ ...valid, hostnames: [], ...change }, testContext());
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(Object.keys(result.errors)).toContain(field);
      expect(result.errors[field as keyof typeof result.errors]).toMatch(/\w{3,}/);
      expect(await tenantCount()).toBe(before);
    },
  );
});
