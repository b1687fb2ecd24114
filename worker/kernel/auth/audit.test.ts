import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { platformData } from "../../../db/kernel/platform.ts";
import { post, seedDemoTenants, signIn, visit } from "../testing/fixtures.ts";

const host = "support.localhost";
const admin = () => signIn(host, "rick.janssen@helderzorgsoftware.nl");
const page = async (query: string) =>
  (await visit(host, `/admin/audit${query}`, { headers: { cookie: await admin() } })).text();

beforeAll(async () => {
  await seedDemoTenants();
  await signIn(host, "femke.vanleeuwen@rijnoever-fysio.nl");
  await post(
    host,
    "/login",
    { email: "mohamed.bouzid@rijnoever-fysio.nl", password: "fout-wachtwoord" },
    { "cf-connecting-ip": "203.0.113.55" },
  );
});

describe("the audit log for admins", () => {
  it("shows sign-ins and failed attempts with who, what and from where", async () => {
    const html = await page("");
    expect(html).toContain("Femke van Leeuwen");
    expect(html).toContain("auth.login");
    expect(html).toContain("Mislukt");
    expect(html).toContain("203.0.113.55");
  });

  it("filters by person and by area", async () => {
    const femke = await page("?person=femke.vanleeuwen%40rijnoever-fysio.nl");
    expect(femke).toContain("Femke van Leeuwen");
    expect(femke).not.toContain("203.0.113.55");
    const users = await page("?area=users");
    expect(users).not.toContain("<code>auth.login</code>");
  });

  it("names the person a line is about", async () => {
    const admin = await signIn(host, "rick.janssen@helderzorgsoftware.nl");
    await post(
      host,
      "/invitations/new",
      { email: "nieuw@rijnoever-fysio.nl", displayName: "Noor Nieuw", role: "client", language: "nl" },
      { cookie: admin },
    );
    const html = await page("?area=users");
    expect(html).toContain("users.invite");
    expect(html).toContain("Noor Nieuw");
  });

  it("says what is wrong with a filter at its field", async () => {
    const html = await page("?person=niet-een-adres&from=2026-13-45");
    expect(html).toContain("Vul een geldig e-mailadres in.");
    expect(html).toContain("Kies een geldige datum.");
    expect(await page("?person=niemand%40example.nl")).toContain("Er is geen account met dit e-mailadres.");
  });

  it("records who read it, and shows nothing of another tenant", async () => {
    await page("?area=auth");
    const record = await platformData(env).control.tenantBySlug("support");
    const { results } = await env[record!.cell as "TENANT_DB_1"]!.prepare(
      "SELECT detail FROM audit_events WHERE tenant_id = ? AND action = 'audit.read'",
    )
      .bind(record!.id)
      .all<{ detail: string }>();
    expect(results.some((row) => row.detail.includes('"area":"auth"'))).toBe(true);
    const other = await signIn("coaching.localhost", "marieke.jansen@koerscoaching.nl");
    const html = await (
      await visit("coaching.localhost", "/admin/audit", { headers: { cookie: other } })
    ).text();
    expect(html).not.toContain("Femke van Leeuwen");
  });
});

describe("the account security page", () => {
  it("shows the person's own recent sign-ins, failed ones included, and nobody else's", async () => {
    await post(
      host,
      "/login",
      { email: "femke.vanleeuwen@rijnoever-fysio.nl", password: "geraden" },
      { "cf-connecting-ip": "203.0.113.77" },
    );
    const femke = await signIn(host, "femke.vanleeuwen@rijnoever-fysio.nl");
    const html = await (await visit(host, "/account", { headers: { cookie: femke } })).text();
    expect(html).toContain("Recente aanmeldingen");
    expect(html).toContain("203.0.113.77");
    expect(html).toContain("Mislukt");
    expect(html).not.toContain("203.0.113.55");
  });
});
