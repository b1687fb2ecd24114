import { env } from "cloudflare:workers";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { safeReturnTo } from "../../../core/kernel/platform/return-to.ts";
import type { TenantRecord } from "../../../core/kernel/tenants/tenant.ts";
import {
  addUser,
  createTenant,
  post,
  seedDemoTenants,
  signIn,
  testContext,
  visit,
} from "../testing/fixtures.ts";

/**
 * Where a person goes after signing in, choosing an organisation or switching the language: a
 * path of the tenant's own origin, whatever `returnTo` says. A browser drops tab, CR and LF
 * anywhere in a URL, trims C0 controls and spaces from its ends and reads `\` as `/`; each of
 * these may turn a value that looks like a path into another host.
 */
const host = "terug.localhost";
const origin = `http://${host}`;
const password = "Lange-wegen-naar-de-haven-27";
const evil = "evil.example";

/** Every character a browser strips or trims from a URL: the C0 controls and the space. */
const stripped = [...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)), " "];

/** Shapes of a value that leads elsewhere once the browser has read it, or breaks the header. */
const shapes = [
  `//${evil}`,
  `///${evil}`,
  `////${evil}/x`,
  `/\\${evil}`,
  `\\\\${evil}`,
  `\\/${evil}`,
  `/\\/${evil}`,
  `/\r\n/${evil}`,
  `/\\\t\\${evil}`,
  `https:${evil}`,
  `https://${evil}`,
  `HTTPS://${evil}/`,
  `https:/\\${evil}`,
  ` https://${evil}`,
  `javascript:alert(1)`,
  `java\nscript:alert(1)`,
  `data:text/html,<script>alert(1)</script>`,
  `//${host}@${evil}`,
  `http://${host}.${evil}/`,
  `/.//${evil}`,
  `/..//${evil}`,
  `/./\\${evil}`,
  `%2F%2F${evil}`,
  `/%2F${evil}`,
  `/%5C${evil}`,
  `/%09/${evil}`,
  `/%0D%0A/${evil}`,
  `\uFF0F\uFF0F${evil}`,
  `/goals\r\nSet-Cookie: x=1`,
];

/** Each stripped character between the slashes of a path: `/<tab>/evil.example` and the like. */
const splitSlashes = stripped.map((character) => `/${character}/${evil}`);

/** The other places a stripped character hides: in front, before a backslash, after the host. */
const hostile = [
  ...shapes,
  ...splitSlashes,
  ...stripped.flatMap((character) => [
    `${character}//${evil}`,
    `/${character}\\${evil}`,
    `//${evil}${character}`,
  ]),
];

/** The browser follows the header from the page it asked for: it must stay on that origin. */
function expectOnTenant(response: Response, value: string, on = host) {
  const label = JSON.stringify(value);
  expect(response.status, label).toBeGreaterThanOrEqual(300);
  expect(response.status, label).toBeLessThan(400);
  const location = response.headers.get("location");
  expect(location, label).not.toBeNull();
  expect(new URL(location!, `http://${on}/login`).origin, label).toBe(`http://${on}`);
}

let tenant: TenantRecord;
let people = 0;
let addresses = 0;
const fromAddress = () => ({ "cf-connecting-ip": `198.51.100.${++addresses % 250}` });

async function person() {
  const email = `persoon${++people}@terug.test`;
  await addUser(tenant, { email, role: "client", password });
  return email;
}

const cookieOf = (response: Response, name: string) => {
  const value = new RegExp(`${name}=([^;]*)`).exec(response.headers.get("set-cookie") ?? "")?.[1];
  return value ? `${name}=${value}` : null;
};

/** Sets up the authenticator app for a signed-out person; returns their recovery codes. */
async function recoveryCodesOf(email: string) {
  const session = cookieOf(await post(host, "/login", { email, password }, fromAddress()), "__Host-session")!;
  await post(host, "/account/two-step", { intent: "start", password }, { cookie: session });
  const setup = await (await visit(host, "/account/two-step", { headers: { cookie: session } })).text();
  const secret = /data-testid="totp-key">([^<]+)</.exec(setup)![1]!.replace(/\s/g, "");
  const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
  const confirmed = await post(host, "/account/two-step", { intent: "confirm", code }, { cookie: session });
  return [...(await confirmed.text()).matchAll(/<code>([a-z0-9-]{14})<\/code>/g)].map((match) => match[1]!);
}

beforeAll(async () => {
  await seedDemoTenants();
  tenant = await createTenant("terug", "TENANT_DB_1");
});

describe("safeReturnTo", () => {
  const here = `${origin}/login?returnTo=x`;

  it("keeps a path of this origin with its query and fragment", () => {
    expect(safeReturnTo("/goals", here)).toBe("/goals");
    expect(safeReturnTo("/goals/gol_1?done=created#top", here)).toBe("/goals/gol_1?done=created#top");
    expect(safeReturnTo(`${origin}/account`, here)).toBe("/account");
  });

  it("returns what the browser would open, so no character of it breaks a header", () => {
    expect(safeReturnTo("/go\tals\r\n", here)).toBe("/goals");
    expect(safeReturnTo("/a b?c=d e", here)).toBe("/a%20b?c=d%20e");
    expect(safeReturnTo("/über", here)).toBe("/%C3%BCber");
  });

  it("answers the fallback for another origin and for anything that is no text", () => {
    const elsewhere = hostile.filter((value) => URL.parse(value, origin)?.origin !== origin);
    expect(elsewhere.length).toBeGreaterThan(80);
    for (const value of elsewhere) expect(safeReturnTo(value, here), JSON.stringify(value)).toBe("/");
    expect(safeReturnTo(`//${evil}`, here, "/notifications")).toBe("/notifications");
    expect(safeReturnTo(`/.//${evil}`, here)).toBe("/");
    expect(safeReturnTo(undefined, here)).toBe("/");
    expect(safeReturnTo("", here)).toBe("/");
    expect(safeReturnTo(new File(["/goals"], "x"), here)).toBe("/");
  });
});

describe("every way back stays on the tenant's origin", () => {
  it("GET /login and GET /login/two-step when already signed in", async () => {
    const cookie = await signIn(host, await person(), password);
    for (const value of hostile) {
      for (const page of ["/login", "/login/two-step"]) {
        const response = await visit(host, `${page}?returnTo=${encodeURIComponent(value)}`, {
          headers: { cookie },
        });
        expectOnTenant(response, value);
      }
    }
    const kept = await visit(host, "/login?returnTo=%2Faccount%3Ftab%3D1", { headers: { cookie } });
    expect(kept.headers.get("location")).toBe("/account?tab=1");
  });

  it("POST /login with the right password", { timeout: 120_000 }, async () => {
    const email = await person();
    // Every password check costs a deliberate scrypt: each shape once, each stripped character once.
    for (const value of [...shapes, ...splitSlashes]) {
      const response = await post(host, "/login", { email, password, returnTo: value }, fromAddress());
      expectOnTenant(response, value);
      expect(cookieOf(response, "__Host-session"), JSON.stringify(value)).not.toBeNull();
    }
  });

  it("POST /login/two-step with the right code, and the way there from the password step", async () => {
    const email = await person();
    const codes = await recoveryCodesOf(email);
    const values = [`/\t/${evil}`, `/\r\n/${evil}`, `/\\${evil}`, `\x00//${evil}`, `/.//${evil}`];
    for (const [index, value] of values.entries()) {
      const first = await post(host, "/login", { email, password, returnTo: value }, fromAddress());
      expect(first.headers.get("location"), JSON.stringify(value)).toBe("/login/two-step?returnTo=%2F");
      const second = await post(
        host,
        "/login/two-step",
        { code: codes[index]!, returnTo: value },
        { cookie: cookieOf(first, "__Host-signin")!, ...fromAddress() },
      );
      expectOnTenant(second, value);
      expect(cookieOf(second, "__Host-session"), JSON.stringify(value)).not.toBeNull();
    }
  });

  it("POST /language", async () => {
    for (const value of hostile) {
      expectOnTenant(await post(host, "/language", { language: "en", returnTo: value }), value);
    }
  });

  it("POST /organisation/choose", async () => {
    const zorgpartner = "zorgpartner.localhost";
    const kevin = await signIn(zorgpartner, "kevin.peters@dehoven.nl");
    const home = (await testContext().control.tenantBySlug("zorgpartner"))!;
    const organisation = await env[home.cell as "TENANT_DB_2"]
      .prepare("SELECT id FROM client_organisations WHERE tenant_id = ? AND name = 'Woonzorg Het Baken'")
      .bind(home.id)
      .first<{ id: string }>();
    for (const value of hostile) {
      const response = await post(
        zorgpartner,
        "/organisation/choose",
        { organisation: organisation!.id, returnTo: value },
        { cookie: kevin },
      );
      expectOnTenant(response, value, zorgpartner);
    }
  });
});
