import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { platformData } from "../../db/kernel/platform.ts";
import { post, seedDemoTenants, signIn } from "../../worker/kernel/testing/fixtures.ts";

const host = "coaching.localhost";
let count: (sql: string, ...values: unknown[]) => Promise<number>;

beforeAll(async () => {
  await seedDemoTenants();
  const tenant = (await platformData(env).control.tenantBySlug("coaching"))!;
  count = async (sql, ...values) =>
    (await env[tenant.cell as "TENANT_DB_1"]
      .prepare(`SELECT count(*) AS n FROM ${sql}`)
      .bind(tenant.id, ...values)
      .first<{ n: number }>())!.n;
});

describe("bad input on the account pages", () => {
  it("refuses a reset request for a malformed address at its field, keeping it typed and sending nothing", async () => {
    const before = await count("password_resets WHERE tenant_id = ?");
    const refused = await post(host, "/password-reset", { email: "sanne.visser-at-example" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="email-error"');
    expect(html).toContain("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
    expect(html).toContain('value="sanne.visser-at-example"');
    expect(await count("password_resets WHERE tenant_id = ?")).toBe(before);
  });

  it("answers 400 to an unknown intent and 404 to a made-up notification or session id", async () => {
    const sanne = await signIn(host, "sanne.visser@example.nl");
    const sessions = await count("sessions WHERE tenant_id = ?");
    expect(
      (await post(host, "/notifications", { notification: "ntf_verzonnen" }, { cookie: sanne })).status,
    ).toBe(404);
    expect((await post(host, "/notifications", { intent: "wipe" }, { cookie: sanne })).status).toBe(400);
    expect((await post(host, "/account", { session: "ses_verzonnen" }, { cookie: sanne })).status).toBe(404);
    expect((await post(host, "/account/notifications", { intent: "wipe" }, { cookie: sanne })).status).toBe(
      400,
    );
    expect(await count("sessions WHERE tenant_id = ?")).toBe(sessions);
  });
});
