import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiKeyPrefix } from "../../../core/kernel/auth/api-keys.ts";
import type { ApiScope } from "../../../core/kernel/auth/api-scopes.ts";
import { newId } from "../../../core/kernel/ids.ts";
import { hashSecret, newSecretToken } from "../../../core/kernel/platform/secret-token.ts";
import { D1ApiKeyStore } from "../../../db/kernel/identity/api-key-store.ts";
import { apiKeys, auditEvents, users } from "../../../db/kernel/schema.ts";
import { platformData } from "../../../db/kernel/platform.ts";
import { demoPassword } from "../../../db/kernel/seed/demo-tenants.ts";
import { addUser, createTenant, post, seedDemoTenants, signIn, visit } from "../testing/fixtures.ts";

const host = "thuiszorg.localhost";
const admin = "peter.degraaf@delinde.nl";
const data = platformData(env);
let scope: ReturnType<typeof data.scopeIn>;
let adminId: string;

/** The key's shape: scanners can look for exactly this. */
const keyPattern = /portaal_key_[0-9A-HJKMNP-TV-Z]{26}\.[A-Za-z0-9_-]{32}/;

let calls = 0;
/** An API call with this bearer token, each from its own address so the per-address limit stays out of the way. */
const call = (token: string, path: string, init: RequestInit = {}, at = host) =>
  visit(at, `/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "cf-connecting-ip": `203.0.113.${++calls % 250}` },
  });

/** The admin's form on /admin/api-keys, as the browser sends it. */
async function makeKey(
  fields: Record<string, string | string[]>,
  { at = host, as = admin }: { at?: string; as?: string } = {},
) {
  const body = new URLSearchParams({ intent: "create", days: "90", password: demoPassword });
  for (const [name, value] of Object.entries(fields)) {
    body.delete(name);
    for (const each of [value].flat()) body.append(name, each);
  }
  return visit(at, "/admin/api-keys", {
    method: "POST",
    headers: {
      cookie: await signIn(at, as),
      origin: `http://${at}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: body.toString(),
  });
}

async function newKey(name: string, at = host, as = admin): Promise<string> {
  const response = await makeKey({ name, scopes: "users:read" }, { at, as });
  expect(response.status).toBe(200);
  const token = keyPattern.exec(await response.text())?.[0];
  if (!token) throw new Error("no key on the page");
  return token;
}

/** A key written straight to the store, for states the form cannot make (an old scope, a past expiry). */
async function storedKey(fields: { scopes?: string[]; expiresAt?: string }): Promise<string> {
  const { id, secret, token } = newSecretToken("apiKey");
  const now = new Date().toISOString();
  await new D1ApiKeyStore(scope).create({
    id,
    name: `stored ${id}`,
    scopes: (fields.scopes ?? ["users:read"]) as ApiScope[],
    createdBy: adminId,
    createdAt: now,
    expiresAt: fields.expiresAt ?? new Date(Date.now() + 86_400_000).toISOString(),
    lastUsedAt: null,
    revokedAt: null,
    secretHash: await hashSecret(secret),
  });
  return apiKeyPrefix + token;
}

const idOf = (token: string) => token.slice(apiKeyPrefix.length).split(".")[0]!;
const auditOf = (action: string, targetId: string) =>
  scope.list(auditEvents, { where: and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)) });

beforeAll(async () => {
  await seedDemoTenants();
  const record = (await data.control.tenantBySlug("thuiszorg"))!;
  scope = data.scopeIn(record.cell, record.id);
  adminId = (await scope.findOne(users, eq(users.email, admin)))!.id;
});

describe("making, listing and revoking keys", () => {
  it("shows a new key once, keeps only the hash of its secret, and lists it", async () => {
    const response = await makeKey({ name: "Rapportage", scopes: "users:read", days: "30" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Je ziet hem hierna niet meer");
    const token = keyPattern.exec(html)![0];
    const row = (await scope.findById(apiKeys, idOf(token)))!;
    expect(row).toMatchObject({ name: "Rapportage", scopes: ["users:read"], createdBy: adminId });
    expect(row.secretHash).toBe(await hashSecret(token.split(".")[1]!));
    const days = (new Date(row.expiresAt!).getTime() - new Date(row.createdAt).getTime()) / 86_400_000;
    expect(days).toBe(30);

    const list = await visit(host, "/admin/api-keys", { headers: { cookie: await signIn(host, admin) } });
    const page = await list.text();
    expect(page).toContain("Rapportage");
    expect(page).toContain("Nog nooit gebruikt");
    expect(page).toContain("Mag: Gebruikers lezen");
    expect(page).not.toContain(token.split(".")[1]!);

    const created = await auditOf("api-keys.create", row.id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorUserId: adminId, result: "success" });
  });

  it("refuses a form without name or scope, or with a wrong password, and writes nothing", async () => {
    const before = await scope.count(apiKeys);
    const empty = await makeKey({ name: " ", days: "90" });
    expect(empty.status).toBe(400);
    const emptyPage = await empty.text();
    expect(emptyPage).toContain("Vul een naam in.");
    expect(emptyPage).toContain("Kies wat de sleutel mag.");

    const tooLong = await makeKey({ name: "x".repeat(81), scopes: "users:read", days: "7" });
    expect(tooLong.status).toBe(400);
    const tooLongPage = await tooLong.text();
    expect(tooLongPage).toContain("Een naam heeft hoogstens 80 tekens.");
    expect(tooLongPage).toContain("Kies hoe lang de sleutel geldig is.");

    const unknownScope = await makeKey({ name: "Alles", scopes: ["users:read", "users:write"] });
    expect(unknownScope.status).toBe(400);

    const wrong = await makeKey({ name: "Bewaard", scopes: "users:read", password: "niet-mijn-wachtwoord" });
    expect(wrong.status).toBe(400);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain("Je wachtwoord klopt niet");
    expect(wrongPage).toContain('value="Bewaard"');
    expect(await scope.count(apiKeys)).toBe(before);
    const failed = await scope.list(auditEvents, {
      where: and(eq(auditEvents.action, "api-keys.create"), eq(auditEvents.result, "failure")),
    });
    expect(failed.length).toBeGreaterThan(0);
  });

  it("refuses a made-up lifetime and a missing password at their fields, keeping the name and scopes", async () => {
    const before = await scope.count(apiKeys);
    const refused = await makeKey({
      name: "Boekhouding",
      scopes: ["users:read", "users:read"],
      days: "9999",
      password: "",
    });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toMatch(/id="days-error"[^>]*>Kies hoe lang de sleutel geldig is\./);
    expect(page).toMatch(/id="password-error"[^>]*>Vul je wachtwoord in\./);
    expect(page).toContain('value="Boekhouding"');
    expect(page).toMatch(/id="scope-users:read"[^>]*checked/);
    expect(await scope.count(apiKeys)).toBe(before);
  });

  it("revokes a key at once; revoking it again, or another tenant's key, is not found", async () => {
    const token = await newKey("Tijdelijk");
    expect((await call(token, "/users")).status).toBe(200);
    const cookie = await signIn(host, admin);
    const revoke = (key: string, at = host) =>
      post(at, "/admin/api-keys", { intent: "revoke", key }, { cookie });
    const done = await revoke(idOf(token));
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/admin/api-keys?done=revoke");
    const answer = await call(token, "/users");
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect((await revoke(idOf(token))).status).toBe(404);
    expect(await auditOf("api-keys.revoke", idOf(token))).toMatchObject([
      { actorUserId: adminId, result: "success" },
    ]);

    const elsewhere = await newKey("Elders", "support.localhost", "rick.janssen@helderzorgsoftware.nl");
    expect((await revoke(idOf(elsewhere))).status).toBe(404);
    expect((await call(elsewhere, "/users", {}, "support.localhost")).status).toBe(200);
  });

  it("is for admins only: staff and clients get 403 on the page and on a post", async () => {
    for (const email of ["ingrid.kok@delinde.nl", "gerda.hendriks@example.nl"]) {
      const cookie = await signIn(host, email);
      expect((await visit(host, "/admin/api-keys", { headers: { cookie } })).status).toBe(403);
      const before = await scope.count(apiKeys);
      const refused = await makeKey({ name: "Stiekem", scopes: "users:read" }, { as: email });
      expect(refused.status).toBe(403);
      expect(await scope.count(apiKeys)).toBe(before);
    }
  });
});

describe("calling the API with a key", () => {
  it("lists the tenant's people a page at a time, without secrets", async () => {
    const token = await newKey("Personeelssysteem");
    const first = await call(token, "/users?limit=2");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const page = (await first.json()) as { users: Record<string, unknown>[]; nextCursor: string | null };
    expect(page.users).toHaveLength(2);
    expect(Object.keys(page.users[0]!).sort()).toEqual(
      ["createdAt", "displayName", "email", "id", "role", "status"].sort(),
    );
    const seen = page.users.map((user) => user.id);
    let cursor = page.nextCursor;
    while (cursor) {
      const next = (await (await call(token, `/users?limit=2&cursor=${cursor}`)).json()) as typeof page;
      seen.push(...next.users.map((user) => user.id));
      cursor = next.nextCursor;
    }
    const everyone = (await (await call(token, "/users?limit=100")).json()) as typeof page;
    expect(everyone.nextCursor).toBeNull();
    expect(seen).toEqual(everyone.users.map((user) => user.id));
    expect(everyone.users.map((user) => user.email)).toContain(admin);
    expect(JSON.stringify(everyone)).not.toMatch(/password|scrypt/i);

    expect((await call(token, "/users?limit=0")).status).toBe(400);
    expect((await call(token, "/users?cursor=niet-een-cursor")).status).toBe(400);
  });

  it("writes an audit line per call with the key as the actor, and notes its last use once a minute", async () => {
    const token = await newKey("Auditproef");
    await call(token, "/users");
    await call(token, "/users");
    const lines = await auditOf("api-keys.use", idOf(token));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      actorUserId: idOf(token),
      result: "success",
      detail: { key: "Auditproef", operation: "listUsers", status: 200 },
    });
    const row = (await scope.findById(apiKeys, idOf(token)))!;
    expect(row.lastUsedAt).not.toBeNull();
    await call(token, "/users");
    expect((await scope.findById(apiKeys, idOf(token)))!.lastUsedAt).toBe(row.lastUsedAt);

    const audit = await visit(host, "/admin/audit?area=api-keys", {
      headers: { cookie: await signIn(host, admin) },
    });
    const page = await audit.text();
    expect(page).toContain("<td>API gebruikt met een sleutel</td>");
    expect(page).toContain("API-sleutel «Auditproef»");
  });

  it("answers 403 to a key without the scope, and logs the refusal", async () => {
    // A scope that no longer exists grants nothing.
    const token = await storedKey({ scopes: ["users:write"] });
    const answer = await call(token, "/users");
    expect(answer.status).toBe(403);
    expect(answer.headers.get("www-authenticate")).toBe(
      'Bearer error="insufficient_scope", scope="users:read"',
    );
    expect(await answer.json()).toMatchObject({ error: { code: "insufficient_scope" } });
    expect(await auditOf("api-keys.use", idOf(token))).toMatchObject([
      { result: "denied", detail: { reason: "scope_missing" } },
    ]);
  });

  it("answers 401 to an expired, forged, malformed or unknown key, and to another tenant's", async () => {
    const expired = await storedKey({ expiresAt: new Date(Date.now() - 1000).toISOString() });
    const live = await newKey("Echt");
    const forged = `${live.split(".")[0]}.${"A".repeat(32)}`;
    const unknown = `${apiKeyPrefix}${newId("apiKey")}.${live.split(".")[1]}`;
    const otherTenant = await newKey("Andere", "support.localhost", "rick.janssen@helderzorgsoftware.nl");
    for (const token of [
      expired,
      forged,
      unknown,
      otherTenant,
      "portaal_key_kapot",
      `${live}.extra`,
      "portaal_",
      live.slice(0, -1),
    ]) {
      const answer = await call(token, "/users");
      expect(answer.status, token).toBe(401);
      expect(await answer.json()).toMatchObject({ error: { code: "invalid_key" } });
    }
    expect(await auditOf("api-keys.use", idOf(expired))).toMatchObject([
      { result: "failure", detail: { reason: "expired" } },
    ]);
    // The forged secret and the cut-off one: both named the real key.
    const forgedLines = await auditOf("api-keys.use", idOf(forged));
    expect(forgedLines.map((line) => [line.result, line.detail?.reason])).toEqual([
      ["failure", "forged"],
      ["failure", "forged"],
    ]);
    expect((await call(live, "/users")).status).toBe(200);
  });

  it("reaches no person's operation and no page", async () => {
    const token = await newKey("Alleen lezen");
    for (const [path, method] of [
      ["/me", "GET"],
      ["/auth/logout", "POST"],
    ] as const) {
      const answer = await call(token, path, { method });
      expect(answer.status, path).toBe(401);
      expect(await answer.json()).toMatchObject({ error: { code: "person_required" } });
    }
    for (const path of ["/", "/admin/api-keys", "/admin/users", "/account"]) {
      const page = await visit(host, path, { headers: { authorization: `Bearer ${token}` } });
      expect(page.status, path).toBe(302);
      expect(page.headers.get("location"), path).toMatch(/^\/login/);
    }
    // Still a working key.
    expect((await call(token, "/users")).status).toBe(200);
  });

  it("limits calls per key", async () => {
    const token = await newKey("Druk");
    // A burst of 60, refilled at one a second while the calls run: the limit comes soon after.
    let allowed = 0;
    let refused: Response | null = null;
    while (!refused && allowed < 150) {
      const answer = await call(token, "/users?limit=1");
      if (answer.status === 429) refused = answer;
      else allowed++;
    }
    expect(allowed).toBeGreaterThanOrEqual(60);
    expect(refused?.headers.get("retry-after")).toMatch(/^\d+$/);
    // Some sixty calls in a row: more than the default five seconds on a busy machine.
  }, 60_000);
});

describe("listUsers with a person's session", () => {
  const login = async (at: string, email: string, password = demoPassword) => {
    const response = await visit(at, "/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "192.0.2.40" },
      body: JSON.stringify({ email, password }),
    });
    return ((await response.json()) as { token: string }).token;
  };

  it("is open to an admin's token and refused to staff", async () => {
    expect((await call(await login(host, admin), "/users")).status).toBe(200);
    const staff = await call(await login(host, "ingrid.kok@delinde.nl"), "/users");
    expect(staff.status).toBe(403);
    expect((await call("ses_onzin.onzin", "/users")).status).toBe(401);
  });

  it("is refused to an admin whose tenant requires a second factor that is not set up yet", async () => {
    const tenant = await createTenant("strikt", "TENANT_DB_1", {
      settings: { secondFactor: { required: ["admin", "staff"] } },
    });
    await addUser(tenant, { email: "beheer@strikt.nl", role: "admin", password: "Lange-zin-met-woorden-12" });
    const token = await login("strikt.localhost", "beheer@strikt.nl", "Lange-zin-met-woorden-12");
    const answer = await call(token, "/users", {}, "strikt.localhost");
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ error: { code: "second_factor_required" } });
    expect((await call(token, "/me", {}, "strikt.localhost")).status).toBe(200);
  });
});

describe("the OpenAPI document", () => {
  it("lists listUsers with a session or a key with users:read, and getMe for a session only", async () => {
    const document = (await (await visit(host, "/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { operationId: string; security?: unknown }>>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    expect(document.paths["/users"]?.get).toMatchObject({
      operationId: "listUsers",
      security: [{ session: [] }, { apiKey: ["users:read"] }],
    });
    expect(document.paths["/me"]?.get?.security).toEqual([{ session: [] }]);
    expect(document.components.securitySchemes).toMatchObject({
      session: { type: "http", scheme: "bearer" },
      apiKey: { type: "http", scheme: "bearer" },
    });
  });
});
