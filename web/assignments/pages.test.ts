import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { clientSummary, staffSummary } from "../../core/assignments/summary.ts";
import { defaultNotificationSettings } from "../../core/kernel/notifications/settings.ts";
import type { TenantRecord } from "../../core/kernel/tenants/tenant.ts";
import { auditEvents, careTeamMembers, notifications } from "../../db/kernel/schema.ts";
import { assignmentCopies, assignmentEntries, assignments } from "../../db/assignments/schema.ts";
import { platformData } from "../../db/kernel/platform.ts";
import {
  addUser,
  createTenant,
  deliverQueuedMail,
  signIn,
  visit,
} from "../../worker/kernel/testing/fixtures.ts";
import { D1AssignmentStore } from "../../db/assignments/store.ts";

const data = platformData(env);
const host = "assignment-pages.localhost";
const password = "een lang en sterk wachtwoord";

let tenant: TenantRecord;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

const page = (as: string, path: string, onHost = host) =>
  visit(onHost, path, { headers: { cookie: cookies[as]! } });
/** A form as its page sends it, with the key the page renders with each form. */
const send = (as: string, path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ formKey: crypto.randomUUID() });
  for (const [name, value] of Object.entries(fields))
    for (const each of Array.isArray(value) ? value : [value]) body.append(name, each);
  return visit(host, path, {
    method: "POST",
    headers: {
      cookie: cookies[as]!,
      origin: `http://${host}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: body.toString(),
  });
};

const scope = () => data.scopeIn(tenant.cell, tenant.id);
const notificationsOf = (userId: string) =>
  scope().list(notifications, {
    where: and(eq(notifications.recipientId, userId), eq(notifications.kind, "assignment")),
  });

/** Sets an assignment through the page; its id. */
async function setOne(title: string, description: string, clients: string[]): Promise<string> {
  const response = await send("staff", "/assignments/new", { title, description, client: clients });
  expect(response.status).toBe(302);
  const location = response.headers.get("location")!;
  expect(location).toMatch(/^\/assignments\/asg_[0-9A-Z]+\?done=set$/);
  return location.slice("/assignments/".length, location.indexOf("?"));
}

beforeAll(async () => {
  await data.control.savePlan({ id: "assignment-plan", name: "Assignments", features: ["assignments"] });
  const settings = {
    secondFactor: { required: [] },
    notifications: { ...defaultNotificationSettings, quietHours: null, digestMinutes: 0 },
  };
  tenant = await createTenant("assignment-pages", "TENANT_DB_1", { planId: "assignment-plan", settings });
  const other = await createTenant("assignment-pages-b", "TENANT_DB_2", {
    planId: "assignment-plan",
    settings,
  });
  const without = await createTenant("assignment-pages-c", "TENANT_DB_1", { settings });
  for (const [name, role] of [
    ["staff", "staff"],
    ["otherStaff", "staff"],
    ["one", "client"],
    ["two", "client"],
    ["three", "client"],
  ] as const)
    ids[name] = await addUser(tenant, {
      email: `${name.toLowerCase()}@assignment-pages.test`,
      role,
      password,
    });
  await addUser(other, { email: "client@assignment-pages-b.test", password });
  await addUser(without, { email: "client@assignment-pages-c.test", role: "staff", password });
  const now = new Date().toISOString();
  const team = (client: string, staff: string) => ({
    id: `ctm_${crypto.randomUUID()}`,
    clientUserId: ids[client]!,
    staffUserId: ids[staff]!,
    createdAt: now,
  });
  await scope().insert(careTeamMembers, [
    team("one", "staff"),
    team("two", "staff"),
    team("three", "otherStaff"),
  ]);
  for (const name of ["staff", "otherStaff", "one", "two", "three"])
    cookies[name] = await signIn(host, `${name.toLowerCase()}@assignment-pages.test`, password);
  cookies.foreign = await signIn("assignment-pages-b.localhost", "client@assignment-pages-b.test", password);
  cookies.without = await signIn("assignment-pages-c.localhost", "client@assignment-pages-c.test", password);
}, 120_000);

describe("setting, handing in and reviewing an assignment", () => {
  let id: string;

  it("lets staff set one assignment for two clients of their care team in one go; both are told, without its content", async () => {
    const form = await (await page("staff", "/assignments/new")).text();
    expect(form).toContain("Nieuwe opdracht");
    expect(form).toContain(`value="${ids.one}"`);
    expect(form).toContain(`value="${ids.two}"`);
    // A client of another staff member's care team is not offered.
    expect(form).not.toContain(`value="${ids.three}"`);

    id = await setOne(
      "Dagboek bijhouden",
      "Schrijf **elke dag** drie regels.\n\n[Uitleg](https://example.nl/uitleg)",
      [ids.one!, ids.two!],
    );
    const copies = await scope().list(assignmentCopies, { where: eq(assignmentCopies.assignmentId, id) });
    expect(copies.map((copy) => copy.status)).toEqual(["open", "open"]);
    expect(new Set(copies.map((copy) => copy.clientUserId))).toEqual(new Set([ids.one, ids.two]));

    for (const name of ["one", "two"]) {
      const items = await notificationsOf(ids[name]!);
      expect(items).toHaveLength(1);
      expect(items[0]!.link).toBe(`/assignments/${id}`);
    }
    expect(await notificationsOf(ids.staff!)).toHaveLength(0);
    const mail = await deliverQueuedMail(tenant, "two@assignment-pages.test");
    expect(mail?.subject).toContain("opdracht");
    for (const content of ["Dagboek", "drie regels", "example.nl/uitleg"]) {
      expect(mail?.subject ?? "").not.toContain(content);
      expect(mail?.text).not.toContain(content);
      expect(mail?.html ?? "").not.toContain(content);
    }
  });

  it("shows the client the new assignment first and marked new, then no longer new once opened", async () => {
    const older = await setOne("Eerdere opdracht", "Lees het hoofdstuk.", [ids.one!]);
    await page("one", `/assignments/${older}`);
    const list = await (await page("one", "/assignments")).text();
    expect(list.indexOf("Dagboek bijhouden")).toBeGreaterThan(-1);
    expect(list.indexOf("Dagboek bijhouden")).toBeLessThan(list.indexOf("Eerdere opdracht"));
    expect(list).toContain('data-new="true"');
    expect(list).toContain("Nieuw</span>");

    const opened = await page("one", `/assignments/${id}`);
    expect(opened.status).toBe(200);
    const html = await opened.text();
    expect(html).toContain("<strong>elke dag</strong>");
    expect(html).toContain('<a href="https://example.nl/uitleg" rel="noopener noreferrer">Uitleg</a>');
    expect(html).toContain("Inleveren");
    const again = await (await page("one", "/assignments")).text();
    expect(again).not.toContain('data-new="true"');
    expect(await clientSummary(deps(), { id: ids.two!, role: "client" })).toEqual({
      new: 1,
      open: 1,
      handedIn: 0,
      reviewed: 0,
    });
  });

  it("takes the client's hand-in, tells the staff member once, and shows each client only their own work", async () => {
    const handedIn = await send("one", `/assignments/${id}`, {
      intent: "handIn",
      text: "Maandag: rustig begonnen.",
    });
    expect(handedIn.status).toBe(302);
    expect(handedIn.headers.get("location")).toBe(`/assignments/${id}?done=handedIn`);
    const toStaff = await notificationsOf(ids.staff!);
    expect(toStaff).toHaveLength(1);
    expect(toStaff[0]!.link).toBe(`/assignments/${id}#client-${ids.one}`);
    const mine = await (await page("one", `/assignments/${id}`)).text();
    expect(mine).toContain("Maandag: rustig begonnen.");
    expect(mine).toContain("wacht");
    const theirs = await (await page("two", `/assignments/${id}`)).text();
    expect(theirs).not.toContain("Maandag: rustig begonnen.");
    expect(theirs).toContain("Nog niets ingeleverd.");

    // Handing in again while it awaits feedback is refused and writes nothing.
    const twice = await send("one", `/assignments/${id}`, { intent: "handIn", text: "Nog iets" });
    expect(twice.status).toBe(409);
    expect(await scope().count(assignmentEntries)).toBe(1);
    expect(await staffSummary(deps(), { id: ids.staff!, role: "staff" })).toEqual({ awaitingReview: 1 });
  });

  it("shows staff the hand-ins per client, awaiting feedback first; feedback tells the client, who may hand in again", async () => {
    const list = await (await page("staff", "/assignments")).text();
    expect(list.indexOf("Dagboek bijhouden")).toBeLessThan(list.indexOf("Eerdere opdracht"));
    expect(list).toContain("1 wacht op feedback");
    const view = await (await page("staff", `/assignments/${id}`)).text();
    expect(view).toContain("Maandag: rustig begonnen.");
    expect(view).toContain("two heeft nog niets ingeleverd.");
    expect(view.indexOf(`id="client-${ids.one}"`)).toBeLessThan(view.indexOf(`id="client-${ids.two}"`));

    const reviewed = await send("staff", `/assignments/${id}`, {
      intent: "feedback",
      client: ids.one!,
      text: "Mooi begin, schrijf ook wat je voelde.",
    });
    expect(reviewed.headers.get("location")).toBe(`/assignments/${id}?done=feedback#client-${ids.one}`);
    expect(await notificationsOf(ids.one!)).toHaveLength(3);
    const withFeedback = await (await page("one", `/assignments/${id}`)).text();
    expect(withFeedback).toContain("Mooi begin, schrijf ook wat je voelde.");
    expect(withFeedback).toContain("Opnieuw inleveren");
    // Feedback a second time, before a new hand-in, is refused.
    const again = await send("staff", `/assignments/${id}`, {
      intent: "feedback",
      client: ids.one!,
      text: "Nog iets",
    });
    expect(again.status).toBe(409);

    expect(
      (await send("one", `/assignments/${id}`, { intent: "handIn", text: "Dinsdag: gespannen." })).status,
    ).toBe(302);
    const [copy] = await scope().list(assignmentCopies, {
      where: and(eq(assignmentCopies.assignmentId, id), eq(assignmentCopies.clientUserId, ids.one!)),
    });
    expect(copy!.status).toBe("handedIn");
    expect(await notificationsOf(ids.staff!)).toHaveLength(2);
  });

  it("shows staff one client's assignments, and audits every read and change of a client's assignment", async () => {
    const response = await page("staff", `/clients/${ids.one}/assignments`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Opdrachten van one");
    expect(html).toContain("Dagboek bijhouden");
    expect(html).toContain(`/assignments/new?client=${ids.one}`);
    const lines = await scope().list(auditEvents, {
      where: eq(auditEvents.clientUserId, ids.one!),
      limit: 100,
    });
    const actions = lines.map(
      (line) => `${line.action}:${line.actorUserId === ids.staff ? "staff" : "client"}`,
    );
    for (const expected of [
      "assignments.create:staff",
      "assignments.list:client",
      "assignments.view:client",
      "assignments.hand-in:client",
      "assignments.view:staff",
      "assignments.feedback:staff",
      "assignments.list:staff",
    ])
      expect(actions).toContain(expected);
    // The lines name the assignment, never its text.
    expect(JSON.stringify(lines)).not.toContain("Maandag");
  });
});

describe("Markdown in a description", () => {
  it("shows script and HTML as text and takes the address from javascript: links", async () => {
    const id = await setOne(
      "Gevaarlijk",
      '<script>alert("x")</script>\n\n<img src=x onerror=alert(1)> [klik](javascript:alert(1)) [ok](https://example.nl)',
      [ids.two!],
    );
    const html = await (await page("two", `/assignments/${id}`)).text();
    expect(html).not.toContain('<script>alert("x")');
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("javascript:");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("<a>klik</a>");
    expect(html).toContain('<a href="https://example.nl" rel="noopener noreferrer">ok</a>');
  });
});

describe("bad input", () => {
  it("refuses an assignment without title, explanation or clients at each field, keeps what was typed and writes nothing", async () => {
    const before = await scope().count(assignments);
    const response = await send("staff", "/assignments/new", {
      title: "  ",
      description: "Mijn uitleg <b>hier</b>",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Vul een titel in.");
    expect(html).toContain("Kies minstens één cliënt.");
    expect(html).toContain("Mijn uitleg &lt;b&gt;hier&lt;/b&gt;</textarea>");
    expect(html).toContain('aria-invalid="true"');

    const tooLong = await send("staff", "/assignments/new", {
      title: "Lang",
      description: "x".repeat(20_001),
      client: [ids.one!],
    });
    expect(tooLong.status).toBe(400);
    const long = await tooLong.text();
    expect(long).toContain("Maak de toelichting korter: hoogstens 20000 tekens.");
    expect(long).toContain('value="Lang"');
    expect(long).toContain(`<input type="checkbox" name="client" checked="" value="${ids.one}"/>`);
    expect(long).toContain(`<input type="checkbox" name="client" value="${ids.two}"/>`);

    const stranger = await send("staff", "/assignments/new", {
      title: "T",
      description: "D",
      client: [ids.three!],
    });
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain("Kies alleen cliënten uit de lijst");
    expect(await scope().count(assignments)).toBe(before);
    expect(await scope().count(assignmentCopies, eq(assignmentCopies.clientUserId, ids.three!))).toBe(0);
  });

  it("refuses a made-up client id at the clients field and an unknown intent, keeping the text and writing nothing", async () => {
    const before = await scope().count(assignments);
    const response = await send("staff", "/assignments/new", {
      title: "Verzonnen",
      description: "Voor niemand",
      client: ["usr_verzonnen"],
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="client-error"');
    expect(html).toContain("Kies alleen cliënten uit de lijst");
    expect(html).toContain('value="Verzonnen"');
    expect(await scope().count(assignments)).toBe(before);
    const id = await setOne("Onbekende knop", "Iets", [ids.two!]);
    const entries = await scope().count(assignmentEntries);
    const unknown = await send("two", `/assignments/${id}`, { intent: "delete", text: "Weg ermee" });
    expect(unknown.status).toBe(400);
    expect(await scope().count(assignmentEntries)).toBe(entries);
  });

  it("refuses an empty hand-in and empty feedback at the field, keeping what was typed", async () => {
    const id = await setOne("Leeg", "Iets", [ids.two!]);
    const entries = await scope().count(assignmentEntries);
    const empty = await send("two", `/assignments/${id}`, { intent: "handIn", text: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Schrijf je antwoord voordat je inlevert.");
    const long = await send("two", `/assignments/${id}`, { intent: "handIn", text: "y".repeat(20_001) });
    expect(long.status).toBe(400);
    const longHtml = await long.text();
    expect(longHtml).toContain("Maak je antwoord korter");
    expect(longHtml).toContain(`${"y".repeat(100)}`);
    await send("two", `/assignments/${id}`, { intent: "handIn", text: "Klaar" });
    const feedback = await send("staff", `/assignments/${id}`, {
      intent: "feedback",
      client: ids.two!,
      text: "",
    });
    expect(feedback.status).toBe(400);
    expect(await feedback.text()).toContain("Schrijf je feedback.");
    expect(await scope().count(assignmentEntries)).toBe(entries + 1);
  });

  it("takes one of two hand-ins sent at once, and one of two feedbacks", async () => {
    const raced = await setOne("Tegelijk", "Twee keer op de knop", [ids.one!]);
    const handIns = await Promise.all(
      ["Eerste", "Tweede"].map((text) => send("one", `/assignments/${raced}`, { intent: "handIn", text })),
    );
    expect(handIns.map((response) => response.status).sort()).toEqual([302, 409]);
    const feedbacks = await Promise.all(
      ["Goed", "Ook goed"].map((text) =>
        send("staff", `/assignments/${raced}`, { intent: "feedback", client: ids.one!, text }),
      ),
    );
    expect(feedbacks.map((response) => response.status).sort()).toEqual([302, 409]);
    const [copy] = await scope().list(assignmentCopies, { where: eq(assignmentCopies.assignmentId, raced) });
    const entries = await scope().list(assignmentEntries, { where: eq(assignmentEntries.copyId, copy!.id) });
    expect(entries.map((entry) => entry.kind).sort()).toEqual(["feedback", "handIn"]);
  });
});

describe("who may see and do what", () => {
  let id: string;
  beforeAll(async () => {
    id = await setOne("Alleen voor one", "Geheim", [ids.one!]);
  });

  it("answers 404 to another client, a staff member outside the care team, another tenant and a tenant without assignments", async () => {
    for (const [as, path, onHost] of [
      ["two", `/assignments/${id}`, host],
      ["three", `/assignments/${id}`, host],
      ["otherStaff", `/assignments/${id}`, host],
      ["otherStaff", `/clients/${ids.one}/assignments`, host],
      ["staff", `/clients/${ids.three}/assignments`, host],
      ["foreign", `/assignments/${id}`, "assignment-pages-b.localhost"],
      ["without", "/assignments", "assignment-pages-c.localhost"],
      ["without", "/assignments/new", "assignment-pages-c.localhost"],
    ] as const) {
      const response = await page(as, path, onHost);
      expect(response.status, `${as} ${path}`).toBe(404);
      expect(await response.text()).not.toContain("Geheim");
    }
    const list = await (await page("otherStaff", "/assignments")).text();
    expect(list).not.toContain("Alleen voor one");
    const two = await (await page("two", "/assignments")).text();
    expect(two).not.toContain("Alleen voor one");
  });

  it("refuses changes by the wrong person or role, and writes nothing", async () => {
    const entries = await scope().count(assignmentEntries);
    expect((await send("two", `/assignments/${id}`, { intent: "handIn", text: "Van two" })).status).toBe(404);
    expect((await send("staff", `/assignments/${id}`, { intent: "handIn", text: "Van staff" })).status).toBe(
      404,
    );
    await send("one", `/assignments/${id}`, { intent: "handIn", text: "Van one" });
    expect(
      (await send("otherStaff", `/assignments/${id}`, { intent: "feedback", client: ids.one!, text: "Hoi" }))
        .status,
    ).toBe(404);
    expect(
      (await send("one", `/assignments/${id}`, { intent: "feedback", client: ids.one!, text: "Zelf" }))
        .status,
    ).toBe(404);
    expect((await page("one", "/assignments/new")).status).toBe(403);
    expect(
      (await send("one", "/assignments/new", { title: "T", description: "D", client: [ids.one!] })).status,
    ).toBe(403);
    expect((await page("one", `/clients/${ids.one}/assignments`)).status).toBe(403);
    expect(await scope().count(assignmentEntries)).toBe(entries + 1);
  });
});

/** What the dossier tiles read. */
const deps = () => ({ store: new D1AssignmentStore(scope()) });
