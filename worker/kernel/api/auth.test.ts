import { beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../../db/kernel/seed/demo-tenants.ts";
import { seedDemoTenants, signIn, visit } from "../testing/fixtures.ts";

const coaching = "coaching.localhost";

const apiLogin = (host: string, body: unknown, ip = "192.0.2.1") =>
  visit(host, "/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  await seedDemoTenants();
});

describe("API sign-in with bearer tokens", () => {
  it("answers a token that opens getMe, and logout ends it", async () => {
    const response = await apiLogin(coaching, {
      email: "anouk.devries@koerscoaching.nl",
      password: demoPassword,
    });
    expect(response.status).toBe(200);
    const { token, user } = (await response.json()) as {
      token: string;
      user: { displayName: string; role: string };
    };
    expect(user).toMatchObject({ displayName: "Anouk de Vries", role: "staff" });
    const authorization = { authorization: `Bearer ${token}` };
    const me = await visit(coaching, "/api/v1/me", { headers: authorization });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: "anouk.devries@koerscoaching.nl", role: "staff" });
    const logout = await visit(coaching, "/api/v1/auth/logout", { method: "POST", headers: authorization });
    expect(logout.status).toBe(204);
    expect((await visit(coaching, "/api/v1/me", { headers: authorization })).status).toBe(401);
  });

  it("answers 401 alike for a wrong password and an unknown address", async () => {
    const wrong = await apiLogin(
      coaching,
      { email: "sanne.visser@example.nl", password: "fout" },
      "192.0.2.2",
    );
    const unknown = await apiLogin(coaching, { email: "niemand@example.nl", password: "fout" }, "192.0.2.2");
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("refuses malformed input with 400", async () => {
    expect((await apiLogin(coaching, { email: "geen-adres", password: "x" })).status).toBe(400);
    expect((await apiLogin(coaching, { email: "sanne.visser@example.nl" })).status).toBe(400);
  });

  it("does not accept a token of one tenant at another", async () => {
    const response = await apiLogin(
      coaching,
      { email: "sanne.visser@example.nl", password: demoPassword },
      "192.0.2.3",
    );
    const { token } = (await response.json()) as { token: string };
    const elsewhere = await visit("ggz.localhost", "/api/v1/me", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(elsewhere.status).toBe(401);
  });

  it("has no sign-in where no tenant lives", async () => {
    const response = await apiLogin("localhost:8787", {
      email: "sanne.visser@example.nl",
      password: demoPassword,
    });
    expect(response.status).toBe(404);
  });

  it("still refuses a cross-site post that relies on the session cookie (CSRF)", async () => {
    const cookie = await signIn(coaching, "daan.mulder@example.nl");
    const response = await visit(coaching, "/api/v1/auth/logout", {
      method: "POST",
      headers: { cookie, origin: "http://evil.example", "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(403);
    expect((await visit(coaching, "/api/v1/me", { headers: { cookie } })).status).toBe(200);
  });
});
