import { demoOperator } from "../db/kernel/seed/demo-tenants.ts";
import { aMomentAgo, expect, openNewestMail, screenshot, submitLogin, test } from "./fixtures.ts";
import { demoPassword, tenantUrl } from "./hosts.ts";

/** The operator console is the operator tenant's, at beheer.<platform domain>. */
const consoleUrl = (path: string) => tenantUrl("beheer", path);

test.use({ expectedStatuses: [400, 404] });

test("the operator creates a tenant: refused input is shown at its field, the tenant is listed, answers on its host and its first admin is invited", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  // A fresh tenant every run (and per project), so the test can run again on the same state.
  const slug = `e2e-${Date.now().toString(36)}-${testInfo.project.name}`;
  const adminEmail = `beheerder@${slug}.example`;

  await page.goto(consoleUrl("/login"));
  await submitLogin(page, demoOperator.email, demoPassword);
  await expect(page).toHaveURL(consoleUrl("/platform/tenants"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Omgevingen");
  await expect(page.getByRole("listitem").filter({ hasText: "Koers Coaching" })).toContainText("Begeleiding");
  await screenshot(page, testInfo, "operator-tenants");

  await page.getByRole("link", { name: "Nieuwe omgeving" }).click();
  await page.getByLabel("Naam van de organisatie").fill("Praktijk Test");
  await page.getByLabel("Slug", { exact: true }).fill("beheer");
  await page.getByLabel("Eigen domeinen (niet verplicht)").fill("mijn.koerscoaching.nl");
  await page.getByLabel("Abonnement").selectOption({ label: "Zakelijk" });
  await page.getByLabel("Naam", { exact: true }).fill("Fenna Eerste");
  await page.getByLabel("E-mailadres", { exact: true }).fill(adminEmail);
  await page.getByRole("button", { name: "Omgeving aanmaken" }).click();

  // Refused: each message at its field, the typed values kept.
  await expect(page.getByRole("alert")).toContainText("Controleer het formulier");
  await expect(page.locator("#slug-error")).toHaveText(
    "Deze slug is gereserveerd voor Portaal zelf. Kies een andere.",
  );
  await expect(page.locator("#hostnames-error")).toHaveText(
    "Al in gebruik bij een omgeving: mijn.koerscoaching.nl.",
  );
  await expect(page.getByLabel("Naam van de organisatie")).toHaveValue("Praktijk Test");
  await expect(page.getByLabel("E-mailadres", { exact: true })).toHaveValue(adminEmail);
  await screenshot(page, testInfo, "operator-create-refused");

  await page.getByLabel("Slug", { exact: true }).fill(slug);
  await page.getByLabel("Eigen domeinen (niet verplicht)").fill("");
  const invitedAt = aMomentAgo();
  await page.getByRole("button", { name: "Omgeving aanmaken" }).click();
  await expect(page).toHaveURL(consoleUrl(`/platform/tenants/${slug}?done=created`));
  await expect(page.getByRole("status")).toContainText("De omgeving is aangemaakt");
  await screenshot(page, testInfo, "operator-tenant");

  await page.getByRole("link", { name: "Alle omgevingen" }).click();
  const listed = page.getByRole("listitem").filter({ hasText: slug });
  await expect(listed).toContainText("Praktijk Test");
  await expect(listed).toContainText("Zakelijk");
  await expect(listed).toContainText("Actief");

  // The new tenant's own host shows its sign-in page.
  await page.goto(tenantUrl(slug, "/login"));
  await expect(page).toHaveTitle("Praktijk Test");
  await expect(page.getByRole("button", { name: "Inloggen", exact: true })).toBeVisible();

  // Its first admin's invitation is in the tenant's local outbox, with a link to its host.
  await openNewestMail(page, slug, adminEmail, invitedAt);
  const link = page.getByRole("link", { name: /\/invitation\/inv_/ });
  await expect(link).toHaveAttribute("href", new RegExp(`^${tenantUrl(slug, "/invitation/inv_")}`));
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Praktijk Test");
  await expect(page.getByLabel("Je e-mailadres")).toHaveValue(adminEmail);
});
