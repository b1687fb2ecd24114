import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../core/kernel/ids.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { careTeamMembers } from "../../db/kernel/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { addUser, createTenant, post, signIn, visit } from "../../worker/kernel/testing/fixtures.ts";

const password = "een lang en sterk wachtwoord";
const host = "documents-pages.localhost";
let tenant: TenantRecord;
let client: string;
const cookies: Record<string, string> = {};

const page = (as: string, path: string) => visit(host, path, { headers: { cookie: cookies[as] ?? "" } });

beforeAll(async () => {
  const settings = { secondFactor: { required: [] } };
  tenant = await createTenant("documents-pages", "TENANT_DB_1", { settings });
  client = await addUser(tenant, { email: "client@documents-pages.test", password });
  await addUser(tenant, { email: "other@documents-pages.test", password });
  const staff = await addUser(tenant, { email: "coach@documents-pages.test", role: "staff", password });
  await addUser(tenant, { email: "stranger@documents-pages.test", role: "staff", password });
  await platformData(env)
    .scopeIn(tenant.cell, tenant.id)
    .insert(careTeamMembers, {
      id: newId("careTeamMember"),
      clientUserId: client,
      staffUserId: staff,
      createdAt: new Date().toISOString(),
    });
  for (const who of ["client", "other", "coach", "stranger"])
    cookies[who] = await signIn(host, `${who}@documents-pages.test`, password);
});

describe("documents pages", () => {
  it("shows the client their documents page and the coach the assigned client's", async () => {
    const own = await page("client", "/documents");
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("Uploads en downloads");
    const staffView = await page("coach", `/clients/${client}/documents`);
    expect(staffView.status).toBe(200);
    expect(await staffView.text()).toContain("client");
  });

  it("answers 404 to a coach of another client, 403 to a client on a staff path and to staff on a client's", async () => {
    expect((await page("stranger", `/clients/${client}/documents`)).status).toBe(404);
    expect((await page("other", `/clients/${client}/documents`)).status).toBe(403);
    expect((await page("coach", "/documents")).status).toBe(403);
  });

  it("adds a link, refusing a non-https address at its field with what was typed kept", async () => {
    const headers = { cookie: cookies.client! };
    const refused = await post(
      host,
      "/documents",
      {
        intent: "link",
        formKey: crypto.randomUUID(),
        url: "http://video.example/x",
        description: "Oefening",
      },
      headers,
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Vul een volledig adres in dat met https:// begint.");
    expect(html).toContain('value="http://video.example/x"');
    const added = await post(
      host,
      "/documents",
      {
        intent: "link",
        formKey: crypto.randomUUID(),
        url: "https://video.example/x",
        description: "Oefening",
        notify: "on",
      },
      headers,
    );
    expect(added.status).toBeLessThan(400);
    const list = await (await page("coach", `/clients/${client}/documents`)).text();
    expect(list).toContain("Oefening");
    expect(list).toContain("opent video.example");
  });

  it("refuses a too long description or an unknown intent with 400 at the field, writing nothing", async () => {
    const headers = { cookie: cookies.client! };
    const description = `Lang ${"x".repeat(500)}`;
    const tooLong = await post(
      host,
      "/documents",
      { intent: "link", formKey: crypto.randomUUID(), url: "https://long.example/x", description },
      headers,
    );
    expect(tooLong.status).toBe(400);
    const html = await tooLong.text();
    expect(html).toContain('id="link-description-error"');
    expect(html).toContain("Deze tekst is te lang.");
    expect(html).toContain(`value="${description}"`);
    const unknown = await post(host, "/documents", { intent: "shred", document: "doc_x" }, headers);
    expect(unknown.status).toBe(400);
    const list = await (await page("client", "/documents")).text();
    expect(list).not.toContain("long.example");
  });
});
