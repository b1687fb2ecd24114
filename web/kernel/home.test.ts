import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoTenants, signIn, visit } from "../../worker/kernel/testing/fixtures.ts";

const host = "coaching.localhost";

beforeAll(async () => {
  await seedDemoTenants();
});

describe("the start page", () => {
  it("opens the demo's workbook, which the seed put in R2, and runs the seed again without adding to it", async () => {
    await seedDemoTenants();
    const cookie = await signIn(host, "sanne.visser@example.nl");
    const list = await (await visit(host, "/documents", { headers: { cookie } })).text();
    expect(list.match(/Werkboek week 1/g)?.length).toBeGreaterThan(0);
    expect(list).toContain("Mijn waarden");
    expect(list).toContain("opent www.thuisarts.nl");
    const href = /href="(\/api\/v1\/documents\/[^"]+\/download\?view=inline)"/.exec(list)?.[1];
    expect(href).toBeDefined();
    const viewed = await visit(host, href!.replaceAll("&amp;", "&"), { headers: { cookie } });
    expect(viewed.status).toBe(200);
    expect(await viewed.text()).toContain("(Werkboek week 1) Tj");
    const goals = await (await visit(host, "/goals", { headers: { cookie } })).text();
    expect(new Set(goals.match(/\/goals\/gol_[0-9A-Z]+/g)).size).toBe(1);
  });

  it("shows a client what is open in each part and their newest replies, by name and subject only", async () => {
    const cookie = await signIn(host, "sanne.visser@example.nl");
    const page = await (await visit(host, "/", { headers: { cookie } })).text();
    // The demo: one unread reply from Anouk, one new assignment and two documents from her, a goal
    // at 60 %.
    expect(page).toContain("1 ongelezen bericht");
    expect(page).toMatch(/href="\/messages\/[^"#]+#message-\d+"/);
    expect(page).toContain("1 nieuwe opdracht");
    expect(page).toContain("2 nieuwe documenten van je coach");
    expect(page).toContain("1 open doel, 60% op weg");
  });

  it("writes file sizes as people read them in the page's language", async () => {
    const cookie = await signIn(host, "sanne.visser@example.nl");
    const documents = await (await visit(host, "/documents", { headers: { cookie } })).text();
    // The demo's files are a few kilobytes: never "0.0 MB".
    expect(documents).toMatch(/ · \d+ kB/);
    expect(documents).not.toContain(" MB<");
  });

  it("shows a coach the hand-ins awaiting feedback rather than a client's counts", async () => {
    const cookie = await signIn(host, "anouk.devries@koerscoaching.nl");
    const page = await (await visit(host, "/", { headers: { cookie } })).text();
    expect(page).not.toContain("nieuwe opdracht");
    expect(page).not.toContain("open doel");
    expect(page).toContain('href="/clients"');
  });
});
