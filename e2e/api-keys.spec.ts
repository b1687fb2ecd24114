import { adminOf, expect, invitedPerson, openNavigation, screenshot, test } from "./fixtures.ts";
import { port, tenantUrl } from "./hosts.ts";

// A wrong password first is answered with 400, on purpose.
test.use({ expectedStatuses: [400, 404] });

test("an admin makes an API key, sees it once, an integration lists the people with it, and revoking ends it", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  const { slug, email: inviter } = adminOf[testInfo.project.name]!;
  const admin = {
    email: `sleutelbeheer.${Date.now()}.${testInfo.project.name}@example.nl`,
    name: "Sam Sleutelbeheer",
    password: "Koele-bries-over-het-water-58",
    role: "beheerder",
  };
  await invitedPerson(page, slug, inviter, admin);

  await openNavigation(page);
  await page.getByRole("navigation").getByRole("link", { name: "API-sleutels" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API-sleutels");
  const name = `Rapportage ${Date.now()}`;
  await page.getByLabel("Naam", { exact: true }).fill(name);
  await page.getByLabel("Gebruikers lezen").check();
  await expect(page.getByLabel("Geldig")).toHaveValue("90");
  await page.getByLabel("Bevestig met je eigen wachtwoord").fill("niet-mijn-wachtwoord");
  await page.getByRole("button", { name: "Sleutel maken" }).click();
  // Refused at the password field; what was typed and chosen stays.
  await expect(page.getByText("Je wachtwoord klopt niet").first()).toBeVisible();
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue(name);
  await expect(page.getByLabel("Gebruikers lezen")).toBeChecked();
  await screenshot(page, testInfo, "api-keys-form");

  await page.getByLabel("Bevestig met je eigen wachtwoord").fill(admin.password);
  await page.getByRole("button", { name: "Sleutel maken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sleutel «${name}» gemaakt`);
  await expect(page.getByText("Je ziet hem hierna niet meer")).toBeVisible();
  const key = (await page.getByTestId("api-key").textContent())!.trim();
  expect(key).toMatch(/^portaal_key_[0-9A-HJKMNP-TV-Z]{26}\.[A-Za-z0-9_-]{32}$/);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Kopieer sleutel" }).click();
  await expect(page.getByText("Gekopieerd.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await screenshot(page, testInfo, "api-key-once");

  // The integration: no browser, no cookie, only the key. Node does not resolve *.localhost as
  // Chromium does, so it calls the loopback address with the tenant's host name.
  const listUsers = () =>
    request.get(`http://127.0.0.1:${port}/api/v1/users?limit=100`, {
      headers: { host: new URL(tenantUrl(slug)).host, authorization: `Bearer ${key}` },
    });
  const answer = await listUsers();
  expect(answer.status()).toBe(200);
  const { users } = (await answer.json()) as { users: { email: string; role: string }[] };
  expect(users).toContainEqual(expect.objectContaining({ email: admin.email, role: "admin" }));

  // Back on the list the key is not shown again; it is active and was just used.
  await page.getByRole("link", { name: "Ik heb de sleutel bewaard" }).click();
  const row = page.getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText("Actief");
  await expect(row).toContainText("Laatst gebruikt op");
  await expect(row).toContainText("Gemaakt door Sam Sleutelbeheer");
  await expect(page.locator("body")).not.toContainText(key.split(".")[1]!);
  await screenshot(page, testInfo, "api-keys-list");

  await row.getByText("Intrekken", { exact: true }).click();
  await row.getByRole("button", { name: "Ja, sleutel intrekken" }).click();
  await expect(page.getByRole("status")).toHaveText("De sleutel is ingetrokken en werkt niet meer.");
  await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("Ingetrokken");
  expect((await listUsers()).status()).toBe(401);
});
