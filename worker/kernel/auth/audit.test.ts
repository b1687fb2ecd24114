import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { platformData } from "../../../db/kernel/platform.ts";
import { dateTimeFormat } from "../../../web/kernel/i18n/format.server.ts";
import { languageCookie } from "../../../web/kernel/cookies.ts";
import { addUser, post, seedDemoTenants, signIn, visit } from "../testing/fixtures.ts";

const host = "support.localhost";
const admin = () => signIn(host, "rick.janssen@helderzorgsoftware.nl");
const page = async (query: string) =>
  (await visit(host, `/admin/audit${query}`, { headers: { cookie: await admin() } })).text();
const csv = async (query: string, cookie?: string) =>
  visit(host, `/admin/audit.csv${query}`, { headers: { cookie: cookie ?? (await admin()) } });
const supportTenant = async () => (await platformData(env).control.tenantBySlug("support"))!;

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
  it("shows sign-ins and failed attempts with who, what and from where, in words", async () => {
    const html = await page("");
    expect(html).toContain("Femke van Leeuwen");
    expect(html).toContain("<td>Ingelogd</td>");
    expect(html).toContain("Mislukt");
    expect(html).toContain("203.0.113.55");
    expect(html).not.toMatch(/\bauth\.login\b/);
  });

  it("filters by person and by area", async () => {
    const femke = await page("?person=femke.vanleeuwen%40rijnoever-fysio.nl");
    expect(femke).toContain("Femke van Leeuwen");
    expect(femke).not.toContain("203.0.113.55");
    const users = await page("?area=users");
    expect(users).not.toContain("<td>Ingelogd</td>");
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
    expect(html).toMatch(/<td>Uitnodiging verstuurd<\/td><td>Noor Nieuw<\/td>/);
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

describe("the audit log in another language and time zone", () => {
  it("says what happened in the admin's English, at times in their own zone", async () => {
    const tenant = await supportTenant();
    await addUser(tenant, {
      email: "ann.baker@helderzorgsoftware.nl",
      role: "admin",
      language: "en",
      timeZone: "America/New_York",
      password: "Long-enough-password-42",
    });
    const cookie = await signIn(host, "ann.baker@helderzorgsoftware.nl", "Long-enough-password-42");
    const response = await visit(host, "/admin/audit?area=auth", {
      headers: { cookie: `${cookie}; ${languageCookie.name}=en` },
    });
    const html = await response.text();
    expect(html).toContain("<td>Signed in</td>");
    expect(html).toContain("Failed");
    expect(html).toContain("Femke van Leeuwen");
    expect(html).not.toContain("Ingelogd");
    const [, at, shown] = /<time dateTime="([^"]+)">([^<]+)<\/time>/.exec(html)!;
    expect(shown).toBe(dateTimeFormat("en", "America/New_York").format(new Date(at!)));
    expect(shown).not.toBe(dateTimeFormat("en", "Europe/Amsterdam").format(new Date(at!)));
  });
});

describe("the audit log's export", () => {
  it("holds every line of the filter with its codes and ids, and is itself recorded", async () => {
    const response = await csv("?area=auth");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="audit-support-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The byte order mark first, for spreadsheets; a decoder reads past it.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^at,action,result,actor_id,actor_name,/);
    const failed = lines.find((line) => line.includes("203.0.113.55"))!;
    expect(failed).toMatch(
      /^\d{4}-\d{2}-\d{2}T[\d:.]+Z,auth\.login,failure,usr_[0-9A-Z]{26},Mohamed Bouzid,/,
    );
    expect(lines.slice(1).every((line) => /^[^,]+,auth\./.test(line))).toBe(true);
    const tenant = await supportTenant();
    const { results } = await env[tenant.cell as "TENANT_DB_1"]!.prepare(
      "SELECT detail FROM audit_events WHERE tenant_id = ? AND action = 'audit.export'",
    )
      .bind(tenant.id)
      .all<{ detail: string }>();
    expect(results.map((row) => JSON.parse(row.detail))).toContainEqual({ area: "auth" });
  });

  it("follows the page's filter by person, and refuses a filter that is wrong", async () => {
    const femke = await (await csv("?person=femke.vanleeuwen%40rijnoever-fysio.nl")).text();
    expect(femke).toContain("Femke van Leeuwen");
    expect(femke).not.toContain("203.0.113.55");
    expect((await csv("?from=2026-13-45")).status).toBe(400);
    expect((await csv("?area=nothing")).status).toBe(400);
    const nobody = await (await csv("?person=niemand%40example.nl")).text();
    expect(nobody.trimEnd().split("\r\n")).toHaveLength(1);
  });

  it("is offered on the page with its filter", async () => {
    expect(await page("?area=auth")).toContain('href="/admin/audit.csv?area=auth"');
  });

  it("is for admins of this tenant only", async () => {
    const staff = await signIn(host, "sophie.meijer@helderzorgsoftware.nl");
    expect((await csv("", staff)).status).toBe(403);
    const anonymous = await visit(host, "/admin/audit.csv");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
    // Another tenant's admin gets their own log, and this tenant's cookie means nothing there.
    const other = await signIn("coaching.localhost", "marieke.jansen@koerscoaching.nl");
    const theirs = await visit("coaching.localhost", "/admin/audit.csv", { headers: { cookie: other } });
    expect(theirs.status).toBe(200);
    const text = await theirs.text();
    expect(text).toContain("Marieke Jansen");
    expect(text).not.toContain("Femke van Leeuwen");
    const borrowed = await visit("coaching.localhost", "/admin/audit.csv", {
      headers: { cookie: await admin() },
    });
    expect(borrowed.status).toBe(302);
    expect((await visit("nowhere.localhost", "/admin/audit.csv")).status).toBe(404);
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
