import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, notifications } from "../../db/kernel/schema.ts";
import { goalComments, goalProgress, goals } from "../../db/goals/schema.ts";
import { goalsTenant } from "../../worker/goals/testing.ts";
import { languageCookie } from "../kernel/cookies.ts";
import { post, visit } from "../../worker/kernel/testing/fixtures.ts";

let main: Awaited<ReturnType<typeof goalsTenant>>;
let readOnly: Awaited<ReturnType<typeof goalsTenant>>;
let foreign: Awaited<ReturnType<typeof goalsTenant>>;
let without: Awaited<ReturnType<typeof goalsTenant>>;

type Place = typeof main;
type Who = keyof Place["cookies"];

const page = (place: Place, as: Who, path: string, language = "nl") =>
  visit(place.host, path, {
    headers: { cookie: `${place.cookies[as]}; ${languageCookie.name}=${language}` },
  });
/** The page as people see it: without the scripts, which carry every text of the language. */
const shown = async (response: Response) => (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
/** A form as its page sends it, with the key the page renders with each form. */
const send = (place: Place, as: Who, path: string, fields: Record<string, string>) =>
  post(place.host, path, { formKey: crypto.randomUUID(), ...fields }, { cookie: place.cookies[as] });

const smart = {
  title: "Elke dag een half uur wandelen",
  specific: "Na het avondeten een rondje door het park",
  measurable: "Vijf keer per week, bijgehouden in mijn agenda",
  acceptable: "Mijn partner loopt mee",
  realistic: "Het park is om de hoek",
  dueOn: "2099-06-30",
};

/** Adds a goal through the page; its id. */
async function added(place: Place, as: Who, path: string, fields = smart): Promise<string> {
  const response = await send(place, as, path, fields);
  expect(response.status).toBe(302);
  const location = response.headers.get("location")!;
  expect(location).toMatch(/\/gol_[0-9A-Z]{26}\?done=created$/);
  return /(gol_[0-9A-Z]{26})/.exec(location)![1]!;
}

const goalRow = async (place: Place, id: string) => (await place.scope.findById(goals, id))!;
const historyOf = (place: Place, id: string) =>
  place.scope.list(goalProgress, { where: eq(goalProgress.goalId, id) });

beforeAll(async () => {
  main = await goalsTenant("goals-pages", "TENANT_DB_1");
  readOnly = await goalsTenant("goals-pages-ro", "TENANT_DB_1", { clientsMayEdit: false });
  foreign = await goalsTenant("goals-pages-b", "TENANT_DB_2");
  without = await goalsTenant("goals-pages-c", "TENANT_DB_1", { features: ["messages"] });
  // Four tenants with six people each, every one signing in with a real password hash.
}, 120_000);

describe("a client's own goals", () => {
  it("adds a SMART goal, sees it listed and opens it with its fields and a first step of 0 %", async () => {
    const list = await page(main, "client", "/goals");
    expect(list.status).toBe(200);
    const empty = await list.text();
    expect(empty).toContain("<h1>Doelen</h1>");
    expect(empty).toContain("Er zijn geen lopende doelen.");

    const id = await added(main, "client", "/goals");
    const html = await (await page(main, "client", "/goals")).text();
    expect(html).toContain(`href="/goals/${id}"`);
    expect(html).toContain(smart.title);
    expect(html).toContain("Streefdatum: 30 juni 2099");

    const detail = await page(main, "client", `/goals/${id}?done=created`);
    expect(detail.status).toBe(200);
    const shown = await detail.text();
    expect(shown).toContain("Je doel is opgeslagen.");
    for (const value of Object.values(smart).slice(1, 5)) expect(shown).toContain(value);
    expect(shown).toContain("<td>0%</td>");
    const row = await goalRow(main, id);
    expect(row).toMatchObject({
      clientUserId: main.people.client,
      progress: 0,
      status: "open",
      dueOn: "2099-06-30",
    });
    expect(await historyOf(main, id)).toHaveLength(1);
  });

  it("moves the progress: each step is in the history, drawn as a chart with the same steps as a table", async () => {
    const id = await added(main, "client", "/goals", { ...smart, title: "Beter slapen" });
    const moved = await send(main, "client", `/goals/${id}`, {
      intent: "progress",
      progress: "40",
      note: "Goede week",
    });
    expect(moved.headers.get("location")).toBe(`/goals/${id}?done=progress`);
    await send(main, "client", `/goals/${id}`, { intent: "progress", progress: "75 %", note: "" });
    expect((await goalRow(main, id)).progress).toBe(75);
    const steps = await historyOf(main, id);
    expect(steps.map((step) => step.progress).sort()).toEqual([0, 40, 75]);

    const html = await (await page(main, "client", `/goals/${id}`)).text();
    expect(html).toMatch(
      /<svg[^>]*role="img"[^>]*aria-label="Grafiek van de voortgang: van 0% op [^"]+ naar 75% op [^"]+, in 3 stappen\."/,
    );
    expect(html.match(/<circle /g)).toHaveLength(3);
    expect(html).toContain("<td>40%</td>");
    expect(html).toContain("<td>Goede week</td>");
    expect(html).toContain('<progress max="100" value="75"');
    // The coach hears of it, with a link to the staff page of the goal.
    const told = await main.scope.list(notifications, {
      where: and(eq(notifications.recipientId, main.people.coach), eq(notifications.kind, "goal")),
    });
    expect(told.map((each) => each.link)).toContain(`/clients/${main.people.client}/goals/${id}`);
  });

  it("edits the SMART fields, marks the goal achieved (100 %, in the history) and opens it again", async () => {
    const id = await added(main, "client", "/goals", { ...smart, title: "Een cursus afronden" });
    const edited = await send(main, "client", `/goals/${id}`, {
      intent: "edit",
      ...smart,
      title: "Twee cursussen afronden",
    });
    expect(edited.headers.get("location")).toBe(`/goals/${id}?done=edited`);
    expect((await goalRow(main, id)).title).toBe("Twee cursussen afronden");

    await send(main, "client", `/goals/${id}`, { intent: "achieve" });
    const achieved = await goalRow(main, id);
    expect(achieved).toMatchObject({ status: "achieved", progress: 100 });
    expect(achieved.closedAt).not.toBeNull();
    expect((await historyOf(main, id)).map((step) => step.progress)).toContain(100);

    const closed = await send(main, "client", `/goals/${id}`, { intent: "progress", progress: "50" });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain("Dit is al afgerond of gestopt.");
    expect((await goalRow(main, id)).progress).toBe(100);
    const list = await (await page(main, "client", "/goals")).text();
    expect(list).toContain("Bereikte en gestopte doelen");

    await send(main, "client", `/goals/${id}`, { intent: "reopen" });
    expect((await goalRow(main, id)).status).toBe("open");
  });

  it("shows the pages in English to an English-speaking client", async () => {
    const id = await added(main, "english", "/goals", { ...smart, title: "Run 5 km" });
    const html = await shown(await page(main, "english", `/goals/${id}`, "en"));
    expect(html).toContain("Back to your goals");
    expect(html).toContain("Update progress");
    expect(html).toContain("Every step of the progress, oldest first");
  });

  it("records every read and change of the client's goals in the audit log", async () => {
    const lines = await main.scope.list(auditEvents, {
      where: eq(auditEvents.clientUserId, main.people.client),
      limit: 1000,
    });
    const actions = new Set(lines.map((line) => line.action));
    for (const action of [
      "goals.list",
      "goals.view",
      "goals.create",
      "goals.progress",
      "goals.edit",
      "goals.status",
    ])
      expect(actions).toContain(action);
  });
});

describe("the care team's view", () => {
  it("lets the coach see the client's goals, comment, move the progress, and tells the client", async () => {
    const id = await added(main, "client", "/goals", { ...smart, title: "Minder piekeren" });
    const list = await page(main, "coach", `/clients/${main.people.client}/goals`);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("Doelen van client");
    expect(html).toContain(`href="/clients/${main.people.client}/goals/${id}"`);

    const base = `/clients/${main.people.client}/goals/${id}`;
    const commented = await send(main, "coach", base, {
      intent: "comment",
      body: "Mooi begin, houd het vol!",
    });
    expect(commented.headers.get("location")).toBe(`${base}?done=comment`);
    await send(main, "coach", base, { intent: "progress", progress: "20" });
    expect((await goalRow(main, id)).progress).toBe(20);

    const seen = await (await page(main, "client", `/goals/${id}`)).text();
    expect(seen).toContain("Mooi begin, houd het vol!");
    const told = await main.scope.list(notifications, {
      where: and(eq(notifications.recipientId, main.people.client), eq(notifications.kind, "goal")),
    });
    expect(told.map((each) => each.link)).toContain(`/goals/${id}`);
  });

  it("shows the coach their own clients at /goals with their open goals at a glance, and the outsider none", async () => {
    const html = await shown(await page(main, "coach", "/goals"));
    expect(html).toContain(`href="/clients/${main.people.client}/goals"`);
    expect(html).toContain(`href="/clients/${main.people.neighbour}/goals"`);
    expect(html).toMatch(/\d+ lopende doelen, gemiddeld \d+% bereikt/);
    const outsider = await shown(await page(main, "outsider", "/goals"));
    expect(outsider).toContain("Je bent nog aan geen cliënt gekoppeld.");
    expect(outsider).not.toContain(main.people.client);
  });

  it("lets the coach add a goal for the client", async () => {
    const id = await added(main, "coach", `/clients/${main.people.client}/goals`, {
      ...smart,
      title: "Werkritme opbouwen",
    });
    expect(await goalRow(main, id)).toMatchObject({
      clientUserId: main.people.client,
      createdByUserId: main.people.coach,
    });
  });
});

describe("the tenant that keeps clients from editing goals", () => {
  it("shows the client their goals to read and comment on, and refuses every change with 403", async () => {
    const id = await added(readOnly, "coach", `/clients/${readOnly.people.client}/goals`);
    const html = await shown(await page(readOnly, "client", "/goals"));
    expect(html).toContain("Je coach houdt je doelen bij.");
    expect(html).not.toContain("Doel toevoegen");
    const detail = await shown(await page(readOnly, "client", `/goals/${id}`));
    expect(detail).not.toContain("Voortgang bijwerken");

    expect((await send(readOnly, "client", "/goals", smart)).status).toBe(403);
    for (const fields of [
      { intent: "progress", progress: "50" },
      { intent: "edit", ...smart },
      { intent: "achieve" },
    ] as Record<string, string>[])
      expect((await send(readOnly, "client", `/goals/${id}`, fields)).status).toBe(403);
    expect(await goalRow(readOnly, id)).toMatchObject({ progress: 0, status: "open" });
    expect(await readOnly.scope.count(goals)).toBe(1);

    const commented = await send(readOnly, "client", `/goals/${id}`, {
      intent: "comment",
      body: "Ik doe mijn best",
    });
    expect(commented.status).toBe(302);
    const denied = await readOnly.scope.list(auditEvents, { where: eq(auditEvents.result, "denied") });
    expect(denied.map((line) => line.action)).toEqual(
      expect.arrayContaining(["goals.create", "goals.progress"]),
    );
  });
});

describe("bad input", () => {
  it("refuses an empty title and a date in the wrong format at their fields, keeps what was typed and stores nothing", async () => {
    const before = await main.scope.count(goals);
    const response = await send(main, "client", "/goals", { ...smart, title: "  ", dueOn: "31-12-2099" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Vul in wat je wilt bereiken.");
    expect(html).toContain("Dit is geen geldige datum.");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="31-12-2099"');
    expect(html).toContain(smart.specific);
    expect(await main.scope.count(goals)).toBe(before);

    const past = await send(main, "client", "/goals", { ...smart, dueOn: "2020-02-30" });
    expect(await past.text()).toContain("Dit is geen geldige datum.");
    const gone = await send(main, "client", "/goals", { ...smart, dueOn: "2020-02-03" });
    expect(await gone.text()).toContain("Deze datum is al voorbij.");
    expect(await main.scope.count(goals)).toBe(before);
  });

  it("refuses a progress outside 0-100 or not a number, and writes neither the goal nor its history", async () => {
    const id = await added(main, "client", "/goals", { ...smart, title: "Vaker bellen met vrienden" });
    for (const progress of ["150", "-5", "veel", "12.5", ""]) {
      const response = await send(main, "client", `/goals/${id}`, {
        intent: "progress",
        progress,
        note: "mijn notitie",
      });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain("Vul een heel getal van 0 tot en met 100 in.");
      expect(html).toContain(`value="${progress}"`);
      expect(html).toContain("mijn notitie");
    }
    expect((await goalRow(main, id)).progress).toBe(0);
    expect(await historyOf(main, id)).toHaveLength(1);
  });

  it("refuses an empty comment", async () => {
    const id = await added(main, "client", "/goals", { ...smart, title: "Opruimen" });
    const response = await send(main, "client", `/goals/${id}`, { intent: "comment", body: "   " });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Schrijf eerst je opmerking.");
    expect(await main.scope.count(goalComments, eq(goalComments.goalId, id))).toBe(0);
  });

  it("answers 400 to an unknown intent and leaves the goal as it was", async () => {
    const id = await added(main, "client", "/goals", { ...smart, title: "Eerder opstaan" });
    const response = await send(main, "client", `/goals/${id}`, { intent: "delete" });
    expect(response.status).toBe(400);
    expect((await goalRow(main, id)).status).toBe("open");
  });
});

describe("who sees nothing", () => {
  let id: string;
  beforeAll(async () => {
    id = await added(main, "client", "/goals", { ...smart, title: "Geheim doel" });
  });

  it("another client of the same coach: not found, on the page and for every change", async () => {
    expect((await page(main, "neighbour", `/goals/${id}`)).status).toBe(404);
    expect(
      (await send(main, "neighbour", `/goals/${id}`, { intent: "progress", progress: "90" })).status,
    ).toBe(404);
    expect((await send(main, "neighbour", `/goals/${id}`, { intent: "comment", body: "hoi" })).status).toBe(
      404,
    );
    const list = await (await page(main, "neighbour", "/goals")).text();
    expect(list).not.toContain("Geheim doel");
    expect((await goalRow(main, id)).progress).toBe(0);
  });

  it("staff and admins outside the care team: not found", async () => {
    for (const who of ["outsider", "admin"] as const) {
      expect((await page(main, who, `/clients/${main.people.client}/goals`)).status).toBe(404);
      expect((await page(main, who, `/clients/${main.people.client}/goals/${id}`)).status).toBe(404);
      const change = await send(main, who, `/clients/${main.people.client}/goals/${id}`, {
        intent: "progress",
        progress: "90",
      });
      expect(change.status).toBe(404);
    }
    // A goal of one client on the address of another client of the same coach.
    expect((await page(main, "coach", `/clients/${main.people.neighbour}/goals/${id}`)).status).toBe(404);
    expect((await goalRow(main, id)).progress).toBe(0);
  });

  it("the wrong role: a client on the staff pages and staff on the client's pages get 403", async () => {
    expect((await page(main, "client", `/clients/${main.people.client}/goals`)).status).toBe(403);
    expect((await page(main, "neighbour", `/clients/${main.people.client}/goals/${id}`)).status).toBe(403);
  });

  it("another tenant and a tenant without goals: not found", async () => {
    expect((await page(foreign, "client", `/goals/${id}`)).status).toBe(404);
    expect((await page(foreign, "coach", `/clients/${main.people.client}/goals/${id}`)).status).toBe(404);
    expect(
      (await send(foreign, "client", `/goals/${id}`, { intent: "progress", progress: "90" })).status,
    ).toBe(404);
    expect((await page(without, "client", "/goals")).status).toBe(404);
    expect((await goalRow(main, id)).progress).toBe(0);
  });
});

describe("the tenant's setting", () => {
  it("lets the admin stop clients from editing their goals, audited; staff and clients cannot reach it", async () => {
    const place = await goalsTenant("goals-pages-setting", "TENANT_DB_2");
    const form = await shown(await page(place, "admin", "/admin/goals"));
    expect(form).toMatch(/name="clientsMayEdit"[^>]*checked=""/);
    expect((await page(place, "coach", "/admin/goals")).status).toBe(403);
    expect((await send(place, "client", "/admin/goals", {})).status).toBe(403);

    const saved = await send(place, "admin", "/admin/goals", {});
    expect(saved.headers.get("location")).toBe("/admin/goals?done=saved");
    expect(await shown(await page(place, "admin", "/admin/goals"))).not.toContain("checked");
    const lines = await place.scope.list(auditEvents, {
      where: eq(auditEvents.action, "goals.settings-change"),
    });
    expect(lines).toHaveLength(1);
  }, 60_000);
});
