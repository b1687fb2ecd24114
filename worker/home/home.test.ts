import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoTenants, signIn, visit } from "../testing/fixtures.ts";

const host = "coaching.localhost";

beforeAll(async () => {
  await seedDemoTenants();
});

describe("the start page", () => {
  it("shows a client what is open in each part and their newest replies, by name and subject only", async () => {
    const cookie = await signIn(host, "sanne.visser@example.nl");
    const page = await (await visit(host, "/", { headers: { cookie } })).text();
    // The demo: one unread reply from Anouk, one new assignment from her.
    expect(page).toContain("1 ongelezen bericht");
    expect(page).toMatch(/href="\/messages\/[^"#]+#message-\d+"/);
    expect(page).toContain("1 nieuwe opdracht");
    expect(page).toContain("Nog geen open doelen.");
  });

  it("shows a coach the hand-ins awaiting feedback rather than a client's counts", async () => {
    const cookie = await signIn(host, "anouk.devries@koerscoaching.nl");
    const page = await (await visit(host, "/", { headers: { cookie } })).text();
    expect(page).not.toContain("nieuwe opdracht");
    expect(page).not.toContain("Nog geen open doelen.");
    expect(page).toContain('href="/clients"');
  });
});
