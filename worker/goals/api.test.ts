import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/kernel/schema.ts";
import { goalProgress, goals } from "../../db/goals/schema.ts";
import { callApi, post, visit } from "../kernel/testing/fixtures.ts";
import { goalsTenant } from "./testing.ts";

let main: Awaited<ReturnType<typeof goalsTenant>>;
let readOnly: Awaited<ReturnType<typeof goalsTenant>>;
let foreign: Awaited<ReturnType<typeof goalsTenant>>;
let without: Awaited<ReturnType<typeof goalsTenant>>;
let goalId: string;

type Place = typeof main;
type Who = keyof Place["cookies"];

const call = (place: Place, as: Who, path: string, body?: unknown) =>
  callApi(place.host, path, { cookie: place.cookies[as], json: body });

/** A goal of the place's client, added through the client's page. */
async function goalOf(place: Place, as: Who, path: string) {
  const response = await post(
    place.host,
    path,
    { formKey: crypto.randomUUID(), title: "Elke week sporten" },
    { cookie: place.cookies[as] },
  );
  expect(response.status).toBe(302);
  return /(gol_[0-9A-Z]{26})/.exec(response.headers.get("location")!)![1]!;
}

const progressOf = async (place: Place, id: string) => (await place.scope.findById(goals, id))!.progress;

beforeAll(async () => {
  main = await goalsTenant("goals-api", "TENANT_DB_1");
  readOnly = await goalsTenant("goals-api-ro", "TENANT_DB_1", { clientsMayEdit: false });
  foreign = await goalsTenant("goals-api-b", "TENANT_DB_2");
  without = await goalsTenant("goals-api-c", "TENANT_DB_1", { features: ["messages"] });
  goalId = await goalOf(main, "client", "/goals");
}, 120_000);

describe("listGoals", () => {
  it("gives a client their own goals, and the coach a named client of theirs", async () => {
    const own = await call(main, "client", "/goals");
    expect(own.status).toBe(200);
    const body = (await own.json()) as { client: { id: string }; canEdit: boolean; goals: { id: string }[] };
    expect(body.client.id).toBe(main.people.client);
    expect(body.canEdit).toBe(true);
    expect(body.goals.map((goal) => goal.id)).toEqual([goalId]);
    expect(body.goals[0]).not.toHaveProperty("tenantId");

    const staff = await call(main, "coach", `/goals?clientUserId=${main.people.client}`);
    expect(staff.status).toBe(200);
    expect(((await staff.json()) as { goals: unknown[] }).goals).toHaveLength(1);
    const lines = await main.scope.list(auditEvents, { where: eq(auditEvents.action, "goals.list") });
    expect(lines.map((line) => line.actorUserId)).toEqual(
      expect.arrayContaining([main.people.client, main.people.coach]),
    );
  });

  it("asks staff to name the client", async () => {
    expect((await call(main, "coach", "/goals")).status).toBe(400);
  });

  it("finds nothing for another client, staff outside the care team, another tenant or a tenant without goals", async () => {
    expect((await call(main, "neighbour", `/goals?clientUserId=${main.people.client}`)).status).toBe(404);
    expect((await call(main, "outsider", `/goals?clientUserId=${main.people.client}`)).status).toBe(404);
    expect((await call(main, "admin", `/goals?clientUserId=${main.people.client}`)).status).toBe(404);
    expect((await call(foreign, "coach", `/goals?clientUserId=${main.people.client}`)).status).toBe(404);
    expect((await call(without, "client", "/goals")).status).toBe(404);
  });

  it("answers 401 without a session", async () => {
    const response = await visit(main.host, "/api/v1/goals", {
      headers: { "cf-connecting-ip": "203.0.113.251" },
    });
    expect(response.status).toBe(401);
  });
});

describe("updateGoalProgress", () => {
  it("moves the progress of the client's own goal and writes the history step with it", async () => {
    const response = await call(main, "client", `/goals/${goalId}/progress`, {
      progress: 35,
      note: "Twee keer gelopen",
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { goal: { progress: number } }).goal.progress).toBe(35);
    const steps = await main.scope.list(goalProgress, { where: eq(goalProgress.goalId, goalId) });
    expect(steps.map((step) => [step.progress, step.note])).toContainEqual([35, "Twee keer gelopen"]);

    const staff = await call(main, "coach", `/goals/${goalId}/progress`, { progress: 50 });
    expect(staff.status).toBe(200);
    expect(await progressOf(main, goalId)).toBe(50);
  });

  it("refuses a progress outside 0-100 or not a whole number, and changes nothing", async () => {
    for (const progress of [101, -1, 12.5, "60"]) {
      const response = await call(main, "client", `/goals/${goalId}/progress`, { progress });
      expect(response.status).toBe(400);
    }
    expect(await progressOf(main, goalId)).toBe(50);
  });

  it("refuses everyone who may not see the goal with 404, and changes nothing", async () => {
    for (const [place, who] of [
      [main, "neighbour"],
      [main, "outsider"],
      [main, "admin"],
      [foreign, "client"],
      [foreign, "coach"],
    ] as const) {
      expect((await call(place, who, `/goals/${goalId}/progress`, { progress: 90 })).status).toBe(404);
    }
    expect((await call(without, "client", `/goals/${goalId}/progress`, { progress: 90 })).status).toBe(404);
    expect(await progressOf(main, goalId)).toBe(50);
  });

  it("answers 403 to a client where the tenant keeps clients from editing goals, and 409 on a closed goal", async () => {
    const id = await goalOf(readOnly, "coach", `/clients/${readOnly.people.client}/goals`);
    expect((await call(readOnly, "client", `/goals/${id}/progress`, { progress: 10 })).status).toBe(403);
    expect(await progressOf(readOnly, id)).toBe(0);
    const listed = (await (await call(readOnly, "client", "/goals")).json()) as { canEdit: boolean };
    expect(listed.canEdit).toBe(false);

    await post(main.host, `/goals/${goalId}`, { intent: "stop" }, { cookie: main.cookies.client });
    expect((await call(main, "client", `/goals/${goalId}/progress`, { progress: 60 })).status).toBe(409);
  });
});

describe("the OpenAPI document", () => {
  it("lists listGoals and updateGoalProgress", async () => {
    const document = (await (await visit(main.host, "/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(document.paths["/goals"]?.get?.operationId).toBe("listGoals");
    expect(document.paths["/goals/{id}/progress"]?.post?.operationId).toBe("updateGoalProgress");
  });
});
