import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { careTeamMembers, notifications } from "../../db/kernel/schema.ts";
import { assignmentEntries } from "../../db/assignments/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import { callApi, addUser, createTenant, post, signIn, visit } from "../kernel/testing/fixtures.ts";

const data = platformData(env);
const host = "assignment-api.localhost";
const password = "een lang en sterk wachtwoord";
let tenant: TenantRecord;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};
let assignmentId: string;

const call = (as: string, path: string, init: { method?: string; body?: unknown; host?: string } = {}) =>
  callApi(init.host ?? host, path, { cookie: cookies[as], method: init.method ?? "GET", json: init.body });

const submit = (as: string, id: string, body: unknown, onHost?: string) =>
  call(as, `/assignments/${id}/submit`, { method: "POST", body, ...(onHost ? { host: onHost } : {}) });

beforeAll(async () => {
  await data.control.savePlan({ id: "assignment-plan", name: "Assignments", features: ["assignments"] });
  const settings = { secondFactor: { required: [] } };
  tenant = await createTenant("assignment-api", "TENANT_DB_1", { planId: "assignment-plan", settings });
  const other = await createTenant("assignment-api-b", "TENANT_DB_2", {
    planId: "assignment-plan",
    settings,
  });
  const without = await createTenant("assignment-api-c", "TENANT_DB_1", { settings });
  for (const [name, role] of [
    ["staff", "staff"],
    ["client", "client"],
    ["neighbour", "client"],
  ] as const)
    ids[name] = await addUser(tenant, { email: `${name}@assignment-api.test`, role, password });
  await addUser(other, { email: "client@assignment-api-b.test", password });
  await addUser(without, { email: "client@assignment-api-c.test", password });
  const now = new Date().toISOString();
  await data.scopeIn(tenant.cell, tenant.id).insert(
    careTeamMembers,
    ["client", "neighbour"].map((name) => ({
      id: `ctm_${crypto.randomUUID()}`,
      clientUserId: ids[name]!,
      staffUserId: ids.staff!,
      createdAt: now,
    })),
  );
  for (const name of ["staff", "client", "neighbour"])
    cookies[name] = await signIn(host, `${name}@assignment-api.test`, password);
  cookies.foreign = await signIn("assignment-api-b.localhost", "client@assignment-api-b.test", password);
  cookies.without = await signIn("assignment-api-c.localhost", "client@assignment-api-c.test", password);
  const set = await post(
    host,
    "/assignments/new",
    {
      formKey: crypto.randomUUID(),
      title: "Waardenlijst",
      description: "Kies je **vijf** belangrijkste waarden. <script>x()</script>",
      client: ids.client!,
    },
    { cookie: cookies.staff! },
  );
  assignmentId = /\/assignments\/([^?]+)/.exec(set.headers.get("location") ?? "")![1]!;
}, 120_000);

describe("listAssignments", () => {
  it("gives a client their own assignments with the description as Markdown and as safe HTML", async () => {
    const response = await call("client", "/assignments");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { assignments: Record<string, unknown>[]; set: unknown[] };
    expect(body.set).toEqual([]);
    expect(body.assignments).toHaveLength(1);
    expect(body.assignments[0]).toMatchObject({
      id: assignmentId,
      title: "Waardenlijst",
      status: "open",
      isNew: true,
      authorName: "staff",
    });
    expect(body.assignments[0]!.descriptionHtml).toContain("<strong>vijf</strong>");
    expect(body.assignments[0]!.descriptionHtml).not.toContain("<script>");
    const neighbour = (await (await call("neighbour", "/assignments")).json()) as { assignments: unknown[] };
    expect(neighbour.assignments).toEqual([]);
  });

  it("gives staff the assignments they set, counted by status", async () => {
    const body = (await (await call("staff", "/assignments")).json()) as { set: Record<string, unknown>[] };
    expect(body.set).toEqual([
      expect.objectContaining({ id: assignmentId, counts: { open: 1, handedIn: 0, reviewed: 0 } }),
    ]);
  });

  it("is in the OpenAPI document with submitAssignment", async () => {
    const document = (await (await visit(host, "/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(document.paths["/assignments"]?.get?.operationId).toBe("listAssignments");
    expect(document.paths["/assignments/{id}/submit"]?.post?.operationId).toBe("submitAssignment");
  });
});

describe("submitAssignment", () => {
  it("refuses an empty response and a too long one, writing nothing", async () => {
    const empty = await submit("client", assignmentId, { response: "  " });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe("Write a response");
    expect((await submit("client", assignmentId, { response: "z".repeat(20_001) })).status).toBe(400);
    expect((await submit("client", assignmentId, {})).status).toBe(400);
    expect(await data.scopeIn(tenant.cell, tenant.id).count(assignmentEntries)).toBe(0);
  });

  it("hands in, tells the staff member once, and refuses a second hand-in before feedback", async () => {
    const response = await submit("client", assignmentId, {
      response: "Eerlijkheid, rust, familie, groei, humor",
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { assignment: { status: string } };
    expect(body.assignment.status).toBe("handedIn");
    const scope = data.scopeIn(tenant.cell, tenant.id);
    const told = await scope.list(notifications, {
      where: and(eq(notifications.recipientId, ids.staff!), eq(notifications.kind, "assignment")),
    });
    expect(told).toHaveLength(1);
    const again = await submit("client", assignmentId, { response: "Nog een keer" });
    expect(again.status).toBe(409);
    expect(await scope.count(assignmentEntries)).toBe(1);
  });

  it("answers 404 to another client, another tenant and a tenant without assignments; 403 to staff; 401 without a session", async () => {
    expect((await submit("neighbour", assignmentId, { response: "Van de buren" })).status).toBe(404);
    expect(
      (await submit("foreign", assignmentId, { response: "Van ver" }, "assignment-api-b.localhost")).status,
    ).toBe(404);
    expect(
      (await submit("without", assignmentId, { response: "Zonder" }, "assignment-api-c.localhost")).status,
    ).toBe(404);
    expect((await call("without", "/assignments", { host: "assignment-api-c.localhost" })).status).toBe(404);
    expect((await submit("staff", assignmentId, { response: "Van staff" })).status).toBe(403);
    expect((await submit("nobody", assignmentId, { response: "Anoniem" })).status).toBe(401);
    expect((await call("nobody", "/assignments")).status).toBe(401);
    expect(await data.scopeIn(tenant.cell, tenant.id).count(assignmentEntries)).toBe(1);
  });
});
