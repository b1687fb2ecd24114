import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { careTeamRow } from "../../db/kernel/care-team-store.ts";
import { careTeamMembers } from "../../db/kernel/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { addUser, createTenant, signIn, visit } from "../../worker/kernel/testing/fixtures.ts";

const data = platformData(env);
const host = "dossier-pages.localhost";
const password = "een lang en sterk wachtwoord";
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
let outsiderClient: string;

const open = (as: string, path: string, on = host) => visit(on, path, { headers: { cookie: cookies[as]! } });

beforeAll(async () => {
  await data.control.savePlan({
    id: "dossier-plan",
    name: "Dossier",
    features: ["documents", "goals", "messages"],
  });
  const settings = { secondFactor: { required: [] } };
  const tenant = await createTenant("dossier-pages", "TENANT_DB_1", { planId: "dossier-plan", settings });
  const other = await createTenant("dossier-other", "TENANT_DB_2", { planId: "dossier-plan", settings });
  for (const [name, role] of [
    ["coach", "staff"],
    ["colleague", "staff"],
    ["client", "client"],
    ["other", "client"],
  ] as const)
    ids[name] = await addUser(tenant, { email: `${name}@dossier-pages.test`, role, password });
  outsiderClient = await addUser(other, { email: "client@dossier-other.test", password });
  const now = new Date();
  await data
    .scopeIn(tenant.cell, tenant.id)
    .insert(careTeamMembers, [careTeamRow(ids.client!, ids.coach!, now)]);
  for (const name of ["coach", "colleague", "client"])
    cookies[name] = await signIn(host, `${name}@dossier-pages.test`, password);
});

describe("the staff member's clients and their dossiers", () => {
  it("lists only the clients whose care team the staff member is in, and opens their dossier", async () => {
    const list = await (await open("coach", "/clients")).text();
    expect(list).toContain(`href="/clients/${ids.client}"`);
    expect(list).not.toContain(`href="/clients/${ids.other}"`);

    const dossier = await open("coach", `/clients/${ids.client}`);
    expect(dossier.status).toBe(200);
    const page = await dossier.text();
    expect(page).toContain(`href="/clients/${ids.client}/documents"`);
    expect(page).toContain(`href="/clients/${ids.client}/goals"`);
    // Conversations are found in the inbox, searched by the client's name.
    expect(page).toContain('href="/messages?q=client"');
    // The tenant has no assignments: no way to them either.
    expect(page).not.toContain(`href="/clients/${ids.client}/assignments"`);
  });

  it("leads staff to their clients, and clients to their own parts", async () => {
    const coachPage = await (await open("coach", "/")).text();
    expect(coachPage).toContain('href="/clients"');
    expect(coachPage).not.toContain('href="/documents"');
    const clientPage = await (await open("client", "/")).text();
    expect(clientPage).toContain('href="/documents"');
    expect(clientPage).not.toContain('href="/clients"');
  });

  it("writes who opened which client's dossier in the audit log", async () => {
    await open("coach", `/clients/${ids.client}`);
    const { results } = await env.TENANT_DB_1.prepare(
      "SELECT actor_user_id, client_user_id FROM audit_events WHERE action = 'dossier.open' AND client_user_id = ?",
    )
      .bind(ids.client)
      .all<{ actor_user_id: string; client_user_id: string }>();
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((row) => row.actor_user_id === ids.coach)).toBe(true);
  });

  it("answers 404 for a client of someone else, of another tenant, or no client at all, and 403 to a client", async () => {
    expect((await open("colleague", `/clients/${ids.client}`)).status).toBe(404);
    expect((await open("coach", `/clients/${ids.other}`)).status).toBe(404);
    expect((await open("coach", `/clients/${outsiderClient}`)).status).toBe(404);
    expect((await open("coach", `/clients/${ids.colleague}`)).status).toBe(404);
    expect((await open("colleague", "/clients")).status).toBe(200);
    expect(await (await open("colleague", "/clients")).text()).not.toContain(`/clients/${ids.client}`);
    expect((await open("client", "/clients")).status).toBe(403);
    expect((await open("client", `/clients/${ids.client}`)).status).toBe(403);
  });
});
