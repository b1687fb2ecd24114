import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { Account } from "../../../core/kernel/auth/accounts.ts";
import {
  addPasskey,
  completePasskeySignIn,
  passkeyCreationOptions,
  passkeySignInOptions,
  type RelyingParty,
} from "../../../core/kernel/auth/passkeys.ts";
import { loadTenant, type Tenant } from "../../../core/kernel/tenants/tenant.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { configOf } from "../../env.ts";
import type { Identity } from "../../../web/kernel/services.ts";
import { buildServices } from "../../services.ts";
import { SoftwareAuthenticator } from "../testing/authenticator.ts";
import { addUser, createTenant, post, seedDemoTenants, visit } from "../testing/fixtures.ts";

const host = "sleutel.localhost";
const rp: RelyingParty = { id: host, name: "Sleutel", origin: `http://${host}` };
const password = "Rustige-rivier-in-de-herfst-64";
const client = { ipAddress: "203.0.113.9", userAgent: "test" };
let tenant: Tenant;
let identity: Identity;
let people = 0;

async function person(role: "admin" | "staff" | "client" = "staff"): Promise<Account> {
  const id = await addUser(tenant, { email: `sleutel${++people}@sleutel.test`, role, password });
  return (await identity.users.findById(id))!;
}

/** A session of this person, through the sign-in page (password only). */
async function passwordSession(account: Account): Promise<{ cookie: string; id: string }> {
  const response = await post(
    host,
    "/login",
    { email: account.email, password },
    { "cf-connecting-ip": "203.0.113.10" },
  );
  const token = /__Host-session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")![1]!;
  return { cookie: `__Host-session=${token}`, id: token.split(".")[0]! };
}

/** Adds a passkey from this authenticator, as the two requests of the passkeys page do. */
async function addFrom(
  authenticator: SoftwareAuthenticator,
  account: Account,
  sessionId: string,
  name = "Laptop",
) {
  const started = await passkeyCreationOptions(identity, account, password, rp, client);
  if (!started.ok) throw new Error(started.reason);
  const response = await authenticator.register(started.options, rp.origin);
  return {
    started,
    result: await addPasskey(identity, account, sessionId, started.token, response, name, rp, client),
  };
}

/** Signs in with the passkey through the sign-in route; returns the response. */
async function signInWith(authenticator: SoftwareAuthenticator) {
  const { options, token } = await passkeySignInOptions(identity, rp);
  const response = await authenticator.authenticate(options, rp.origin);
  return post(
    host,
    "/login/passkey",
    { intent: "verify", response: JSON.stringify(response) },
    { cookie: `__Host-passkey=${token}` },
  );
}

beforeAll(async () => {
  await seedDemoTenants();
  const data = platformData(env);
  tenant = (await loadTenant(await createTenant("sleutel", "TENANT_DB_2"), data))!;
  identity = buildServices(env, configOf(env)).identityFor(tenant);
});

describe("adding a passkey", () => {
  it("asks the password again, and a discoverable passkey that verifies the person", async () => {
    const account = await person();
    expect(await passkeyCreationOptions(identity, account, "fout", rp, client)).toEqual({
      ok: false,
      reason: "wrong",
    });
    const started = await passkeyCreationOptions(identity, account, password, rp, client);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.options.rp).toEqual({ id: host, name: "Sleutel" });
    expect(started.options.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });
    expect(started.options.user.name).toBe(account.email);
  });

  it("stores a verified passkey, raises this session to two-step and ends the others", async () => {
    const account = await person();
    const other = await passwordSession(account);
    const current = await passwordSession(account);
    // Staff must use a second factor: password-only, only the setup pages open.
    expect((await visit(host, "/", { headers: { cookie: current.cookie } })).headers.get("location")).toBe(
      "/account/two-step",
    );
    const authenticator = await SoftwareAuthenticator.create();
    const { result } = await addFrom(authenticator, account, current.id);
    expect(result).toEqual({ ok: true });
    expect((await visit(host, "/", { headers: { cookie: current.cookie } })).status).toBe(200);
    expect((await visit(host, "/", { headers: { cookie: other.cookie } })).status).toBe(302);
    const page = await (
      await visit(host, "/account/passkeys", { headers: { cookie: current.cookie } })
    ).text();
    expect(page).toContain("Laptop");
  });

  it("refuses an answer to another challenge, or from another site", async () => {
    const account = await person();
    const session = await passwordSession(account);
    const authenticator = await SoftwareAuthenticator.create();
    const first = await passkeyCreationOptions(identity, account, password, rp, client);
    const second = await passkeyCreationOptions(identity, account, password, rp, client);
    if (!first.ok || !second.ok) throw new Error("no options");
    const answerToFirst = await authenticator.register(first.options, rp.origin);
    expect(
      await addPasskey(identity, account, session.id, second.token, answerToFirst, "x", rp, client),
    ).toEqual({
      ok: false,
      reason: "refused",
    });
    const third = await passkeyCreationOptions(identity, account, password, rp, client);
    if (!third.ok) throw new Error("no options");
    const phished = await authenticator.register(third.options, "http://sleutel.evil.example");
    expect(await addPasskey(identity, account, session.id, third.token, phished, "x", rp, client)).toEqual({
      ok: false,
      reason: "refused",
    });
    expect(await identity.passkeys.listOf(account.id)).toHaveLength(0);
  });
});

describe("signing in with a passkey", () => {
  it("signs in without an e-mail address, in a two-step session, and records the use", async () => {
    const account = await person();
    const authenticator = await SoftwareAuthenticator.create();
    await addFrom(authenticator, account, (await passwordSession(account)).id);
    const response = await signInWith(authenticator);
    expect(response.status).toBe(302);
    const cookie = /__Host-session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")![1]!;
    expect((await visit(host, "/", { headers: { cookie: `__Host-session=${cookie}` } })).status).toBe(200);
    const [stored] = await identity.passkeys.listOf(account.id);
    expect(stored?.counter).toBe(1);
    expect(stored?.lastUsedAt).not.toBeNull();
  });

  it("accepts a synced passkey whose counter stays 0, again and again", async () => {
    const account = await person();
    const authenticator = await SoftwareAuthenticator.create({ synced: true });
    await addFrom(authenticator, account, (await passwordSession(account)).id);
    expect((await signInWith(authenticator)).status).toBe(302);
    expect((await signInWith(authenticator)).status).toBe(302);
    const [stored] = await identity.passkeys.listOf(account.id);
    expect(stored).toMatchObject({ counter: 0, backedUp: true });
  });

  it("refuses a counter that goes back (a cloned authenticator) and a replayed answer", async () => {
    const account = await person();
    const authenticator = await SoftwareAuthenticator.create();
    await addFrom(authenticator, account, (await passwordSession(account)).id);
    expect((await signInWith(authenticator)).status).toBe(302);
    expect((await signInWith(authenticator)).status).toBe(302);
    authenticator.counter = 0;
    expect((await signInWith(authenticator)).status).toBe(401);

    const { options, token } = await passkeySignInOptions(identity, rp);
    authenticator.counter = 10;
    const answer = await authenticator.authenticate(options, rp.origin);
    expect((await completePasskeySignIn(identity, token, answer, rp, client)).ok).toBe(true);
    expect(await completePasskeySignIn(identity, token, answer, rp, client)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("knows no passkey of another tenant, and refuses one of a disabled account", async () => {
    const account = await person();
    const authenticator = await SoftwareAuthenticator.create();
    await addFrom(authenticator, account, (await passwordSession(account)).id);
    const coaching = (await loadTenant(
      (await platformData(env).control.tenantBySlug("coaching"))!,
      platformData(env),
    ))!;
    const elsewhere = buildServices(env, configOf(env)).identityFor(coaching);
    const otherRp = { id: "coaching.localhost", name: "Koers", origin: "http://coaching.localhost" };
    const { options, token } = await passkeySignInOptions(elsewhere, otherRp);
    const answer = await authenticator.authenticate(options, otherRp.origin);
    expect(await completePasskeySignIn(elsewhere, token, answer, otherRp, client)).toEqual({
      ok: false,
      reason: "refused",
    });

    await identity.users.setStatus(account.id, "disabled");
    expect((await signInWith(authenticator)).status).toBe(401);
  });

  it("answers a malformed or unasked answer without a session", async () => {
    const garbage = await post(host, "/login/passkey", { intent: "verify", response: "{nope" });
    expect(garbage.status).toBe(400);
    const authenticator = await SoftwareAuthenticator.create();
    const { options } = await passkeySignInOptions(identity, rp);
    const unasked = await post(host, "/login/passkey", {
      intent: "verify",
      response: JSON.stringify(await authenticator.authenticate(options, rp.origin)),
    });
    expect(unasked.status).toBe(401);
    expect(unasked.headers.get("set-cookie") ?? "").not.toContain("__Host-session=");
  });
});

describe("managing passkeys", () => {
  it("renames and removes only one's own passkeys, removal after the password", async () => {
    const owner = await person("client");
    const ownerSession = await passwordSession(owner);
    const authenticator = await SoftwareAuthenticator.create();
    await addFrom(authenticator, owner, ownerSession.id);
    const [passkey] = await identity.passkeys.listOf(owner.id);
    const stranger = await person("client");
    const strangerSession = await passwordSession(stranger);

    for (const intent of ["rename", "remove"]) {
      const response = await post(
        host,
        "/account/passkeys",
        { intent, passkey: passkey!.id, name: "Van mij", password },
        { cookie: strangerSession.cookie },
      );
      expect(response.status).toBe(404);
    }
    const cookie = (await signInWith(authenticator)).headers
      .get("set-cookie")!
      .match(/__Host-session=[^;]+/)![0];
    const renamed = await post(
      host,
      "/account/passkeys",
      { intent: "rename", passkey: passkey!.id, name: "Telefoon" },
      { cookie },
    );
    expect(renamed.status).toBe(302);
    const wrong = await post(
      host,
      "/account/passkeys",
      { intent: "remove", passkey: passkey!.id, password: "fout" },
      { cookie },
    );
    expect(wrong.status).toBe(400);
    const removed = await post(
      host,
      "/account/passkeys",
      { intent: "remove", passkey: passkey!.id, password },
      { cookie },
    );
    expect(removed.status).toBe(302);
    expect(await identity.passkeys.listOf(owner.id)).toHaveLength(0);
  });

  it("keeps the last second factor of someone who must have one", async () => {
    const account = await person("staff");
    const authenticator = await SoftwareAuthenticator.create();
    await addFrom(authenticator, account, (await passwordSession(account)).id);
    const [passkey] = await identity.passkeys.listOf(account.id);
    const cookie = (await signInWith(authenticator)).headers
      .get("set-cookie")!
      .match(/__Host-session=[^;]+/)![0];
    const refused = await post(
      host,
      "/account/passkeys",
      { intent: "remove", passkey: passkey!.id, password },
      { cookie },
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("laatste tweede factor");
    expect(await identity.passkeys.listOf(account.id)).toHaveLength(1);
  });
});

describe("bad input on the passkey pages", () => {
  it("refuses an empty new name at its field, keeps what was typed and renames nothing", async () => {
    const account = await person("client");
    const authenticator = await SoftwareAuthenticator.create();
    await addFrom(authenticator, account, (await passwordSession(account)).id, "Telefoon");
    const [passkey] = await identity.passkeys.listOf(account.id);
    const cookie = (await signInWith(authenticator)).headers
      .get("set-cookie")!
      .match(/__Host-session=[^;]+/)![0];
    const refused = await post(
      host,
      "/account/passkeys",
      { intent: "rename", passkey: passkey!.id, name: "   " },
      { cookie },
    );
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain(`id="name-${passkey!.id}-error"`);
    expect(page).toContain("Geef de passkey een naam.");
    expect(page).toContain('value="   "');
    expect((await identity.passkeys.listOf(account.id))[0]!.name).toBe("Telefoon");

    const unknown = await post(host, "/account/passkeys", { intent: "wipe" }, { cookie });
    expect(unknown.status).toBe(400);
  });

  it("refuses a browser answer that is no JSON object with an id, or too long, without a session", async () => {
    for (const response of ["{nope", JSON.stringify({ type: "public-key" }), `"${"x".repeat(20_001)}"`]) {
      const refused = await post(host, "/login/passkey", { intent: "verify", response });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("Deze passkey werd niet herkend.");
      expect(refused.headers.get("set-cookie") ?? "").not.toContain("__Host-session=");
    }
    expect((await post(host, "/login/passkey", { intent: "verify" })).status).toBe(400);
  });
});
