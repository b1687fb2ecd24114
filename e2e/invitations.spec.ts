import {
  adminOf,
  aMomentAgo,
  expect,
  openNavigation,
  openNewestMail,
  screenshot,
  signIn,
  submitLogin,
  test,
} from "./fixtures.ts";
import { tenantUrl } from "./hosts.ts";

test("an invitation mail's link lets the invitee choose a password and sign in; a reset mail replaces it", async ({
  page,
}, testInfo) => {
  const { slug, email: adminEmail } = adminOf[testInfo.project.name]!;
  const invitee = `uitgenodigd.${Date.now()}.${testInfo.project.name}@example.nl`;
  // A fresh person every run: reset mails are limited per address, and the outbox keeps old mail.
  test.setTimeout(90_000);
  const invitedAt = aMomentAgo();
  await signIn(page, slug, adminEmail);
  await openNavigation(page);
  await page.getByRole("link", { name: "Iemand uitnodigen" }).click();
  await page.getByLabel("E-mailadres").fill(invitee);
  await page.getByLabel("Naam").fill("Robin Nieuw");
  await screenshot(page, testInfo, "invite");
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status")).toHaveText(`De uitnodiging is verstuurd naar ${invitee}.`);

  // The admin sees the person as invited, with the invitation's actions.
  await page.goto(tenantUrl(slug, "/admin/users"));
  const row = page.getByRole("listitem").filter({ hasText: invitee });
  await expect(row).toContainText("Uitgenodigd");
  await expect(row.getByRole("button", { name: "Intrekken" })).toBeVisible();
  await screenshot(page, testInfo, "users");
  // The invitation is in the audit log.
  await page.goto(tenantUrl(slug, "/admin/audit?area=users"));
  await expect(page.getByRole("table")).toContainText("Uitnodiging verstuurd");
  await screenshot(page, testInfo, "audit");

  // The admin signs out; the invitee reads the mail in the local outbox.
  await page.context().clearCookies();
  await openNewestMail(page, slug, invitee, invitedAt);
  await page.getByRole("link", { name: /\/invitation\/inv_/ }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welkom bij");
  await expect(page.getByLabel("Je e-mailadres")).toHaveValue(invitee);
  await page.getByLabel("Nieuw wachtwoord").fill("Zonnige-ochtend-aan-zee-42");
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("Zonnige-ochtend-aan-zee-42");
  await screenshot(page, testInfo, "accept-invitation");
  await page.getByRole("button", { name: "Account openen" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
  await expect(page.locator(".navigation__user")).toContainText("Robin Nieuw");

  // Signed out, the password is forgotten: a reset mail lets the person choose a new one.
  await page.context().clearCookies();
  await page.goto(tenantUrl(slug, "/login"));
  const askedAt = aMomentAgo();
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  // The sign-in form has an e-mail field too: wait for the new page before typing.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wachtwoord vergeten");
  await page.getByLabel("E-mailadres").fill(invitee);
  await page.getByRole("button", { name: "Stuur me een link" }).click();
  await expect(page.getByRole("status")).toContainText("Als er een account is met dit e-mailadres");
  await openNewestMail(page, slug, invitee, askedAt);
  await page.getByRole("link", { name: /\/password-reset\/pwr_/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuw wachtwoord kiezen");
  await page.getByLabel("Nieuw wachtwoord").fill("Andere-lange-zin-voor-morgen-9");
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("Andere-lange-zin-voor-morgen-9");
  await screenshot(page, testInfo, "password-reset");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/login?reset=1"));
  await expect(page.getByRole("status")).toHaveText(
    "Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord.",
  );
  await submitLogin(page, invitee, "Andere-lange-zin-voor-morgen-9");
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
});
