import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTenant, type Tenant } from "../../../core/kernel/tenants/tenant.ts";
import { D1Outbox } from "../../../db/kernel/notifications/outbox.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { runScheduledWork } from "../../scheduled.ts";
import { deliverQueuedMail, post, seedDemoTenants, signIn, visit } from "../testing/fixtures.ts";

const host = "coaching.localhost";
const data = platformData(env);
let tenant: Tenant;
const goodPassword = "Zonnige-ochtend-aan-zee-42";

const db = () => env.TENANT_DB_1;
const scope = () => data.scopeIn(tenant.cell, tenant.id);

const mailTo = (email: string) => deliverQueuedMail(tenant, email);

const linkIn = (html: string) =>
  /href="http:\/\/coaching\.localhost:8787(\/invitation\/[^"]+)"/.exec(html)?.[1];

async function invited(email: string, role = "client"): Promise<string> {
  const admin = await signIn(host, "marieke.jansen@koerscoaching.nl");
  const response = await post(
    host,
    "/invitations/new",
    { email, displayName: "Nieuwe Persoon", role, language: "nl" },
    { cookie: admin },
  );
  expect(response.status).toBe(302);
  const mail = await mailTo(email);
  expect(mail, `a mail to ${email}`).toBeDefined();
  return linkIn(mail!.html!)!;
}

const accept = (path: string, fields: Record<string, string>, hostName = host) =>
  post(hostName, path, fields);

beforeAll(async () => {
  await seedDemoTenants();
  tenant = (await loadTenant((await data.control.tenantBySlug("coaching"))!, data))!;
});

describe("an invitation", () => {
  it("is mailed with a secret link, no content, no unsubscribe, no in-app item", async () => {
    const admin = await signIn(host, "marieke.jansen@koerscoaching.nl");
    await post(
      host,
      "/invitations/new",
      { email: "Nieuw.Client@Example.nl ", displayName: "Nieuw Client", role: "client", language: "nl" },
      { cookie: admin },
    );
    const mail = await mailTo("nieuw.client@example.nl");
    expect(mail!.subject).toBe("Marieke Jansen nodigt je uit voor het portaal van Koers Coaching");
    expect(linkIn(mail!.html!)).toMatch(/^\/invitation\/inv_[0-9A-Z]{26}\.[\w-]{32}$/);
    expect(mail!.html).not.toContain("unsubscribe");
    expect(mail!.text).toMatch(/^Account openen http:\/\/coaching\.localhost:8787\/invitation\/inv_/m);
    expect(mail!.text).toContain("De link in deze e-mail is 14 dagen geldig");
    expect(mail!.headers).toEqual({});
    // Only the secret's hash is stored; the stored delivery link has no secret.
    const stored = await db()
      .prepare("SELECT link FROM notification_deliveries WHERE kind = 'invitation'")
      .all<{ link: string }>();
    expect(stored.results.every((row) => !row.link.includes("."))).toBe(true);
    const user = await db()
      .prepare("SELECT status, password_hash FROM users WHERE email = ?")
      .bind("nieuw.client@example.nl")
      .first();
    expect(user).toEqual({ status: "invited", password_hash: null });
    // Inviting a client is a change to that client's data: the audit line names them.
    const line = await db()
      .prepare(
        "SELECT a.client_user_id, a.user_agent FROM audit_events a JOIN users u ON u.id = a.target_id WHERE a.action = 'users.invite' AND u.email = ?",
      )
      .bind("nieuw.client@example.nl")
      .first<{ client_user_id: string | null }>();
    expect(line?.client_user_id).toMatch(/^usr_/);
  });

  it("opens without being used, refuses a weak password at the field, then signs the person in", async () => {
    const path = await invited("eva.nieuw@example.nl");
    expect((await visit(host, path)).status).toBe(200);
    expect((await visit(host, path)).status).toBe(200);

    const weak = await accept(path, { password: "wachtwoord", confirm: "wachtwoord" });
    expect(weak.status).toBe(400);
    const page = await weak.text();
    expect(page).toContain('aria-invalid="true"');
    expect(page).toContain("Je nieuwe wachtwoord voldoet nog niet aan alle regels.");

    const mismatch = await accept(path, { password: goodPassword, confirm: `${goodPassword}x` });
    expect(mismatch.status).toBe(400);

    const done = await accept(path, { password: goodPassword, confirm: goodPassword });
    expect(done.status).toBe(302);
    expect(done.headers.get("set-cookie")).toMatch(/^__Host-session=/);
    const user = await db()
      .prepare("SELECT status FROM users WHERE email = ?")
      .bind("eva.nieuw@example.nl")
      .first();
    expect(user).toEqual({ status: "active" });
    // The password works; the link is used up.
    await signIn(host, "eva.nieuw@example.nl", goodPassword);
    const reused = await accept(path, { password: goodPassword, confirm: goodPassword });
    expect(reused.status).toBe(410);
    expect(await (await visit(host, path)).text()).toContain("Deze uitnodiging is al gebruikt.");
  });

  it("asks for the tenant's terms when it has them", async () => {
    const path = await invited("voorwaarden@example.nl");
    await data
      .settingsIn(tenant.cell)
      .write(tenant.id, { ...tenant.settings, terms: { nl: "Wees aardig.", en: "Be kind." } });
    // Resolved sites are cached per host for 30 s: the tenant's own domain is read fresh.
    const ownDomain = "mijn.koerscoaching.nl";
    try {
      expect(await (await visit(ownDomain, path)).text()).toContain("Wees aardig.");
      const refused = await accept(path, { password: goodPassword, confirm: goodPassword }, ownDomain);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("Ga akkoord met de voorwaarden om verder te gaan.");
      expect(
        (await accept(path, { password: goodPassword, confirm: goodPassword, acceptTerms: "on" }, ownDomain))
          .status,
      ).toBe(302);
      const row = await db()
        .prepare("SELECT terms_accepted_at FROM users WHERE email = ?")
        .bind("voorwaarden@example.nl")
        .first<{ terms_accepted_at: string | null }>();
      expect(row?.terms_accepted_at).not.toBeNull();
    } finally {
      await data.settingsIn(tenant.cell).write(tenant.id, tenant.settings);
    }
  });

  it("does nothing with a forged secret, or on another tenant's host", async () => {
    const path = await invited("vals@example.nl");
    const forged = path.replace(/\.[\w-]+$/, `.${"B".repeat(32)}`);
    expect((await accept(forged, { password: goodPassword, confirm: goodPassword })).status).toBe(410);
    expect((await visit(host, forged)).status).toBe(410);
    expect(
      (await accept(path, { password: goodPassword, confirm: goodPassword }, "ggz.localhost")).status,
    ).toBe(410);
    expect((await visit(host, "/invitation/zomaar")).status).toBe(410);
    const user = await db()
      .prepare("SELECT status FROM users WHERE email = ?")
      .bind("vals@example.nl")
      .first();
    expect(user).toEqual({ status: "invited" });
  });

  it("stops working when withdrawn or expired; a mail still queued for it is not sent", async () => {
    const path = await invited("ingetrokken@example.nl");
    const id = /inv_[0-9A-Z]{26}/.exec(path)![0];
    const admin = await signIn(host, "marieke.jansen@koerscoaching.nl");
    // A resend queued, then the withdrawal before the queue sends it.
    await post(host, "/admin/users", { invitation: id, intent: "resend" }, { cookie: admin });
    expect(
      (await post(host, "/admin/users", { invitation: id, intent: "revoke" }, { cookie: admin })).status,
    ).toBe(302);
    const before = (await new D1Outbox(scope()).list(500)).filter(
      (mail) => mail.recipient === "ingetrokken@example.nl",
    ).length;
    await mailTo("ingetrokken@example.nl");
    const after = (await new D1Outbox(scope()).list(500)).filter(
      (mail) => mail.recipient === "ingetrokken@example.nl",
    ).length;
    expect(after).toBe(before);
    expect((await visit(host, path)).status).toBe(410);
    expect(await (await visit(host, path)).text()).toContain("ingetrokken");

    const late = await invited("te-laat@example.nl");
    await db()
      .prepare("UPDATE invitations SET expires_at = ? WHERE id = ?")
      .bind("2020-01-01T00:00:00.000Z", /inv_[0-9A-Z]{26}/.exec(late)![0])
      .run();
    expect(await (await visit(host, late)).text()).toContain("verlopen");
  });

  it("can be resent: the new link works too, and the address can be invited again after a withdrawal", async () => {
    const first = await invited("opnieuw@example.nl");
    const id = /inv_[0-9A-Z]{26}/.exec(first)![0];
    const admin = await signIn(host, "marieke.jansen@koerscoaching.nl");
    await post(host, "/admin/users", { invitation: id, intent: "resend" }, { cookie: admin });
    const second = linkIn((await mailTo("opnieuw@example.nl"))!.html!)!;
    expect(second).not.toBe(first);
    expect((await visit(host, first)).status).toBe(200);
    expect((await visit(host, second)).status).toBe(200);

    await post(host, "/admin/users", { invitation: id, intent: "revoke" }, { cookie: admin });
    const again = await invited("opnieuw@example.nl");
    expect((await accept(again, { password: goodPassword, confirm: goodPassword })).status).toBe(302);
  });

  it("refuses an address that already has an account, at the field", async () => {
    const admin = await signIn(host, "marieke.jansen@koerscoaching.nl");
    const response = await post(
      host,
      "/invitations/new",
      { email: "sanne.visser@example.nl", displayName: "Sanne", role: "client", language: "nl" },
      { cookie: admin },
    );
    expect(response.status).toBe(409);
    const page = await response.text();
    expect(page).toContain("Er is al een account met dit e-mailadres.");
    expect(page).toContain('value="Sanne"');
  });

  it("is for staff (clients only) and admins; clients may not invite", async () => {
    const staff = await signIn(host, "anouk.devries@koerscoaching.nl");
    const asStaff = (role: string) =>
      post(
        host,
        "/invitations/new",
        { email: `staff-${role}@example.nl`, displayName: "X", role, language: "nl" },
        { cookie: staff },
      );
    expect((await asStaff("staff")).status).toBe(403);
    expect((await asStaff("admin")).status).toBe(403);
    expect((await asStaff("client")).status).toBe(302);
    expect((await visit(host, "/admin/users", { headers: { cookie: staff } })).status).toBe(403);
    const client = await signIn(host, "sanne.visser@example.nl");
    expect((await visit(host, "/invitations/new", { headers: { cookie: client } })).status).toBe(403);
    // Another tenant's admin cannot touch this tenant's invitations.
    const path = await invited("ander-tenant@example.nl");
    const id = /inv_[0-9A-Z]{26}/.exec(path)![0];
    const otherAdmin = await signIn("ggz.localhost", "eva.smit@lichtpunt.nl");
    expect(
      (
        await post(
          "ggz.localhost",
          "/admin/users",
          { invitation: id, intent: "revoke" },
          { cookie: otherAdmin },
        )
      ).status,
    ).toBe(404);
  });

  it("reminds after 3 and after 7 days, once each", async () => {
    await invited("herinnering@example.nl");
    const sent = async () =>
      (await db()
        .prepare(
          "SELECT count(*) AS n FROM notification_deliveries d JOIN users u ON u.id = d.recipient_id WHERE u.email = ? AND d.kind = 'invitation-reminder'",
        )
        .bind("herinnering@example.nl")
        .first<{ n: number }>())!.n;
    const day = 24 * 60 * 60 * 1000;
    await runScheduledWork(env, new Date(Date.now() + 2 * day));
    expect(await sent()).toBe(0);
    await runScheduledWork(env, new Date(Date.now() + 3 * day + 60_000));
    expect(await sent()).toBe(1);
    await runScheduledWork(env, new Date(Date.now() + 4 * day));
    expect(await sent()).toBe(1);
    await runScheduledWork(env, new Date(Date.now() + 7 * day + 60_000));
    expect(await sent()).toBe(2);
    await runScheduledWork(env, new Date(Date.now() + 10 * day));
    expect(await sent()).toBe(2);
    const reminder = await mailTo("herinnering@example.nl");
    expect(reminder!.subject).toMatch(/^Herinnering: /);
    expect(linkIn(reminder!.html!)).toBeDefined();
  });
});
