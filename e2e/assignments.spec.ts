import { expect, screenshot, signIn, test, waitForHydration } from "./fixtures.ts";
import { pdfFile } from "./files.ts";
import { tenantUrl } from "./hosts.ts";

/** Each project works with its own client of Anouk de Vries, so the two runs never meet. */
const clientOf: Record<string, { email: string; name: string }> = {
  desktop: { email: "sanne.visser@example.nl", name: "Sanne Visser" },
  phone: { email: "daan.mulder@example.nl", name: "Daan Mulder" },
};
const coach = "anouk.devries@koerscoaching.nl";

test.use({ expectedStatuses: [400, 404] });

test("a coach sets an assignment, the client hands it in, the coach gives feedback", async ({
  page,
  browser,
}, testInfo) => {
  const client = clientOf[testInfo.project.name]!;
  const title = `Weekreflectie ${testInfo.project.name} ${Date.now()}`;

  // The coach, in a browser of her own.
  const coachContext = await browser.newContext({ ...testInfo.project.use });
  const coachPage = await coachContext.newPage();
  await signIn(coachPage, "coaching", coach);
  await coachPage.goto(tenantUrl("coaching", "/assignments"));
  await expect(coachPage.getByRole("heading", { level: 1 })).toHaveText("Opdrachten");
  await coachPage.getByRole("link", { name: "Nieuwe opdracht" }).click();
  await expect(coachPage.getByRole("heading", { level: 1 })).toHaveText("Nieuwe opdracht");

  // Without a coachee: refused at the field, what was typed kept.
  await coachPage.getByLabel("Titel").fill(title);
  await coachPage
    .getByLabel("Toelichting")
    .fill("Schrijf **drie dingen** op die goed gingen.\n\n[Uitleg](https://example.nl)");
  await coachPage.getByRole("button", { name: "Opdracht geven" }).click();
  await expect(coachPage.getByText("Kies minstens één coachee.").last()).toBeVisible();
  await expect(coachPage.getByLabel("Titel")).toHaveValue(title);
  await expect(coachPage.getByLabel("Toelichting")).toHaveValue(/drie dingen/);
  await screenshot(coachPage, testInfo, "assignment-new-refused");
  await coachPage.getByRole("checkbox", { name: client.name }).check();
  // A worksheet goes with it: uploaded at once, with its progress, then sent with the form.
  await waitForHydration(coachPage);
  await coachPage.getByLabel("Bijlagen toevoegen").setInputFiles(pdfFile("werkblad.pdf", 40_000));
  await expect(coachPage.getByText("werkblad.pdf (", { exact: false })).toContainText("gaat mee");
  await coachPage.getByRole("button", { name: "Opdracht geven" }).click();
  await expect(coachPage.getByRole("heading", { level: 1 })).toHaveText(title);
  const assignmentUrl = coachPage.url().replace(/\?.*$/, "");
  await expect(coachPage.getByText(`${client.name} heeft nog niets ingeleverd.`)).toBeVisible();

  // The client finds it new at the top, opens and hands it in.
  await signIn(page, "coaching", client.email);
  await page.goto(tenantUrl("coaching", "/assignments"));
  const first = page.locator(".assignment-list .item-list__item").first();
  await expect(first).toContainText(title);
  await expect(first).toContainText("Nieuw");
  await screenshot(page, testInfo, "assignments-client");
  await first.getByRole("link", { name: title }).click();
  await expect(page.locator(".assignment-description strong")).toHaveText("drie dingen");
  await expect(page.getByRole("link", { name: "Uitleg" })).toHaveAttribute("rel", "noopener noreferrer");
  await page.getByRole("button", { name: "Inleveren" }).click();
  await expect(page.getByText("Schrijf je antwoord voordat je inlevert.").last()).toBeVisible();
  await expect(page.getByRole("link", { name: /werkblad\.pdf bekijken/ })).toHaveAttribute(
    "href",
    /\/files\/fil_.*\?view=inline$/,
  );
  await page.getByLabel("Je antwoord").fill("Goed geslapen, gewandeld, een vriend gebeld.");
  await waitForHydration(page);
  await page.getByLabel("Bestanden toevoegen").setInputFiles(pdfFile("mijn-lijstje.pdf"));
  await expect(page.getByText("mijn-lijstje.pdf (", { exact: false })).toContainText("gaat mee");
  await page.getByRole("button", { name: "Inleveren" }).click();
  await expect(page.getByRole("status").first()).toContainText("Ingeleverd");
  await expect(page.getByText("Goed geslapen, gewandeld, een vriend gebeld.")).toBeVisible();
  await screenshot(page, testInfo, "assignment-handed-in");

  // The coach sees it awaiting her feedback and reviews it.
  await coachPage.goto(tenantUrl("coaching", "/assignments"));
  await expect(coachPage.locator(".assignment-list .item-list__item").first()).toContainText(title);
  await coachPage.goto(assignmentUrl);
  const copy = coachPage.locator(".assignment-copy", { hasText: client.name });
  await expect(copy).toContainText("Wacht op je feedback");
  await expect(copy).toContainText("Goed geslapen, gewandeld, een vriend gebeld.");
  await expect(copy.getByRole("link", { name: /mijn-lijstje\.pdf downloaden/ })).toBeVisible();
  await copy.getByLabel("Feedback").fill("Mooi! Wat hielp het meest?");
  await copy.getByRole("button", { name: "Feedback geven" }).click();
  await expect(coachPage.getByText("Je feedback is verstuurd.")).toBeVisible();
  await expect(coachPage.locator(".assignment-copy", { hasText: client.name })).toContainText(
    "Feedback gegeven",
  );
  await screenshot(coachPage, testInfo, "assignment-reviewed-staff");
  await coachContext.close();

  // The client reads the feedback and may hand in again.
  await page.reload();
  await expect(page.getByText("Mooi! Wat hielp het meest?")).toBeVisible();
  await expect(page.getByRole("button", { name: "Opnieuw inleveren" })).toBeVisible();
  await screenshot(page, testInfo, "assignment-reviewed-client");
});
