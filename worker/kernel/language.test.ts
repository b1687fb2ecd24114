import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { addUser, createTenant, post, signIn, visit } from "./testing/fixtures.ts";

/**
 * The page language: before sign-in the language cookie or the tenant's default; once signed in
 * the person's saved language, the one their mail is written in.
 */
const host = "talen.localhost";
const password = "Zeven-zeeen-en-een-vuurtoren-4";
let tenant: TenantRecord;
let people = 0;

async function person(language: "nl" | "en") {
  const email = `persoon${++people}@talen.test`;
  await addUser(tenant, { email, language, password });
  return { email, cookie: await signIn(host, email, password) };
}

const languageOf = async (response: Response) => /<html lang="(\w+)"/.exec(await response.text())?.[1];
const pageAs = (cookie: string, path = "/account") => visit(host, path, { headers: { cookie } });
const savedLanguage = async (email: string) =>
  (await env.TENANT_DB_1.prepare("SELECT language FROM users WHERE tenant_id = ? AND email = ?")
    .bind(tenant.id, email)
    .first<{ language: string }>())!.language;

beforeAll(async () => {
  tenant = await createTenant("talen", "TENANT_DB_1");
});

describe("the page language", () => {
  it("before sign-in: the cookie, or else the tenant's default", async () => {
    expect(await languageOf(await visit(host, "/login"))).toBe("nl");
    expect(await languageOf(await visit(host, "/login", { headers: { cookie: "__Host-lang=en" } }))).toBe(
      "en",
    );
  });

  it("signed in: the person's saved language, without a cookie and over another one", async () => {
    const { cookie } = await person("en");
    const page = await pageAs(cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Account security");
    expect(await languageOf(await pageAs(`${cookie}; __Host-lang=nl`))).toBe("en");
    const dutch = await person("nl");
    expect(await languageOf(await pageAs(`${dutch.cookie}; __Host-lang=en`))).toBe("nl");
  });

  it("the switch saves a signed-in person's choice, so every browser of theirs follows", async () => {
    const { email, cookie } = await person("nl");
    const switched = await post(host, "/language", { language: "en", returnTo: "/account" }, { cookie });
    expect(switched.status).toBe(303);
    expect(switched.headers.get("location")).toBe("/account");
    expect(switched.headers.get("set-cookie")).toMatch(/^__Host-lang=en;/);
    expect(await savedLanguage(email)).toBe("en");
    const elsewhere = await signIn(host, email, password);
    expect(await languageOf(await pageAs(elsewhere))).toBe("en");

    await post(host, "/language", { language: "nl", returnTo: "/account" }, { cookie: elsewhere });
    expect(await savedLanguage(email)).toBe("nl");
    expect(await languageOf(await pageAs(cookie))).toBe("nl");
  });

  it("the switch before sign-in changes this browser only", async () => {
    const { email } = await person("nl");
    const switched = await post(host, "/language", { language: "en", returnTo: "/login" });
    expect(switched.headers.get("set-cookie")).toMatch(/^__Host-lang=en;/);
    expect(await savedLanguage(email)).toBe("nl");
  });
});
