import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { platformData } from "../../../db/kernel/platform.ts";
import { deliverQueuedMail, post, seedDemoTenants, signIn, visit } from "../testing/fixtures.ts";

const host = "ggz.localhost";
const db = () => env.TENANT_DB_2;
let tenantId: string;
let requests = 0;

/** Asks for a reset from its own client address (the limit per address is tested on its own). */
const ask = (email: string, ip = `198.51.100.${100 + (++requests % 100)}`) =>
  post(host, "/password-reset", { email }, { "cf-connecting-ip": ip });

/** Sends the queued mail to this address and returns the path of the newest reset link in it. */
async function resetLinkFor(email: string): Promise<string | undefined> {
  const mail = await deliverQueuedMail({ id: tenantId, cell: "TENANT_DB_2" }, email);
  return /href="http:\/\/ggz\.localhost:8787(\/password-reset\/[^"]+)"/.exec(mail?.html ?? "")?.[1];
}

const mailCount = async (email: string) =>
  (await db()
    .prepare("SELECT count(*) AS n FROM outbox_messages WHERE recipient = ?")
    .bind(email)
    .first<{ n: number }>())!.n;

const newPassword = "Lange-wandeling-door-het-bos-7";

beforeAll(async () => {
  await seedDemoTenants();
  tenantId = (await platformData(env).control.tenantBySlug("ggz"))!.id;
});

describe("password reset by mail", () => {
  it("answers alike for unknown and known addresses; only the account gets a mail", async () => {
    const known = await ask("youssef.haddad@example.nl");
    const unknown = await ask("niemand@example.nl");
    expect(known.status).toBe(302);
    expect(unknown.status).toBe(302);
    expect(known.headers.get("location")).toBe(unknown.headers.get("location"));
    expect(await resetLinkFor("youssef.haddad@example.nl")).toMatch(
      /^\/password-reset\/pwr_[0-9A-Z]{26}\.[\w-]{32}$/,
    );
    expect(await mailCount("niemand@example.nl")).toBe(0);
    const stored = await db()
      .prepare("SELECT link FROM notification_deliveries WHERE kind = 'password-reset'")
      .all<{ link: string }>();
    expect(stored.results.every((row) => !row.link.includes("."))).toBe(true);
  });

  it("refuses a bad address at the field", async () => {
    const response = await ask("geen-adres");
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('aria-invalid="true"');
    expect(page).toContain('value="geen-adres"');
  });

  it("sets a good new password once, ends every session, and the old password stops working", async () => {
    const email = "lotte.deboer@example.nl";
    const before = await signIn(host, email);
    await ask(email);
    const path = (await resetLinkFor(email))!;
    expect((await visit(host, path)).status).toBe(200);

    const weak = await post(host, path, { password: "lotte", confirm: "lotte" });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain("Je nieuwe wachtwoord voldoet nog niet aan alle regels.");

    const done = await post(host, path, { password: newPassword, confirm: newPassword });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login?reset=1");
    // The session from before the reset is gone.
    const account = await visit(host, "/account", { headers: { cookie: before } });
    expect(account.headers.get("location")).toMatch(/^\/login/);
    await expect(signIn(host, email)).rejects.toThrow();
    await signIn(host, email, newPassword);
    // Used up.
    expect((await post(host, path, { password: newPassword, confirm: newPassword })).status).toBe(410);
  });

  it("does nothing with a forged, expired or foreign link", async () => {
    const email = "emma.lindqvist@example.com";
    await ask(email);
    const path = (await resetLinkFor(email))!;
    const forged = path.replace(/\.[\w-]+$/, `.${"C".repeat(32)}`);
    expect((await post(host, forged, { password: newPassword, confirm: newPassword })).status).toBe(410);
    expect(
      (await post("coaching.localhost", path, { password: newPassword, confirm: newPassword })).status,
    ).toBe(410);
    await db().prepare("UPDATE password_resets SET expires_at = '2020-01-01T00:00:00.000Z'").run();
    expect((await visit(host, path)).status).toBe(410);
    expect((await post(host, path, { password: newPassword, confirm: newPassword })).status).toBe(410);
    await signIn(host, email);
  });

  it("sends at most three mails an hour for one address", async () => {
    const email = "thomas.vandijk@lichtpunt.nl";
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await ask(email)).status).toBe(302);
    }
    await resetLinkFor(email);
    expect(await mailCount(email)).toBe(3);
  });
});
