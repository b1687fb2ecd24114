import { env } from "cloudflare:workers";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "../../../core/kernel/tenants/tenant.ts";
import {
  addUser,
  createTenant,
  deliverQueuedMail,
  post,
  seedDemoTenants,
  visit,
} from "../testing/fixtures.ts";

/**
 * Two-step verification in a tenant with the default rule: staff and admins must use a second
 * factor. Each test has its own people, so the per-account guess limits never meet.
 */
const host = "sterk.localhost";
const password = "Stille-bergen-in-de-verte-19";
let tenant: TenantRecord;
let people = 0;
let addresses = 0;

const db = () => env.TENANT_DB_1;
const fromAddress = () => ({ "cf-connecting-ip": `203.0.113.${++addresses % 250}` });

async function person(role: "admin" | "staff" | "client" = "staff") {
  const email = `persoon${++people}@sterk.test`;
  const id = await addUser(tenant, { email, role, password });
  return { id, email };
}

const cookieOf = (response: Response, name: string) =>
  new RegExp(`${name}=([^;]*)`).exec(response.headers.get("set-cookie") ?? "")?.[1];

/** Password step: the session cookie when no second factor is asked, else the challenge cookie. */
async function passwordStep(email: string, pass = password, extra: Record<string, string> = {}) {
  const response = await post(host, "/login", { email, password: pass, ...extra }, fromAddress());
  const session = cookieOf(response, "__Host-session");
  const challenge = cookieOf(response, "__Host-signin");
  return {
    response,
    session: session ? `__Host-session=${session}` : null,
    challenge: challenge ? `__Host-signin=${challenge}` : null,
  };
}

const codeAt = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

/** Sets up the authenticator app for a signed-in person; returns the key and the recovery codes. */
async function enrol(cookie: string) {
  expect((await post(host, "/account/two-step", { intent: "start", password }, { cookie })).status).toBe(302);
  const page = await (await visit(host, "/account/two-step", { headers: { cookie } })).text();
  const secret = /data-testid="totp-key">([^<]+)</.exec(page)![1]!.replace(/\s/g, "");
  const confirmed = await post(
    host,
    "/account/two-step",
    { intent: "confirm", code: await codeAt(secret) },
    { cookie },
  );
  expect(confirmed.status).toBe(200);
  const codes = [...(await confirmed.text()).matchAll(/<code>([a-z0-9-]{14})<\/code>/g)].map(
    (match) => match[1]!,
  );
  return { secret, codes };
}

/** A person with an authenticator set up, signed out again. */
async function enrolled(role: "admin" | "staff" | "client" = "staff") {
  const who = await person(role);
  const { session } = await passwordStep(who.email);
  const factor = await enrol(session!);
  return { ...who, ...factor };
}

async function secondStep(challenge: string, code: string) {
  const response = await post(host, "/login/two-step", { code }, { cookie: challenge, ...fromAddress() });
  const session = cookieOf(response, "__Host-session");
  return { response, session: session ? `__Host-session=${session}` : null };
}

/** A full sign-in of an enrolled person, with the code one step ahead (their enrolment used the current one). */
async function twoStepSession(who: { email: string; secret: string }): Promise<string> {
  const { challenge } = await passwordStep(who.email);
  return (await secondStep(challenge!, await codeAt(who.secret, 30))).session!;
}

beforeAll(async () => {
  await seedDemoTenants();
  tenant = await createTenant("sterk", "TENANT_DB_1");
});

describe("setting up the authenticator app", () => {
  it("sends staff without a second factor to set one up, and nowhere else", async () => {
    const { email } = await person("staff");
    const { session } = await passwordStep(email);
    const home = await visit(host, "/", { headers: { cookie: session! } });
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe("/account/two-step");
    const setup = await visit(host, "/account/two-step", { headers: { cookie: session! } });
    expect(setup.status).toBe(200);
    expect(setup.headers.get("cache-control")).toBe("no-store");
    expect(await setup.text()).toContain("Je organisatie vraagt tweestapsverificatie");
  });

  it("lets a client of this tenant in with a password alone", async () => {
    const { email } = await person("client");
    const { session } = await passwordStep(email);
    expect((await visit(host, "/", { headers: { cookie: session! } })).status).toBe(200);
  });

  it("asks the password again, then shows a QR code and the key in groups of four", async () => {
    const { email } = await person();
    const { session } = await passwordStep(email);
    const cookie = session!;
    const wrong = await post(
      host,
      "/account/two-step",
      { intent: "start", password: "niet-het-wachtwoord" },
      { cookie },
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Je wachtwoord klopt niet.");
    expect((await post(host, "/account/two-step", { intent: "start", password }, { cookie })).status).toBe(
      302,
    );
    const page = await (await visit(host, "/account/two-step", { headers: { cookie } })).text();
    expect(page).toContain("<svg");
    expect(page).toMatch(/data-testid="totp-key">([A-Z2-7]{4} ){7}[A-Z2-7]{4}</);
  });

  it("refuses a wrong first code at the field and keeps the key unconfirmed", async () => {
    const { email, id } = await person();
    const { session } = await passwordStep(email);
    await post(host, "/account/two-step", { intent: "start", password }, { cookie: session! });
    const refused = await post(
      host,
      "/account/two-step",
      { intent: "confirm", code: "000000" },
      { cookie: session! },
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('aria-invalid="true"');
    const row = await db()
      .prepare("SELECT confirmed_at FROM totp_factors WHERE user_id = ?")
      .bind(id)
      .first<{ confirmed_at: string | null }>();
    expect(row?.confirmed_at).toBeNull();
  });

  it("confirms with a code, shows ten recovery codes once, stores only hashes, ends other sessions", async () => {
    const { email, id } = await person();
    const other = await passwordStep(email);
    const { session } = await passwordStep(email);
    const { codes } = await enrol(session!);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db()
      .prepare("SELECT code_hash FROM recovery_codes WHERE user_id = ?")
      .bind(id)
      .all<{ code_hash: string }>();
    expect(stored.results).toHaveLength(10);
    expect(stored.results.some((row) => codes.some((code) => row.code_hash.includes(code)))).toBe(false);
    // This session now counts as two-step; the other one ended.
    expect((await visit(host, "/", { headers: { cookie: session! } })).status).toBe(200);
    expect((await visit(host, "/", { headers: { cookie: other.session! } })).status).toBe(302);
    const page = await (await visit(host, "/account/two-step", { headers: { cookie: session! } })).text();
    expect(page).toContain("Je hebt nog 10 ongebruikte herstelcodes.");
    expect(page).not.toContain(codes[0]);
  });

  it("does not let staff turn it off while the tenant requires it", async () => {
    const { email, secret } = await enrolled();
    const { challenge } = await passwordStep(email);
    const { session } = await secondStep(challenge!, await codeAt(secret, 30));
    const refused = await post(
      host,
      "/account/two-step",
      { intent: "remove", password },
      { cookie: session! },
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("pas uitzetten als je een passkey hebt");
  });
});

describe("signing in with the second factor", () => {
  it("gives a challenge, not a session, for the right password", async () => {
    const { email } = await enrolled();
    const { response, session, challenge } = await passwordStep(email);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login/two-step?returnTo=%2F");
    expect(session).toBeNull();
    expect(challenge).toMatch(/^__Host-signin=chl_/);
    expect(response.headers.get("set-cookie")).toContain("HttpOnly");
  });

  it("accepts a code one step ahead, then never the same code again", async () => {
    const { email, secret } = await enrolled();
    const code = await codeAt(secret, 30);
    const first = await passwordStep(email);
    const signedIn = await secondStep(first.challenge!, code);
    expect(signedIn.response.status).toBe(302);
    expect((await visit(host, "/", { headers: { cookie: signedIn.session! } })).status).toBe(200);

    const again = await passwordStep(email);
    const replayed = await secondStep(again.challenge!, code);
    expect(replayed.response.status).toBe(400);
    expect(replayed.session).toBeNull();
    expect(await replayed.response.text()).toContain("al gebruikt");
  });

  it("refuses codes from outside one step of drift", async () => {
    const { email, secret } = await enrolled();
    const { challenge } = await passwordStep(email);
    expect((await secondStep(challenge!, await codeAt(secret, 95))).response.status).toBe(400);
    expect((await secondStep(challenge!, await codeAt(secret, -95))).response.status).toBe(400);
  });

  it("takes each recovery code once", async () => {
    const { email, codes } = await enrolled();
    const first = await passwordStep(email);
    expect((await secondStep(first.challenge!, codes[3]!.toUpperCase())).response.status).toBe(302);
    const again = await passwordStep(email);
    expect((await secondStep(again.challenge!, codes[3]!)).response.status).toBe(400);
  });

  it("ends the challenge after five wrong codes", async () => {
    const { email, secret } = await enrolled();
    const { challenge } = await passwordStep(email);
    for (let attempt = 1; attempt < 5; attempt++) {
      expect((await secondStep(challenge!, "123456")).response.status).toBe(400);
    }
    const fifth = await secondStep(challenge!, "123456");
    expect(fifth.response.headers.get("location")).toBe("/login?expired=1");
    const ended = await secondStep(challenge!, await codeAt(secret, 30));
    expect(ended.response.status).toBe(302);
    expect(ended.response.headers.get("location")).toBe("/login?expired=1");
    expect(ended.session).toBeNull();
  });

  it("sends a forged, expired or other tenant's challenge back to the login page", async () => {
    const { email, id } = await enrolled();
    const forged = await visit(host, "/login/two-step", {
      headers: { cookie: "__Host-signin=chl_X.forged" },
    });
    expect(forged.headers.get("location")).toBe("/login?expired=1");

    const { challenge } = await passwordStep(email);
    const elsewhere = await visit("coaching.localhost", "/login/two-step", {
      headers: { cookie: challenge! },
    });
    expect(elsewhere.headers.get("location")).toBe("/login?expired=1");

    await db()
      .prepare("UPDATE sign_in_challenges SET expires_at = ? WHERE user_id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), id)
      .run();
    const expired = await visit(host, "/login/two-step", { headers: { cookie: challenge! } });
    expect(expired.headers.get("location")).toBe("/login?expired=1");
  });

  it("still lets the owner in while guessing is throttled: password and code together", async () => {
    const { email, secret } = await enrolled();
    for (let guess = 0; guess < 10; guess++) await passwordStep(email, `fout-${guess}`);
    const throttled = await passwordStep(email);
    expect(throttled.response.status).toBe(429);
    expect(await throttled.response.text()).toContain('name="code"');
    // A wrong password with a right code tells a guesser nothing.
    const guessed = await passwordStep(email, "nog-een-gok", { code: await codeAt(secret) });
    expect(guessed.response.status).toBe(429);
    const owner = await passwordStep(email, password, { code: await codeAt(secret, 30) });
    expect(owner.response.status).toBe(302);
    expect((await visit(host, "/", { headers: { cookie: owner.session! } })).status).toBe(200);
  });

  it("still asks the second factor after a password reset", async () => {
    const { email } = await enrolled();
    await post(host, "/password-reset", { email }, fromAddress());
    const mail = await deliverQueuedMail(tenant, email);
    const link = /href="http:\/\/sterk\.localhost:8787(\/password-reset\/[^"]+)"/.exec(mail?.html ?? "")?.[1];
    const next = "Nieuwe-zomer-aan-het-strand-88";
    expect((await post(host, link!, { password: next, confirm: next })).status).toBe(302);
    const { session, challenge } = await passwordStep(email, next);
    expect(session).toBeNull();
    expect(challenge).not.toBeNull();
  });

  it("works through the API: login answers a challenge, the code a bearer token", async () => {
    const { email, secret } = await enrolled();
    const api = (path: string, body: unknown) =>
      visit(host, `/api/v1${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...fromAddress() },
        body: JSON.stringify(body),
      });
    const login = await api("/auth/login", { email, password });
    expect(login.status).toBe(202);
    const { challenge } = await login.json<{ challenge: string }>();
    expect((await api("/auth/second-factor", { challenge, code: "000000" })).status).toBe(401);
    const done = await api("/auth/second-factor", { challenge, code: await codeAt(secret, 30) });
    expect(done.status).toBe(200);
    const { token } = await done.json<{ token: string }>();
    const me = await visit(host, "/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ email, secondFactorSetupRequired: false });

    // Staff without a second factor get a token, and are told to set one up first.
    const newcomer = await person("staff");
    const passwordOnly = await api("/auth/login", { email: newcomer.email, password });
    expect(passwordOnly.status).toBe(200);
    expect(await passwordOnly.json()).toMatchObject({ user: { secondFactorSetupRequired: true } });
  });
});

describe("an admin resets someone's second factor", () => {
  it("asks the admin's password, removes every factor, ends sessions, audits and mails", async () => {
    const admin = await enrolled("admin");
    const adminCookie = await twoStepSession(admin);
    const staff = await enrolled("staff");
    const staffCookie = await twoStepSession(staff);

    const refused = await post(
      host,
      "/admin/users",
      { intent: "reset-factors", user: staff.id, password: "fout" },
      { cookie: adminCookie },
    );
    expect(refused.status).toBe(400);
    expect((await visit(host, "/", { headers: { cookie: staffCookie } })).status).toBe(200);

    const reset = await post(
      host,
      "/admin/users",
      { intent: "reset-factors", user: staff.id, password },
      { cookie: adminCookie },
    );
    expect(reset.status).toBe(302);
    expect((await visit(host, "/", { headers: { cookie: staffCookie } })).status).toBe(302);
    const factors = await db()
      .prepare(
        "SELECT (SELECT count(*) FROM totp_factors WHERE user_id = ?1) + (SELECT count(*) FROM recovery_codes WHERE user_id = ?1) AS n",
      )
      .bind(staff.id)
      .first<{ n: number }>();
    expect(factors?.n).toBe(0);
    const audit = await db()
      .prepare(
        "SELECT actor_user_id, target_id FROM audit_events WHERE action = 'users.second-factor.reset' AND result = 'success' AND target_id = ?",
      )
      .bind(staff.id)
      .first<{ actor_user_id: string; target_id: string }>();
    expect(audit?.actor_user_id).toBe(admin.id);
    const mail = await deliverQueuedMail(tenant, staff.email);
    expect(mail?.subject).toContain("tweestapsverificatie uitgezet");
    // Next sign-in: password only, then straight to setting up a new factor.
    const { session } = await passwordStep(staff.email);
    expect((await visit(host, "/", { headers: { cookie: session! } })).headers.get("location")).toBe(
      "/account/two-step",
    );
  });

  it("finds no person of another tenant, and staff may not reset at all", async () => {
    const admin = await enrolled("admin");
    const adminCookie = await twoStepSession(admin);
    const stranger = await addUser(
      { id: "ten_other", cell: "TENANT_DB_1" },
      { email: "vreemde@elders.test" },
    );
    const foreign = await post(
      host,
      "/admin/users",
      { intent: "reset-factors", user: stranger, password },
      { cookie: adminCookie },
    );
    expect(foreign.status).toBe(404);

    const staff = await enrolled("staff");
    const staffCookie = await twoStepSession(staff);
    const forbidden = await post(
      host,
      "/admin/users",
      { intent: "reset-factors", user: admin.id, password },
      { cookie: staffCookie },
    );
    expect(forbidden.status).toBe(403);
  });
});
