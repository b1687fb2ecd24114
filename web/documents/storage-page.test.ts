import { beforeAll, describe, expect, it } from "vitest";
import { addUser, createTenant, signIn, visit } from "../../worker/kernel/testing/fixtures.ts";

const password = "een lang en sterk wachtwoord";
const host = "documents-storage.localhost";
const cookies: Record<string, string> = {};

beforeAll(async () => {
  const tenant = await createTenant("documents-storage", "TENANT_DB_2", {
    settings: {
      secondFactor: { required: [] },
      files: { allowedKinds: ["pdf"], maxFileMb: 100, quotaMb: 2048 },
    },
  });
  await addUser(tenant, { email: "admin@documents-storage.test", role: "admin", password });
  await addUser(tenant, { email: "client@documents-storage.test", password });
  cookies.admin = await signIn(host, "admin@documents-storage.test", password);
  cookies.client = await signIn(host, "client@documents-storage.test", password);
});

describe("storage usage for admins", () => {
  it("shows the admin the tenant's usage against its quota, and nobody else", async () => {
    const page = await visit(host, "/admin/storage", { headers: { cookie: cookies.admin! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("0 MB van 2.048 MB gebruikt, in 0 bestanden.");
    expect((await visit(host, "/admin/storage", { headers: { cookie: cookies.client! } })).status).toBe(403);
  });
});
