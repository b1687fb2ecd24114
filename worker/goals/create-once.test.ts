import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../db/kernel/schema.ts";
import { goals } from "../../db/goals/schema.ts";
import { callApi, post } from "../kernel/testing/fixtures.ts";
import { goalsTenant } from "./testing.ts";

/*
 * A new goal is written once per request: five identical posts at once (a double click, a resend)
 * make one goal, and every one of them answers with it.
 */

let main: Awaited<ReturnType<typeof goalsTenant>>;
let foreign: Awaited<ReturnType<typeof goalsTenant>>;

const titled = (title: string) => main.scope.count(goals, eq(goals.title, title));
const created = (goalId: string) =>
  main.scope.count(
    auditEvents,
    and(eq(auditEvents.action, "goals.create"), eq(auditEvents.targetId, goalId)),
  );

beforeAll(async () => {
  main = await goalsTenant("goals-once", "TENANT_DB_1");
  foreign = await goalsTenant("goals-once-b", "TENANT_DB_2");
}, 120_000);

describe("a new goal through the page", () => {
  const form = (title: string) => ({ formKey: crypto.randomUUID(), title, dueOn: "2099-01-31" });
  const send = (fields: Record<string, string>) =>
    post(main.host, "/goals", fields, { cookie: main.cookies.client });

  it("is written once when the same form is sent five times at once, and each answer leads to it", async () => {
    const fields = form("Vijf keer verstuurd");
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => send(fields)));
    expect(answers.map((answer) => answer.status)).toEqual([302, 302, 302, 302, 302]);
    const places = new Set(answers.map((answer) => answer.headers.get("location")));
    expect(places.size).toBe(1);
    expect(await titled("Vijf keer verstuurd")).toBe(1);
    const goalId = /(gol_[0-9A-Z]{26})/.exec([...places][0]!)![1]!;
    expect(await created(goalId)).toBe(1);
  });

  it("writes another goal for the same form filled in anew, and refuses a form without its key", async () => {
    const fields = form("Eerste invulling");
    expect((await send(fields)).status).toBe(302);
    expect((await send({ ...fields, title: "Tweede invulling" })).status).toBe(302);
    expect([await titled("Eerste invulling"), await titled("Tweede invulling")]).toEqual([1, 1]);
    const keyless = await send({ title: "Zonder sleutel" });
    expect(keyless.status).toBe(400);
    expect(await titled("Zonder sleutel")).toBe(0);
  });
});

describe("createGoal", () => {
  const create = (as: "client" | "coach", key: string | null, body: Record<string, unknown>, place = main) =>
    callApi(place.host, "/goals", {
      cookie: place.cookies[as],
      json: body,
      headers: key ? { "idempotency-key": key } : {},
    });

  it("writes one goal for five identical requests at once: one 201, four 200 with the same goal", async () => {
    const key = crypto.randomUUID();
    const body = { title: "Via de API", measurable: "Elke week" };
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => create("client", key, body)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const goalsSent = (await Promise.all(answers.map((answer) => answer.json()))) as {
      goal: { id: string };
    }[];
    expect(new Set(goalsSent.map((sent) => sent.goal.id)).size).toBe(1);
    expect(await titled("Via de API")).toBe(1);
    expect(await created(goalsSent[0]!.goal.id)).toBe(1);
    // A retry later answers as the first did.
    const later = await create("client", key, body);
    expect(later.status).toBe(200);
    expect(await later.json()).toEqual(goalsSent[0]);
  });

  it("lets staff add a goal for a client of theirs, and finds no one else's", async () => {
    const added = await create("coach", crypto.randomUUID(), {
      clientUserId: main.people.client,
      title: "Van de coach",
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ goal: { clientUserId: main.people.client, progress: 0 } });
    const foreignClient = await create("coach", crypto.randomUUID(), {
      clientUserId: foreign.people.client,
      title: "Niet van ons",
    });
    expect(foreignClient.status).toBe(404);
    const unnamed = await create("coach", crypto.randomUUID(), { title: "Voor wie?" });
    expect(unnamed.status).toBe(400);
  });

  it("refuses a request without its key, or with an empty title, writing nothing", async () => {
    const keyless = await create("client", null, { title: "Geen sleutel" });
    expect(keyless.status).toBe(400);
    expect(await titled("Geen sleutel")).toBe(0);
    const empty = await create("client", crypto.randomUUID(), { title: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: "invalid_request", field: "title" } });
  });
});
