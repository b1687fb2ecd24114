import { adminOf, expect, invitedPerson, screenshot, signIn, test } from "./fixtures.ts";
import { tenantUrl } from "./hosts.ts";

// A refused form answers 400, on purpose.
test.use({ expectedStatuses: [400, 404] });

/** The tenant's word for a staff member, as the invitation's role list shows it. */
const staffRole: Record<string, string> = { coaching: "coach", ggz: "behandelaar" };

test("a new coach sets their hours: an overlapping block is refused at its field, fixed and saved", async ({
  page,
}, testInfo) => {
  const { slug, email: adminEmail } = adminOf[testInfo.project.name]!;
  await invitedPerson(page, slug, adminEmail, {
    email: `uren.${Date.now()}.${testInfo.project.name}@example.nl`,
    name: "Robin Uren",
    password: "Heldere-nacht-vol-sterren-31",
    role: staffRole[slug]!,
  });

  await page.goto(tenantUrl(slug, "/booking/hours"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mijn beschikbaarheid");
  await expect(page.getByText("Je hebt nog geen uren ingesteld")).toBeVisible();
  // A new staff member starts in their own account's zone.
  await expect(page.getByLabel("Tijdzone")).toHaveValue("Europe/Amsterdam");

  const monday = page.getByRole("group", { name: "Maandag" });
  await monday.getByLabel("Van (maandag, blok 1)").fill("09:00");
  await monday.getByLabel("Tot (maandag, blok 1)").fill("12:00");
  await monday.getByRole("button", { name: "Blok toevoegen op maandag" }).click();
  await expect(monday.getByLabel("Van (maandag, blok 2)")).toBeVisible();
  // What was typed in the first block is still there.
  await expect(monday.getByLabel("Van (maandag, blok 1)")).toHaveValue("09:00");
  await monday.getByLabel("Van (maandag, blok 2)").fill("11:30");
  await monday.getByLabel("Tot (maandag, blok 2)").fill("17:00");
  const wednesday = page.getByRole("group", { name: "Woensdag" });
  await wednesday.getByLabel("Van (woensdag, blok 1)").fill("13:00");
  await wednesday.getByLabel("Tot (woensdag, blok 1)").fill("16:00");
  await page.getByRole("button", { name: "Beschikbaarheid opslaan" }).click();

  // Refused at the field, with everything typed kept.
  const overlapping = monday.getByLabel("Van (maandag, blok 2)");
  await expect(page.locator("#day1-1-start-error")).toHaveText(
    "Dit blok overlapt met 09:00–12:00 op dezelfde dag.",
  );
  await expect(overlapping).toHaveAttribute("aria-invalid", "true");
  await expect(overlapping).toHaveValue("11:30");
  await expect(wednesday.getByLabel("Tot (woensdag, blok 1)")).toHaveValue("16:00");
  await expect(page.getByRole("alert")).toContainText("Controleer het formulier");
  await screenshot(page, testInfo, "booking-hours-refused");

  await overlapping.fill("13:00");
  await page.getByRole("button", { name: "Beschikbaarheid opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Je beschikbaarheid is opgeslagen.");
  await expect(page.getByText("Je uren gelden in de tijdzone Europe/Amsterdam.")).toBeVisible();
  await expect(monday.getByLabel("Van (maandag, blok 2)")).toHaveValue("13:00");
  await expect(wednesday.getByLabel("Van (woensdag, blok 1)")).toHaveValue("13:00");

  // A day off a week from now, listed under the exceptions.
  const inAWeek = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString().slice(0, 10);
  await page.getByLabel("Datum").fill(inAWeek);
  await page.getByLabel("Vrije dag").check();
  await page.getByRole("button", { name: "Uitzondering toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText("De uitzondering is toegevoegd.");
  const exceptions = page.getByRole("list", { name: "Uitzonderingen" }).getByRole("listitem");
  await expect(exceptions.filter({ hasText: "Vrij" })).toHaveCount(1);
  await expect(page.getByLabel("Datum")).toHaveValue("");
  await screenshot(page, testInfo, "booking-hours");
});

test("an admin adds an appointment type: a duration out of bounds is refused at its field", async ({
  page,
}, testInfo) => {
  const { slug, email } = adminOf[testInfo.project.name]!;
  await signIn(page, slug, email);
  await page.goto(tenantUrl(slug, "/admin/appointment-types"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Soorten afspraken");

  const name = `Evaluatie ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel("Naam").last().fill(name);
  await page.locator("#new-durationMinutes").fill("600");
  await page.locator("#new-location").selectOption({ label: "Telefonisch" });
  await page.getByRole("button", { name: "Soort toevoegen" }).click();
  await expect(page.locator("#new-durationMinutes-error")).toHaveText(
    "Vul een duur in van 5 tot 480 minuten.",
  );
  await expect(page.locator("#new-name")).toHaveValue(name);
  await expect(page.locator("#new-location")).toHaveValue("phone");

  await page.locator("#new-durationMinutes").fill("45");
  await page.getByRole("button", { name: "Soort toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText("De soort is toegevoegd.");
  const item = page.getByRole("listitem").filter({ hasText: name });
  await expect(item).toContainText("45 min · Telefonisch");
  // The form for the next new type is empty again.
  await expect(page.locator("#new-name")).toHaveValue("");
  await screenshot(page, testInfo, "appointment-types");

  // Switched off, not deleted: it stays in the list, marked.
  await item.getByRole("button", { name: `Uitzetten ${name}` }).click();
  await expect(page.getByRole("status")).toContainText("De soort is uitgezet.");
  await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("Uitgezet");
});

test("an admin closes a day for everyone and sees the public holidays that close booking", async ({
  page,
}, testInfo) => {
  const { slug, email } = adminOf[testInfo.project.name]!;
  await signIn(page, slug, email);
  await page.goto(tenantUrl(slug, "/admin/closure-days"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gesloten dagen");
  // The coming year always has Christmas Day.
  await expect(page.getByRole("listitem").filter({ hasText: "Feestdag: Kerstmis" }).first()).toBeVisible();

  // A last date before the first is refused at its field.
  const inAMonth = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().slice(0, 10);
  const dayBefore = new Date(Date.now() + 29 * 24 * 3_600_000).toISOString().slice(0, 10);
  const label = `Teamdag ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel("Datum").fill(inAMonth);
  await page.getByLabel("Tot en met (optioneel)").fill(dayBefore);
  await page.getByLabel("Omschrijving (optioneel)").fill(label);
  await page.getByRole("button", { name: "Sluitingsdag toevoegen" }).click();
  await expect(page.locator("#lastDate-error")).toHaveText("De laatste dag kan niet voor de eerste liggen.");
  await expect(page.getByLabel("Omschrijving (optioneel)")).toHaveValue(label);

  await page.getByLabel("Tot en met (optioneel)").fill("");
  await page.getByRole("button", { name: "Sluitingsdag toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText("De sluitingsdag is toegevoegd.");
  const item = page.getByRole("listitem").filter({ hasText: label });
  await expect(item).toContainText(`Sluitingsdag: ${label}`);
  await screenshot(page, testInfo, "closure-days");

  // Taken away again, so the demo keeps its bookable time.
  await item.getByRole("button", { name: /^Verwijderen/ }).click();
  await expect(page.getByRole("status")).toHaveText("De sluitingsdag is verwijderd.");
  await expect(page.getByRole("listitem").filter({ hasText: label })).toHaveCount(0);
});
