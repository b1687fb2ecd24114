import { expect, screenshot, signIn, test } from "./fixtures.ts";
import { tenantUrl } from "./hosts.ts";

/** Each project works with its own client of Anouk de Vries, so the two runs never meet. */
const clientOf: Record<string, { email: string; name: string }> = {
  desktop: { email: "sanne.visser@example.nl", name: "Sanne Visser" },
  phone: { email: "daan.mulder@example.nl", name: "Daan Mulder" },
};
const coach = "anouk.devries@koerscoaching.nl";

// The refused progress answers 400.
test.use({ expectedStatuses: [400, 404] });

test("a client adds a SMART goal and moves its progress; the coach sees it and comments", async ({
  page,
  browser,
}, testInfo) => {
  const client = clientOf[testInfo.project.name]!;
  // Every run adds a goal of its own; earlier runs' goals stay in the list.
  const title = `Elke dag wandelen ${Date.now()}`;
  await signIn(page, "coaching", client.email);
  await page.goto(tenantUrl("coaching", "/goals"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Doelen");

  await page.getByText("Doel toevoegen").click();
  await page.getByLabel("Doel", { exact: true }).fill(title);
  await page.getByLabel("Specifiek").fill("Na het avondeten een half uur door het park");
  await page.getByLabel("Meetbaar").fill("Vijf keer per week, bijgehouden in mijn agenda");
  await page.getByLabel("Acceptabel").fill("Mijn partner loopt mee");
  await page.getByLabel("Realistisch").fill("Het park is om de hoek");
  await page.getByLabel(/^Tijdgebonden/).fill("2099-06-30");
  await screenshot(page, testInfo, "goals-new");
  await page.getByRole("button", { name: "Doel opslaan" }).click();

  await expect(page).toHaveURL(/\/goals\/gol_\w+\?done=created$/);
  await expect(page.getByRole("status")).toHaveText("Je doel is opgeslagen.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("30 juni 2099")).toBeVisible();
  const goalPath = new URL(page.url()).pathname;

  // A progress out of range is refused at the field, with what was typed kept.
  const progress = page.getByLabel("Voortgang in procenten, van 0 tot 100");
  await progress.fill("150");
  await page.getByRole("button", { name: "Voortgang bijwerken" }).click();
  await expect(page.getByText("Vul een heel getal van 0 tot en met 100 in.").last()).toBeVisible();
  await expect(progress).toHaveValue("150");

  await progress.fill("40");
  await page.getByLabel("Toelichting (niet verplicht)").fill("Drie keer gelopen deze week");
  await page.getByRole("button", { name: "Voortgang bijwerken" }).click();
  await expect(page.getByRole("status")).toHaveText("De voortgang is bijgewerkt.");
  await expect(page.getByText("40% bereikt")).toBeVisible();
  const history = page.getByRole("table", { name: "Elke stap van de voortgang, de oudste eerst" });
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history).toContainText("Drie keer gelopen deze week");
  await expect(
    page.getByRole("img", { name: /^Grafiek van de voortgang: van 0% .* naar 40% / }),
  ).toBeVisible();
  await screenshot(page, testInfo, "goals-progress");

  // The coach, in a browser of her own, finds the client among hers and the goal with its progress.
  const coachContext = await browser.newContext();
  const coachPage = await coachContext.newPage();
  await signIn(coachPage, "coaching", coach);
  await coachPage.goto(tenantUrl("coaching", "/goals"));
  await coachPage.getByRole("link", { name: client.name }).click();
  await expect(coachPage.getByRole("heading", { level: 1 })).toHaveText(`Doelen van ${client.name}`);
  await coachPage.getByRole("link", { name: title }).click();
  await expect(coachPage.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(coachPage.getByText("40% bereikt")).toBeVisible();
  await coachPage.getByLabel("Je opmerking").fill("Mooi begin, houd het vol!");
  await coachPage.getByRole("button", { name: "Opmerking plaatsen" }).click();
  await expect(coachPage.getByRole("status")).toHaveText("Je opmerking is geplaatst.");
  await screenshot(coachPage, testInfo, "goals-coach");
  await coachContext.close();

  // The client reads the comment on the goal.
  await page.goto(tenantUrl("coaching", goalPath));
  await expect(page.locator(".goal-comments")).toContainText("Mooi begin, houd het vol!");
  await expect(page.locator(".goal-comments")).toContainText("Anouk de Vries");
});
