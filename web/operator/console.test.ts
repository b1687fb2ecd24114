import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { invite } from "../../core/kernel/auth/invitations.ts";
import { operatorTenantSettings } from "../../core/kernel/tenants/operator.ts";
import { defaultTenantSettings } from "../../core/kernel/tenants/settings.ts";
import { loadTenant, type TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { auditEvents, users } from "../../db/kernel/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { demoOperator, demoPassword, demoSecondFactor } from "../../db/kernel/seed/demo-tenants.ts";
import { forgetHosts } from "../../worker/kernel/middleware/site.ts";
import { buildServices } from "../../worker/services.ts";
import { configOf } from "../../worker/env.ts";
import {
  addUser,
  deliverQueuedMail,
  post,
  saveLanguage,
  seedDemoTenants,
  signIn,
  visit,
} from "../../worker/kernel/testing/fixtures.ts";

const console_ = "beheer.localhost";
const data = platformData(env);
let operatorTenant: TenantRecord;
let operator: string;

const tenantCount = async () =>
  (await env.CONTROL_DB.prepare("SELECT count(*) AS n FROM tenants").first<{ n: number }>())?.n ?? 0;

const newTenantForm = (slug: string, change: Record<string, string> = {}) => ({
  name: `Praktijk ${slug}`,
  slug,
  cell: "TENANT_DB_2",
  planId: "basis",
  hostnames: "",
  language: "nl",
  adminName: "Fenna Eerste",
  adminEmail: `beheer@${slug}.example`,
  ...change,
});

async function create(slug: string, change: Record<string, string> = {}) {
  const response = await post(console_, "/platform/tenants/new", newTenantForm(slug, change), {
    cookie: operator,
  });
  expect(response.status, await response.clone().text()).toBe(302);
  return (await data.control.tenantBySlug(slug))!;
}

const change = (slug: string, fields: Record<string, string>) =>
  post(console_, `/platform/tenants/${slug}`, fields, { cookie: operator });

/** The operator tenant's audit lines of this action about this tenant. */
const auditOf = (action: string, tenantId: string) =>
  data
    .scopeIn(operatorTenant.cell, operatorTenant.id)
    .list(auditEvents, { where: and(eq(auditEvents.action, action), eq(auditEvents.targetId, tenantId)) });

beforeAll(async () => {
  await seedDemoTenants();
  operatorTenant = (await data.control.tenantBySlug("beheer"))!;
  operator = await signIn(console_, demoOperator.email);
});

describe("the operator console", () => {
  it("sends an anonymous visitor of the operator's host to the sign-in", async () => {
    const response = await visit(console_, "/platform/tenants");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?returnTo=%2Fplatform%2Ftenants");
  });

  it("lists the customer tenants with plan, cell, status and addresses, not the operator tenant", async () => {
    const page = await (await visit(console_, "/platform/tenants", { headers: { cookie: operator } })).text();
    expect(page).toContain("Koers Coaching");
    expect(page).toContain("Begeleiding");
    expect(page).toContain("mijn.koerscoaching.nl");
    expect(page).toContain("TENANT_DB_2");
    expect(page).not.toContain('href="/platform/tenants/beheer"');
    expect(
      (await visit(console_, "/platform/tenants/beheer", { headers: { cookie: operator } })).status,
    ).toBe(404);
  });

  it("creates a tenant that answers on its host at once, invites its first admin by mail, and audits it", async () => {
    const tenant = await create("praktijk-zuid", {
      hostnames: "portaal.praktijkzuid.nl\nwww.praktijkzuid.nl",
    });
    expect(tenant).toMatchObject({ cell: "TENANT_DB_2", planId: "basis", status: "active" });
    expect(await data.control.hostnamesOf(tenant.id)).toEqual([
      "portaal.praktijkzuid.nl",
      "www.praktijkzuid.nl",
    ]);
    expect((await visit("praktijk-zuid.localhost", "/login")).status).toBe(200);
    expect((await visit("portaal.praktijkzuid.nl", "/login")).status).toBe(200);

    const admin = await data
      .scopeIn(tenant.cell, tenant.id)
      .findOne(users, eq(users.email, "beheer@praktijk-zuid.example"));
    expect(admin).toMatchObject({ role: "admin", status: "invited", displayName: "Fenna Eerste" });
    const mail = await deliverQueuedMail(tenant, "beheer@praktijk-zuid.example");
    expect(mail?.html).toContain("http://praktijk-zuid.localhost");
    expect(mail?.html).toMatch(/\/invitation\/inv_/);

    const [line] = await auditOf("platform.tenants.create", tenant.id);
    expect(line).toMatchObject({ actorUserId: expect.stringMatching(/^usr_/), result: "success" });
    expect(line?.detail).toMatchObject({ slug: "praktijk-zuid", firstAdmin: "beheer@praktijk-zuid.example" });
  });

  it.each([
    ["slug", { slug: "beheer" }, "Deze slug is gereserveerd voor Portaal zelf."],
    ["slug", { slug: "coaching" }, "Er is al een omgeving met de slug coaching."],
    ["slug", { slug: "Praktijk West!" }, "Een slug heeft 2 tot 40 tekens"],
    ["hostnames", { hostnames: "niet een host" }, "Dit is geen geldig domein."],
    [
      "hostnames",
      { hostnames: "mijn.koerscoaching.nl" },
      "Al in gebruik bij een omgeving: mijn.koerscoaching.nl.",
    ],
    ["hostnames", { hostnames: "west.localhost" }, "west.localhost valt onder het domein van Portaal"],
    ["adminEmail", { adminEmail: "geen-adres" }, "Vul een geldig e-mailadres in"],
  ])(
    "refuses a bad %s at the field, keeps what was typed and writes nothing (%j)",
    async (field, bad, message) => {
      const before = await tenantCount();
      const fields = newTenantForm("praktijk-west", bad);
      const response = await post(console_, "/platform/tenants/new", fields, { cookie: operator });
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toMatch(new RegExp(`id="${field}-error"[^>]*>${message.replace(/[.!?]/g, "\\$&")}`));
      expect(page).toContain('value="Praktijk praktijk-west"');
      expect(await tenantCount()).toBe(before);
    },
  );

  it("refuses an unknown language and an empty admin name with a taken slug all at once, writing nothing", async () => {
    const before = await tenantCount();
    const fields = newTenantForm("beheer", {
      language: "de",
      adminName: "  ",
      adminEmail: "fenna@oost.example",
    });
    const response = await post(console_, "/platform/tenants/new", fields, { cookie: operator });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toMatch(/id="language-error"[^>]*>Kies Nederlands of Engels\./);
    expect(page).toMatch(/id="adminName-error"[^>]*>Vul de naam van de beheerder in\./);
    expect(page).toContain('id="slug-error"');
    expect(page).toContain('value="fenna@oost.example"');
    expect(page).toContain('value="Praktijk beheer"');
    expect(await tenantCount()).toBe(before);
  });

  it("says it in the operator's language", async () => {
    await saveLanguage(console_, operator, "en");
    const response = await post(console_, "/platform/tenants/new", newTenantForm("beheer"), {
      cookie: operator,
    });
    const page = await response.text();
    await saveLanguage(console_, operator, "nl");
    expect(page).toContain("This slug is reserved for Portaal itself.");
  });

  it("changes the plan, effective at once on the tenant's host", async () => {
    const tenant = await create("praktijk-oost");
    expect((await change("praktijk-oost", { intent: "plan", planId: "zakelijk" })).status).toBe(302);
    expect((await data.control.tenantBySlug("praktijk-oost"))?.planId).toBe("zakelijk");
    expect(await auditOf("platform.tenants.plan.change", tenant.id)).toHaveLength(1);
    const refused = await change("praktijk-oost", { intent: "plan", planId: "goud" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Kies een van de abonnementen.");
  });

  it("adds and removes a custom domain; refuses a bad one and one of another tenant", async () => {
    const tenant = await create("praktijk-noord");
    expect(
      (await change("praktijk-noord", { intent: "add-hostname", hostname: "Portaal.PraktijkNoord.nl" }))
        .status,
    ).toBe(302);
    expect((await data.control.tenantByHostname("portaal.praktijknoord.nl"))?.id).toBe(tenant.id);
    expect((await visit("portaal.praktijknoord.nl", "/login")).status).toBe(200);

    const bad = await change("praktijk-noord", { intent: "add-hostname", hostname: "niet geldig" });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    expect(badPage).toMatch(/id="hostname-error"[^>]*>Dit is geen geldig domein/);
    expect(badPage).toContain('value="niet geldig"');
    const taken = await change("praktijk-noord", {
      intent: "add-hostname",
      hostname: "portaal.zorgpartnerflex.nl",
    });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Al in gebruik bij een omgeving: portaal.zorgpartnerflex.nl.");

    expect(
      (await change("praktijk-noord", { intent: "remove-hostname", hostname: "portaal.praktijknoord.nl" }))
        .status,
    ).toBe(302);
    expect((await visit("portaal.praktijknoord.nl", "/login")).status).toBe(404);
    // Another tenant's domain is not this tenant's to remove.
    expect(
      (await change("praktijk-noord", { intent: "remove-hostname", hostname: "mijn.koerscoaching.nl" }))
        .status,
    ).toBe(404);
    expect(await data.control.tenantByHostname("mijn.koerscoaching.nl")).not.toBeNull();
    expect(await auditOf("platform.tenants.hostname.add", tenant.id)).toHaveLength(1);
    expect(await auditOf("platform.tenants.hostname.remove", tenant.id)).toHaveLength(1);
  });

  it("suspends a tenant with the operator's password: its hosts, sign-in, sessions and API are gone; reactivating brings them back", async () => {
    const tenant = await create("praktijk-dicht", { hostnames: "portaal.praktijkdicht.nl" });
    await addUser(tenant, {
      email: "admin@praktijk-dicht.example",
      role: "admin",
      password: demoPassword,
    });
    const session = await signIn("praktijk-dicht.localhost", "admin@praktijk-dicht.example");
    expect(
      (await visit("praktijk-dicht.localhost", "/account/two-step", { headers: { cookie: session } })).status,
    ).toBe(200);

    const wrong = await change("praktijk-dicht", { intent: "suspend", password: "niet-mijn-wachtwoord" });
    expect(wrong.status).toBe(400);
    expect((await data.control.tenantBySlug("praktijk-dicht"))?.status).toBe("active");

    expect((await change("praktijk-dicht", { intent: "suspend", password: demoPassword })).status).toBe(302);
    for (const host of ["praktijk-dicht.localhost", "portaal.praktijkdicht.nl"]) {
      const page = await visit(host, "/login");
      expect(page.status, host).toBe(404);
      expect(await page.text()).not.toContain("praktijk-dicht");
    }
    expect(
      (await visit("praktijk-dicht.localhost", "/account/two-step", { headers: { cookie: session } })).status,
    ).toBe(404);
    expect((await visit("praktijk-dicht.localhost", "/api/v1/tenant")).status).toBe(404);
    expect(
      (await visit("praktijk-dicht.localhost", "/api/v1/me", { headers: { cookie: session } })).status,
    ).toBe(401);
    const listed = await (
      await visit(console_, "/platform/tenants", { headers: { cookie: operator } })
    ).text();
    expect(listed).toContain("Opgeschort");

    expect((await change("praktijk-dicht", { intent: "reactivate", password: demoPassword })).status).toBe(
      302,
    );
    expect(
      (await visit("praktijk-dicht.localhost", "/account/two-step", { headers: { cookie: session } })).status,
    ).toBe(200);
    // The wrong password is on record too, as a refused attempt.
    expect((await auditOf("platform.tenants.suspend", tenant.id)).map((line) => line.result)).toEqual([
      "failure",
      "success",
    ]);
    expect(await auditOf("platform.tenants.reactivate", tenant.id)).toHaveLength(1);
  });
});

describe("the console is the operator's alone", () => {
  const customers = {
    admin: "marieke.jansen@koerscoaching.nl",
    staff: "anouk.devries@koerscoaching.nl",
    client: "sanne.visser@example.nl",
  };

  it("does not exist on a customer tenant's host, for anyone, and changes nothing there", async () => {
    const before = await tenantCount();
    for (const [role, email] of Object.entries(customers)) {
      const cookie = await signIn("coaching.localhost", email);
      for (const path of ["/platform/tenants", "/platform/tenants/new", "/platform/tenants/coaching"]) {
        expect(
          (await visit("coaching.localhost", path, { headers: { cookie } })).status,
          `${role} ${path}`,
        ).toBe(404);
      }
      const posted = await post("coaching.localhost", "/platform/tenants/new", newTenantForm(`via-${role}`), {
        cookie,
      });
      expect(posted.status, role).toBe(404);
      const suspend = await post(
        "coaching.localhost",
        "/platform/tenants/ggz",
        { intent: "suspend", password: demoPassword },
        { cookie },
      );
      expect(suspend.status, role).toBe(404);
    }
    expect(await tenantCount()).toBe(before);
    expect((await data.control.tenantBySlug("ggz"))?.status).toBe("active");
  });

  it("an operator's session is no session on a customer's host", async () => {
    expect(
      (await visit("coaching.localhost", "/platform/tenants", { headers: { cookie: operator } })).status,
    ).toBe(404);
    const home = await visit("coaching.localhost", "/", { headers: { cookie: operator } });
    expect(home.headers.get("location")).toBe("/login");
  });

  it("someone in the operator tenant without the operator role gets 403", async () => {
    await addUser(operatorTenant, {
      email: "geen-operator@portaal.example",
      role: "staff",
      password: demoPassword,
    });
    const cookie = await signIn(console_, "geen-operator@portaal.example");
    expect((await visit(console_, "/platform/tenants", { headers: { cookie } })).status).toBe(403);
  });

  it("the operator tenant is not reachable through a custom domain", async () => {
    await data.control.addHostname(operatorTenant.id, "beheer.example.org");
    expect((await visit("beheer.example.org", "/login")).status).toBe(404);
    await data.control.removeHostname(operatorTenant.id, "beheer.example.org");
  });
});

describe("the operator role cannot be given in a customer tenant", () => {
  const host = "coaching.localhost";
  const admin = () => signIn(host, "marieke.jansen@koerscoaching.nl");

  it("not by invitation: 403, nobody created", async () => {
    const response = await post(
      host,
      "/invitations/new",
      { email: "wannabe@example.nl", displayName: "Wannabe", role: "operator", language: "nl" },
      { cookie: await admin() },
    );
    expect(response.status).toBe(403);
    const coaching = (await data.control.tenantBySlug("coaching"))!;
    expect(
      await data.scopeIn(coaching.cell, coaching.id).findOne(users, eq(users.email, "wannabe@example.nl")),
    ).toBeUndefined();
  });

  it("not by a role change: 403 before the password is even checked, role unchanged", async () => {
    const coaching = (await data.control.tenantBySlug("coaching"))!;
    const scope = data.scopeIn(coaching.cell, coaching.id);
    const staff = (await scope.findOne(users, eq(users.email, "jeroen.bakker@koerscoaching.nl")))!;
    const response = await post(
      host,
      "/admin/users",
      { intent: "role", user: staff.id, role: "operator", password: demoPassword },
      { cookie: await admin() },
    );
    expect(response.status).toBe(403);
    expect((await scope.findOne(users, eq(users.id, staff.id)))?.role).toBe("staff");
  });

  it("not through the invitation step itself, whoever calls it", async () => {
    const coaching = (await loadTenant((await data.control.tenantBySlug("coaching"))!, data))!;
    const services = buildServices(env, configOf(env));
    const result = await invite(services.invitationsFor(coaching).deps, {
      email: "direct@example.nl",
      displayName: "Direct",
      role: "operator",
      language: "nl",
      timeZone: "Europe/Amsterdam",
      invitedBy: "usr_someone",
      origin: { ipAddress: null, userAgent: null },
    });
    expect(result).toEqual({ ok: false, reason: "roleNotGrantable" });
  });
});

describe("the operator's second factor", () => {
  it("is required outside the demo: a password-only session reaches only the setup", async () => {
    const settings = data.settingsIn(operatorTenant.cell);
    await settings.write(operatorTenant.id, { ...defaultTenantSettings, ...operatorTenantSettings });
    forgetHosts([console_]);
    try {
      const cookie = await signIn("beheer.localhost", demoOperator.email);
      const response = await visit(console_, "/platform/tenants", { headers: { cookie } });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/account/two-step");
    } finally {
      await settings.write(operatorTenant.id, {
        ...defaultTenantSettings,
        ...operatorTenantSettings,
        secondFactor: demoSecondFactor,
      });
      forgetHosts([console_]);
    }
  });
});
