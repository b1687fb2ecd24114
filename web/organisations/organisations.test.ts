import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  auditEvents,
  careTeamMembers,
  clientOrganisations,
  organisationMembers,
  users,
} from "../../db/kernel/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { demoPassword } from "../../db/kernel/seed/demo-tenants.ts";
import { addUser, post, seedDemoTenants, signIn, visit } from "../../worker/kernel/testing/fixtures.ts";

const host = "zorgpartner.localhost";
const data = platformData(env);
let scope: ReturnType<typeof data.scopeIn>;
let tenant: { id: string; cell: string };
const idOf = async (email: string) => (await scope.findOne(users, eq(users.email, email)))!.id;
const page = (path: string, cookie: string) => visit(host, path, { headers: { cookie } });
const organisationIdOf = async (name: string) =>
  (await data.scopeIn(tenant.cell, tenant.id).list(organisationMembers)).length >= 0
    ? (await env[tenant.cell as "TENANT_DB_1"]
        .prepare("SELECT id FROM client_organisations WHERE tenant_id = ? AND name = ?")
        .bind(tenant.id, name)
        .first<{ id: string }>())!.id
    : "";

beforeAll(async () => {
  await seedDemoTenants();
  const record = (await data.control.tenantBySlug("zorgpartner"))!;
  tenant = record;
  scope = data.scopeIn(record.cell, record.id);
});

describe("choosing the organisation one acts for", () => {
  it("a member of one organisation acts for it at once; the organisation page shows its people", async () => {
    const linda = await signIn(host, "linda.brouwer@dehoven.nl");
    const home = await page("/", linda);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Namens Zorgcentrum De Hoven");
    const organisation = await page("/organisation", linda);
    expect(organisation.status).toBe(200);
    const text = await organisation.text();
    expect(text).toContain("Kevin Peters");
    // The home page names the client's care team.
    expect(await (await page("/", linda)).text()).toContain("Je zorgmanager: Nina Vos");
    expect(text).toContain('href="/organisation/invite"');
  });

  it("a member of several chooses first, only among their own, and can switch", async () => {
    const kevin = await signIn(host, "kevin.peters@dehoven.nl");
    const first = await page("/organisation", kevin);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/organisation/choose?returnTo=%2Forganisation");
    const choice = await (await page("/organisation/choose", kevin)).text();
    expect(choice).toContain("Woonzorg Het Baken");
    expect(choice).toContain("Zorgcentrum De Hoven");

    // Another tenant's organisation, or a made-up id, is not Kevin's to choose.
    const foreign = await post(
      host,
      "/organisation/choose",
      { organisation: await organisationIdOfOtherTenant(), returnTo: "/" },
      { cookie: kevin },
    );
    expect(foreign.status).toBe(404);

    const baken = await organisationIdOf("Woonzorg Het Baken");
    const chosen = await post(
      host,
      "/organisation/choose",
      { organisation: baken, returnTo: "/organisation" },
      { cookie: kevin },
    );
    expect(chosen.headers.get("location")).toBe("/organisation");
    const asAdmin = await (await page("/organisation", kevin)).text();
    expect(asAdmin).toContain("Woonzorg Het Baken");
    expect(asAdmin).toContain('href="/organisation/invite"');

    // At De Hoven Kevin is a member: he sees his colleagues but manages nobody.
    await post(
      host,
      "/organisation/choose",
      { organisation: await organisationIdOf("Zorgcentrum De Hoven") },
      { cookie: kevin },
    );
    const asMember = await (await page("/organisation", kevin)).text();
    expect(asMember).toContain("Linda Brouwer");
    expect(asMember).not.toContain('href="/organisation/invite"');
    expect((await page("/organisation/invite", kevin)).status).toBe(403);
    const refused = await post(
      host,
      "/organisation",
      {
        intent: "role",
        user: await idOf("linda.brouwer@dehoven.nl"),
        role: "member",
        password: demoPassword,
      },
      { cookie: kevin },
    );
    expect(refused.status).toBe(403);
  });

  it("staff, admins and clients without an organisation get no organisation page", async () => {
    for (const email of ["nina.vos@zorgpartnerflex.nl", "bas.willems@zorgpartnerflex.nl"]) {
      expect((await page("/organisation", await signIn(host, email))).status).toBe(403);
    }
    const loner = `los-${crypto.randomUUID()}@example.nl`;
    await addUser(tenant, { email: loner, password: demoPassword });
    const cookie = await signIn(host, loner);
    expect((await page("/organisation", cookie)).status).toBe(403);
    expect(await (await page("/organisation/choose", cookie)).text()).not.toContain('name="organisation"');
  });
});

async function organisationIdOfOtherTenant(): Promise<string> {
  const support = (await data.control.tenantBySlug("support"))!;
  return (await data.scopeIn(support.cell, support.id).findOne(clientOrganisations))!.id;
}

describe("an organisation's admin manages colleagues", () => {
  it("changes a role only with their own password, never leaves the organisation without an admin", async () => {
    const linda = await signIn(host, "linda.brouwer@dehoven.nl");
    const hoven = await organisationIdOf("Zorgcentrum De Hoven");
    const colleague = `collega-${crypto.randomUUID()}@dehoven.nl`;
    const invited = await post(
      host,
      "/organisation/invite",
      { email: colleague, displayName: "Nieuwe Collega", language: "nl", organisationRole: "member-plus" },
      { cookie: linda },
    );
    expect(invited.headers.get("location")).toBe("/organisation?done=invited");
    const colleagueId = await idOf(colleague);
    const placed = await scope.findOne(
      organisationMembers,
      and(eq(organisationMembers.userId, colleagueId), eq(organisationMembers.organisationId, hoven)),
    );
    expect(placed?.role).toBe("member-plus");

    const wrong = await post(
      host,
      "/organisation",
      { intent: "role", user: colleagueId, role: "admin", password: "niet-mijn-wachtwoord" },
      { cookie: linda },
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Dat wachtwoord klopt niet");

    const right = await post(
      host,
      "/organisation",
      { intent: "role", user: colleagueId, role: "admin", password: demoPassword },
      { cookie: linda },
    );
    expect(right.headers.get("location")).toBe("/organisation?done=role");
    const self = await post(
      host,
      "/organisation",
      {
        intent: "role",
        user: await idOf("linda.brouwer@dehoven.nl"),
        role: "member",
        password: demoPassword,
      },
      { cookie: linda },
    );
    expect(self.status).toBe(400);

    const removed = await post(
      host,
      "/organisation",
      { intent: "remove", user: colleagueId, password: demoPassword },
      { cookie: linda },
    );
    expect(removed.headers.get("location")).toBe("/organisation?done=remove");
    const audit = await scope.list(auditEvents, { where: eq(auditEvents.clientUserId, colleagueId) });
    expect(audit.map((line) => line.action)).toEqual(
      expect.arrayContaining(["users.invite", "organisations.member.role", "organisations.member.remove"]),
    );

    // Someone outside the organisation (here: a client of another organisation's tenant) is not found.
    const outsider = await post(
      host,
      "/organisation",
      { intent: "role", user: "usr_nobody", role: "member", password: demoPassword },
      { cookie: linda },
    );
    expect(outsider.status).toBe(404);
  });
});

describe("the tenant admin's organisations", () => {
  it("creates an organisation, refuses a duplicate name at the field, places an existing client", async () => {
    const bas = await signIn(host, "bas.willems@zorgpartnerflex.nl");
    const name = `Zorghuis ${crypto.randomUUID().slice(0, 8)}`;
    const created = await post(host, "/admin/organisations", { intent: "create", name }, { cookie: bas });
    expect(created.headers.get("location")).toBe("/admin/organisations?done=created");
    const duplicate = await post(
      host,
      "/admin/organisations",
      { intent: "create", name: name.toUpperCase() },
      { cookie: bas },
    );
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("Er is al een organisatie met deze naam.");
    const id = await organisationIdOf(name);
    const newcomer = `klant-${crypto.randomUUID()}@example.nl`;
    await addUser(tenant, { email: newcomer });

    const notClient = await post(
      host,
      "/admin/organisations",
      { intent: "add", organisation: id, email: "nina.vos@zorgpartnerflex.nl", role: "member" },
      { cookie: bas },
    );
    expect(notClient.status).toBe(400);
    const added = await post(
      host,
      "/admin/organisations",
      { intent: "add", organisation: id, email: newcomer, role: "member" },
      { cookie: bas },
    );
    expect(added.headers.get("location")).toBe("/admin/organisations?done=added");
    const placed = await scope.findOne(organisationMembers, eq(organisationMembers.organisationId, id));
    expect(placed?.userId).toBe(await idOf(newcomer));
    expect(await (await page("/admin/organisations", bas)).text()).toContain(name);

    // Another tenant's organisation id is not found here.
    const foreign = await post(
      host,
      "/admin/organisations",
      { intent: "add", organisation: await organisationIdOfOtherTenant(), email: newcomer },
      { cookie: bas },
    );
    expect(foreign.status).toBe(404);
    // Staff and clients do not manage organisations.
    const nina = await signIn(host, "nina.vos@zorgpartnerflex.nl");
    expect((await page("/admin/organisations", nina)).status).toBe(403);
  });
});

describe("care teams", () => {
  it("an invitation places the client with the chosen staff and organisation; foreign ones are refused", async () => {
    const bas = await signIn(host, "bas.willems@zorgpartnerflex.nl");
    const nina = await idOf("nina.vos@zorgpartnerflex.nl");
    const hoven = await organisationIdOf("Zorgcentrum De Hoven");
    const email = `nieuw-${crypto.randomUUID()}@dehoven.nl`;
    const fields = {
      email,
      displayName: "Nieuwe Klant",
      role: "client",
      language: "nl",
      organisationRole: "member",
    };

    const foreignCoach = await post(
      host,
      "/invitations/new",
      { ...fields, coach: await otherTenantStaffId() },
      { cookie: bas },
    );
    expect(foreignCoach.status).toBe(400);
    expect(await foreignCoach.text()).toContain("Kies zorgmanagers uit de lijst.");
    const foreignOrganisation = await post(
      host,
      "/invitations/new",
      { ...fields, organisation: await organisationIdOfOtherTenant() },
      { cookie: bas },
    );
    expect(foreignOrganisation.status).toBe(400);
    expect(await scope.findOne(users, eq(users.email, email))).toBeUndefined();

    const invited = await post(
      host,
      "/invitations/new",
      { ...fields, coach: nina, organisation: hoven },
      { cookie: bas },
    );
    expect(invited.status).toBe(302);
    const client = await idOf(email);
    const team = await scope.list(careTeamMembers, { where: eq(careTeamMembers.clientUserId, client) });
    expect(team.map((row) => row.staffUserId)).toEqual([nina]);
    const membership = await scope.findOne(organisationMembers, eq(organisationMembers.userId, client));
    expect(membership?.organisationId).toBe(hoven);
  });

  it("the admin changes a client's care team; foreign staff, non-clients and other tenants are refused", async () => {
    const bas = await signIn(host, "bas.willems@zorgpartnerflex.nl");
    const linda = await idOf("linda.brouwer@dehoven.nl");
    const [nina, basId] = [
      await idOf("nina.vos@zorgpartnerflex.nl"),
      await idOf("bas.willems@zorgpartnerflex.nl"),
    ];
    const path = `/admin/care-team/${linda}`;
    expect(await (await page(path, bas)).text()).toContain("Zorgmanagers van Linda Brouwer");

    const foreign = new URLSearchParams([["coach", await otherTenantStaffId()]]);
    const refused = await visit(host, path, {
      method: "POST",
      headers: { cookie: bas, origin: `http://${host}`, "content-type": "application/x-www-form-urlencoded" },
      body: foreign.toString(),
    });
    expect(refused.status).toBe(400);
    const both = new URLSearchParams([
      ["coach", nina],
      ["coach", basId],
    ]);
    const saved = await visit(host, path, {
      method: "POST",
      headers: { cookie: bas, origin: `http://${host}`, "content-type": "application/x-www-form-urlencoded" },
      body: both.toString(),
    });
    expect(saved.headers.get("location")).toBe("/admin/users?done=care-team");
    const team = await scope.list(careTeamMembers, { where: eq(careTeamMembers.clientUserId, linda) });
    expect(team.map((row) => row.staffUserId).sort()).toEqual([nina, basId].sort());
    const audit = await scope.findOne(auditEvents, eq(auditEvents.action, "users.care-team.change"));
    expect(audit?.clientUserId).toBe(linda);

    // A staff member has no care team; another tenant's client is not found; staff may not do this.
    expect((await page(`/admin/care-team/${nina}`, bas)).status).toBe(404);
    const support = (await data.control.tenantBySlug("support"))!;
    const femke = await data
      .scopeIn(support.cell, support.id)
      .findOne(users, eq(users.email, "femke.vanleeuwen@rijnoever-fysio.nl"));
    expect((await page(`/admin/care-team/${femke!.id}`, bas)).status).toBe(404);
    const ninaCookie = await signIn(host, "nina.vos@zorgpartnerflex.nl");
    expect((await page(path, ninaCookie)).status).toBe(403);
  });

  it("a staff member's invitation of a staff member places nobody", async () => {
    const bas = await signIn(host, "bas.willems@zorgpartnerflex.nl");
    const email = `collega-${crypto.randomUUID()}@zorgpartnerflex.nl`;
    const hoven = await organisationIdOf("Zorgcentrum De Hoven");
    await post(
      host,
      "/invitations/new",
      {
        email,
        displayName: "Nieuwe Zorgmanager",
        role: "staff",
        language: "nl",
        organisation: hoven,
        coach: await idOf("nina.vos@zorgpartnerflex.nl"),
      },
      { cookie: bas },
    );
    const id = await idOf(email);
    expect(await scope.findOne(organisationMembers, eq(organisationMembers.userId, id))).toBeUndefined();
    expect(await scope.findOne(careTeamMembers, eq(careTeamMembers.clientUserId, id))).toBeUndefined();
  });
});

async function otherTenantStaffId(): Promise<string> {
  const support = (await data.control.tenantBySlug("support"))!;
  const row = await data
    .scopeIn(support.cell, support.id)
    .findOne(users, eq(users.email, "sophie.meijer@helderzorgsoftware.nl"));
  return row!.id;
}

describe("who opened my dossier", () => {
  it("shows a client what others did with their data, not their own doings, and only to them", async () => {
    const bas = await signIn(host, "bas.willems@zorgpartnerflex.nl");
    const kevinId = await idOf("kevin.peters@dehoven.nl");
    await post(host, "/admin/users", { intent: "end-sessions", user: kevinId }, { cookie: bas });
    const kevin = await signIn(host, "kevin.peters@dehoven.nl");
    const own = await page("/account/dossier-access", kevin);
    expect(own.status).toBe(200);
    const text = await own.text();
    expect(text).toContain("Bas Willems");
    expect(text).toContain("Heeft je account beheerd");
    // Kevin's own sign-ins are his own doing, not someone opening his data.
    expect(text.match(/class="item-list__item"/g)).toHaveLength(1);

    // Staff and admins have no dossier of their own here.
    expect((await page("/account/dossier-access", bas)).status).toBe(403);
  });
});

describe("bad input on the organisation forms", () => {
  it("refuses a too long organisation name at its field, keeps it typed and creates nothing", async () => {
    const bas = await signIn(host, "bas.willems@zorgpartnerflex.nl");
    const name = `Zorghuis ${"lang".repeat(60)}`;
    const before = (await scope.list(clientOrganisations)).length;
    const refused = await post(host, "/admin/organisations", { intent: "create", name }, { cookie: bas });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="name-error"');
    expect(html).toContain("Deze tekst is te lang.");
    expect(html).toContain(`value="${name}"`);
    expect((await scope.list(clientOrganisations)).length).toBe(before);
  });

  it("refuses an invitation of a colleague without a valid address or name at the fields, inviting nobody", async () => {
    const linda = await signIn(host, "linda.brouwer@dehoven.nl");
    const refused = await post(
      host,
      "/organisation/invite",
      { email: "geen-adres", displayName: "  ", language: "nl", organisationRole: "member" },
      { cookie: linda },
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="email-error"');
    expect(html).toContain('id="displayName-error"');
    expect(html).toContain('value="geen-adres"');
    expect(await scope.findOne(users, eq(users.email, "geen-adres"))).toBeUndefined();
  });
});
