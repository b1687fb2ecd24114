import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createTenant,
  post,
  saveLanguage,
  seedDemoTenants,
  signIn,
  testContext,
  visit,
} from "./kernel/testing/fixtures.ts";

const text = async (response: Response) => (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");

const cookies: Record<string, string> = {};
/** The page as a signed-in demo client of that tenant sees it. */
const visitAs = (host: string, email: string, path = "/", headers: Record<string, string> = {}) =>
  visit(host, path, { headers: { cookie: [cookies[email], headers.cookie].filter(Boolean).join("; ") } });

beforeAll(async () => {
  await seedDemoTenants();
  const accounts: [host: string, email: string][] = [
    ["ggz.localhost:8787", "lotte.deboer@example.nl"],
    ["mijn.koerscoaching.nl", "sanne.visser@example.nl"],
    ["thuiszorg.localhost", "gerda.hendriks@example.nl"],
  ];
  for (const [host, email] of accounts) cookies[email] = await signIn(host, email);
});

describe("tenant resolution", () => {
  it("serves a tenant on its subdomain with its name, colours and words", async () => {
    const response = await visitAs("ggz.localhost:8787", "lotte.deboer@example.nl");
    expect(response.status).toBe(200);
    const html = await text(response);
    expect(html).toContain("Praktijk Lichtpunt");
    expect(html).toContain("--brand:#5b3f8c");
    expect(html).toContain("Huiswerkopdrachten"); // terminology override, capitalised in the menu
    expect(html).toContain("behandelaar");
    expect(html).toContain("113"); // crisis notice
    expect(html).not.toContain("Koers Coaching");
  });

  it("serves a tenant on its custom domain", async () => {
    const html = await text(await visitAs("mijn.koerscoaching.nl", "sanne.visser@example.nl"));
    expect(html).toContain("Koers Coaching");
    expect(html).toContain("Sanne Visser");
    expect(html).toContain("--brand:#0f5f5c");
  });

  it("shows only the features the plan and the tenant's toggles allow", async () => {
    // The session of the custom domain is not valid on the subdomain (host-only cookie), so sign in there.
    const coaching = await text(
      await visit("coaching.localhost", "/", {
        headers: { cookie: await signIn("coaching.localhost", "sanne.visser@example.nl") },
      }),
    );
    expect(coaching).toContain('href="/assignments"');
    expect(coaching).not.toContain('href="/organisation"'); // not in the plan
    const thuiszorg = await text(await visitAs("thuiszorg.localhost", "gerda.hendriks@example.nl"));
    expect(thuiszorg).toContain('href="/documents"');
    expect(thuiszorg).not.toContain('href="/assignments"');
  });

  it("answers an unknown host with a neutral 404 that names no tenant", async () => {
    for (const host of ["onbekend.localhost:8787", "www.example.org", "a.b.localhost"]) {
      const response = await visit(host);
      expect(response.status, host).toBe(404);
      const html = await text(response);
      expect(html).toContain("Deze omgeving bestaat niet");
      for (const name of ["Koers", "Lichtpunt", "Linde", "ZorgPartner", "Helder"])
        expect(html).not.toContain(name);
    }
  });

  it("answers a suspended tenant like an unknown host", async () => {
    const tenant = await createTenant("geschorst", "TENANT_DB_1");
    await env.CONTROL_DB.prepare("UPDATE tenants SET status = 'suspended' WHERE id = ?")
      .bind(tenant.id)
      .run();
    expect((await visit("geschorst.localhost")).status).toBe(404);
  });

  it("shows the public Portaal page on the bare platform host", async () => {
    const response = await visit("localhost:8787");
    expect(response.status).toBe(200);
    const html = await text(response);
    expect(html).toContain("Portaal");
    expect(html).not.toContain("Koers Coaching");
  });

  it("answers an unknown path with the tenant's branded, translated 404", async () => {
    const response = await visit("coaching.localhost", "/bestaat-niet");
    expect(response.status).toBe(404);
    const html = await text(response);
    expect(html).toContain("Pagina niet gevonden");
    expect(html).toContain("Koers Coaching");
    const english = await visit("coaching.localhost", "/bestaat-niet", {
      headers: { cookie: "__Host-lang=en" },
    });
    expect(await text(english)).toContain("Page not found");
  });

  it("keeps tenants in different cells apart", async () => {
    const one = await createTenant("cel-een", "TENANT_DB_1", { settings: { primaryColour: "#123456" } });
    const two = await createTenant("cel-twee", "TENANT_DB_2", { settings: { primaryColour: "#654321" } });
    expect(one.cell).not.toBe(two.cell);
    expect(await text(await visit("cel-een.localhost", "/login"))).toContain("--brand:#123456");
    const html = await text(await visit("cel-twee.localhost", "/login"));
    expect(html).toContain("--brand:#654321");
    expect(html).not.toContain("Tenant cel-een");
  });
});

describe("language", () => {
  it("uses the tenant's default language, then the visitor's choice", async () => {
    const dutch = await text(await visitAs("mijn.koerscoaching.nl", "sanne.visser@example.nl"));
    expect(dutch).toContain('lang="nl"');
    await saveLanguage("mijn.koerscoaching.nl", cookies["sanne.visser@example.nl"]!, "en");
    const english = await text(await visitAs("mijn.koerscoaching.nl", "sanne.visser@example.nl"));
    await saveLanguage("mijn.koerscoaching.nl", cookies["sanne.visser@example.nl"]!, "nl");
    expect(english).toContain('lang="en"');
    expect(english).toContain("Welcome to Koers Coaching");
    expect(english).toContain("Work on your goals and follow your progress.");
  });

  it("switches language by form post and returns to the page", async () => {
    const response = await post("coaching.localhost", "/language", { language: "en", returnTo: "/goals" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/goals");
    expect(response.headers.get("set-cookie")).toMatch(/^__Host-lang=en;.*Path=\/.*Secure/);
  });

  it("never redirects to another site", async () => {
    const response = await post("coaching.localhost", "/language", {
      language: "en",
      returnTo: "//evil.example",
    });
    expect(response.headers.get("location")).toBe("/");
  });

  it("refuses a cross-site form post (CSRF)", async () => {
    const response = await post(
      "coaching.localhost",
      "/language",
      { language: "en", returnTo: "/" },
      { origin: "http://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});

describe("security headers and brand assets", () => {
  it("sends a nonce-based Content-Security-Policy that matches the page's scripts", async () => {
    const response = await visit("coaching.localhost", "/login");
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("frame-ancestors 'none'");
    // Every script Remix writes into the page carries it, or the page would never hydrate.
    const html = await response.text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(2);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  it("serves the tenant's logo from R2 with a sandboxing policy", async () => {
    const response = await visit("coaching.localhost", "/brand/logo");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(await response.text()).toContain("KC");
  });

  it("has no logo for a host without a tenant", async () => {
    expect((await visit("onbekend.localhost", "/brand/logo")).status).toBe(404);
  });
});

describe("demo seed", () => {
  it("can run again without duplicating anything", async () => {
    await seedDemoTenants();
    const tenants = await env.CONTROL_DB.prepare(
      "SELECT slug FROM tenants WHERE slug IN ('coaching','ggz','thuiszorg','zorgpartner','support')",
    ).all();
    expect(tenants.results).toHaveLength(5);
    const context = testContext();
    const coaching = await context.control.tenantBySlug("coaching");
    const { results } = await env.TENANT_DB_1.prepare("SELECT count(*) AS n FROM users WHERE tenant_id = ?")
      .bind(coaching!.id)
      .all<{ n: number }>();
    expect(results[0]!.n).toBe(6);
  });

  it("spreads the demo tenants over both cells", async () => {
    const { results } = await env.CONTROL_DB.prepare("SELECT DISTINCT cell FROM tenants ORDER BY cell").all<{
      cell: string;
    }>();
    expect(results.map((row) => row.cell)).toEqual(["TENANT_DB_1", "TENANT_DB_2"]);
  });
});

describe("failures", () => {
  it("answers a broken tenant with a plain 500 page that leaks nothing", async () => {
    const tenant = await createTenant("kapot", "TENANT_DB_2");
    await env.TENANT_DB_2.prepare("UPDATE tenant_settings SET settings = 'geen json' WHERE tenant_id = ?")
      .bind(tenant.id)
      .run();
    const response = await visit("kapot.localhost");
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain("Er ging iets mis");
    expect(html).not.toContain("geen json");
    expect(html).not.toContain("Tenant kapot");
    const api = await visit("kapot.localhost", "/api/v1/tenant");
    expect(api.status).toBe(500);
    expect(await api.json()).toEqual({ error: { code: "internal_error", message: "Something went wrong" } });
  });

  it("shows a refused page as what it is: no access for a 403, not a fault", async () => {
    const cookie = await signIn("coaching.localhost", "sanne.visser@example.nl");
    const response = await visit("coaching.localhost", "/admin/audit", { headers: { cookie } });
    expect(response.status).toBe(403);
    const html = await text(response);
    expect(html).toContain("Geen toegang");
    expect(html).toContain('<p class="error-page__code" aria-hidden="true">403</p>');
    expect(html).not.toContain("Er ging iets mis");
    await saveLanguage("coaching.localhost", cookie, "en");
    const english = await visit("coaching.localhost", "/admin/audit", { headers: { cookie } });
    await saveLanguage("coaching.localhost", cookie, "nl");
    expect(await text(english)).toContain("No access");
  });

  it("shows a failing page as the tenant's branded, translated 500", async () => {
    const email = "youssef.haddad@example.nl";
    const cookie = await signIn("ggz.localhost", email);
    // A time zone no runtime knows makes the account page's date formatting throw.
    await env.TENANT_DB_2.prepare("UPDATE users SET time_zone = 'Nergens/Niets' WHERE email = ?")
      .bind(email)
      .run();
    const response = await visit("ggz.localhost", "/account", { headers: { cookie } });
    expect(response.status).toBe(500);
    const html = await text(response);
    expect(html).toContain("Er ging iets mis");
    expect(html).toContain("Praktijk Lichtpunt");
    expect(html).toContain("--brand:#5b3f8c");
    expect(html).not.toContain("Nergens/Niets");
    await saveLanguage("ggz.localhost", cookie, "en");
    const english = await visit("ggz.localhost", "/account", { headers: { cookie } });
    expect(await text(english)).toContain("Something went wrong");
  });
});
