import { expect, screenshot, signIn, test, waitForHydration } from "./fixtures.ts";
import { pdfFile } from "./files.ts";
import { tenantUrl } from "./hosts.ts";

/** Each project writes with its own client, both to Anouk de Vries, under a subject of its own. */
const clientOf: Record<string, { email: string; name: string }> = {
  desktop: { email: "sanne.visser@example.nl", name: "Sanne Visser" },
  phone: { email: "daan.mulder@example.nl", name: "Daan Mulder" },
};
const coach = "anouk.devries@koerscoaching.nl";

test("a client writes, keeps a draft, comes back and publishes; the coach answers from her inbox", async ({
  page,
  browser,
}, testInfo) => {
  // Two people in two browsers, and a wait for the draft to be kept while typing.
  test.setTimeout(120_000);
  const client = clientOf[testInfo.project.name]!;
  const subject = `Vraag over mijn doelen ${crypto.randomUUID().slice(0, 8)}`;
  await signIn(page, "coaching", client.email);
  await page.goto(tenantUrl("coaching", "/messages"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Berichten");
  await page.getByRole("link", { name: "Nieuw bericht" }).click();
  await page.getByLabel("Anouk de Vries").check();
  await page.getByLabel("Onderwerp").fill(subject);
  await page.getByLabel("Je bericht").fill("Hoi Anouk, mag ik iets vragen?");
  // A client is not asked whether the coach gets a mail: she always does (without the text).
  await expect(page.getByLabel("Stuur een melding per e-mail")).toHaveCount(0);
  await page.getByRole("button", { name: "Versturen" }).click();
  await expect(page.getByText("Je bericht is verstuurd.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  const conversationUrl = page.url().replace(/\?.*$/, "");
  if (testInfo.project.name === "phone") {
    // On a phone the box to write is in reach at once, below the thread it stays with.
    await expect(page.getByLabel("Je bericht")).toBeInViewport();
    await expect(page.getByRole("button", { name: "Versturen" })).toBeInViewport();
  }

  // "Bewaar als concept", then away and back: the text waits, marked as a draft.
  await page.getByLabel("Je bericht").fill("Ik twijfel over");
  await page.getByRole("button", { name: "Bewaar als concept" }).click();
  await expect(page.locator(".draft-badge")).toHaveText("Concept");
  await page.goto(tenantUrl("coaching", "/"));
  await page.goto(tenantUrl("coaching", "/messages"));
  await page.getByRole("link", { name: subject }).click();
  await expect(page.getByLabel("Je bericht")).toHaveValue("Ik twijfel over");

  // Typing on: the page keeps the text by itself, also without pressing a button.
  await waitForHydration(page);
  await page.getByLabel("Je bericht").fill("Ik twijfel over de tweede stap. Kun je meedenken?");
  await expect(page.getByRole("status").filter({ hasText: "Concept opgeslagen." })).toBeVisible({
    timeout: 15_000,
  });
  await page.goto(conversationUrl);
  await expect(page.getByLabel("Je bericht")).toHaveValue(
    "Ik twijfel over de tweede stap. Kun je meedenken?",
  );
  await screenshot(page, testInfo, "messages-draft");
  await page.getByRole("button", { name: "Versturen" }).click();
  await expect(page.getByText("Je bericht is verstuurd.")).toBeVisible();
  await expect(page.locator(".bubble--client").last()).toContainText("Kun je meedenken?");
  await expect(page.getByLabel("Je bericht")).toHaveValue("");

  // The coach, in a browser of her own, finds it unread in her inbox and answers.
  const coachContext = await browser.newContext();
  const coachPage = await coachContext.newPage();
  await signIn(coachPage, "coaching", coach);
  await coachPage.goto(tenantUrl("coaching", "/messages?filter=unread"));
  const row = coachPage.getByRole("listitem").filter({ hasText: subject });
  await expect(row).toContainText("2 ongelezen");
  await expect(row).toContainText(client.name);
  await screenshot(coachPage, testInfo, "messages-inbox");
  await row.getByRole("link", { name: subject }).click();
  await expect(coachPage.locator(".bubble--client")).toHaveCount(2);
  // Staff choose whether the client gets a mail; she sends with Ctrl+Enter, as in a chat app.
  await expect(coachPage.getByLabel("Stuur een melding per e-mail")).toBeChecked();
  await waitForHydration(coachPage);
  await coachPage.getByLabel("Je bericht").fill("Natuurlijk. Zullen we donderdag bellen?");
  await coachPage.getByLabel("Je bericht").press("Control+Enter");
  await expect(coachPage.getByText("Je bericht is verstuurd.")).toBeVisible();
  await coachContext.close();

  // The client sees the reply, on the coach's side, and that the coach read their messages.
  await page.goto(conversationUrl);
  await expect(page.locator(".bubble--coach")).toContainText("Zullen we donderdag bellen?");
  await expect(page.locator(".bubble--client").last()).toContainText("Gelezen door Anouk de Vries");
  await screenshot(page, testInfo, "messages-thread");
});

test("a client sends a file with a new conversation; the coach can open it", async ({
  page,
  browser,
}, testInfo) => {
  const client = clientOf[testInfo.project.name]!;
  const subject = `Mijn werkblad ${crypto.randomUUID().slice(0, 8)}`;
  await signIn(page, "coaching", client.email);
  await page.goto(tenantUrl("coaching", "/messages/new"));
  await waitForHydration(page);
  await page.getByLabel("Anouk de Vries").check();
  await page.getByLabel("Onderwerp").fill(subject);
  await page.getByLabel("Je bericht").fill("Hier is mijn ingevulde werkblad.");
  await page.getByLabel("Bijlagen toevoegen").setInputFiles(pdfFile("werkblad-ingevuld.pdf", 30_000));
  await expect(page.getByText("werkblad-ingevuld.pdf (", { exact: false })).toContainText("gaat mee");
  await expect(page.getByRole("progressbar")).toHaveAttribute("value", "100");
  await screenshot(page, testInfo, "messages-attachment");
  await page.getByRole("button", { name: "Versturen" }).click();
  await expect(page.getByText("Je bericht is verstuurd.")).toBeVisible();
  const sent = page.locator(".bubble--client").last();
  await expect(sent.getByRole("link", { name: /werkblad-ingevuld\.pdf downloaden/ })).toBeVisible();

  const coachContext = await browser.newContext({ ...testInfo.project.use });
  const coachPage = await coachContext.newPage();
  await signIn(coachPage, "coaching", coach);
  await coachPage.goto(page.url());
  // Viewed, it opens as a page of its own under the sandboxing policy.
  const responded = coachContext.waitForEvent("response", (r) => r.url().includes("?view=inline"));
  await Promise.all([
    coachPage.waitForEvent("popup"),
    coachPage.getByRole("link", { name: /werkblad-ingevuld\.pdf bekijken/ }).click(),
  ]);
  const response = await responded;
  expect(response.status()).toBe(200);
  expect((await response.allHeaders())["content-security-policy"]).toContain("sandbox");
  await coachContext.close();
});

test.describe("refusals", () => {
  test.use({ expectedStatuses: [400, 404] });

  test("a message that is too long is refused at the field and the text stays", async ({
    page,
  }, testInfo) => {
    const client = clientOf[testInfo.project.name]!;
    await signIn(page, "coaching", client.email);
    await page.goto(tenantUrl("coaching", "/messages/new"));
    await page.getByLabel("Anouk de Vries").check();
    await page.getByLabel("Je bericht").fill(`Lang verhaal ${"x".repeat(10_000)}`);
    await page.getByRole("button", { name: "Versturen" }).click();
    await expect(page.getByText("Vul een onderwerp in.").first()).toBeVisible();
    await expect(
      page.getByText("Een bericht is hoogstens 10000 tekens; dit zijn er 10013.").first(),
    ).toBeVisible();
    await expect(page.getByLabel("Je bericht")).toHaveValue(`Lang verhaal ${"x".repeat(10_000)}`);
  });
});
