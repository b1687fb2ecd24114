import { expect, openNavigation, screenshot, signIn, submitLogin, test } from "./fixtures.ts";
import { tenantUrl } from "./hosts.ts";

// Each project invites at its own tenant, as that tenant's admin.
const adminOf: Record<string, { slug: string; email: string }> = {
  desktop: { slug: "coaching", email: "marieke.jansen@koerscoaching.nl" },
  phone: { slug: "ggz", email: "eva.smit@lichtpunt.nl" },
};

test("an invitation mail's link lets the invitee choose a password and sign in", async ({
  page,
}, testInfo) => {
  const { slug, email: adminEmail } = adminOf[testInfo.project.name]!;
  const invitee = `uitgenodigd.${Date.now()}.${testInfo.project.name}@example.nl`;
  await signIn(page, slug, adminEmail);
  await openNavigation(page);
  await page.getByRole("link", { name: "Iemand uitnodigen" }).click();
  await page.getByLabel("E-mailadres").fill(invitee);
  await page.getByLabel("Naam").fill("Robin Nieuw");
  await screenshot(page, testInfo, "invite");
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status")).toHaveText(`De uitnodiging is verstuurd naar ${invitee}.`);

  // The admin signs out; the invitee reads the mail in the local outbox.
  await page.context().clearCookies();
  await page.goto(tenantUrl(slug, "/dev/outbox"));
  const mail = page.getByRole("listitem").filter({ hasText: `mail to ${invitee}` });
  await expect(async () => {
    await page.reload();
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await mail.getByRole("link").click();
  await page.getByRole("link", { name: /\/invitation\/inv_/ }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welkom bij");
  await expect(page.getByLabel("Je e-mailadres")).toHaveValue(invitee);
  await page.getByLabel("Nieuw wachtwoord").fill("Zonnige-ochtend-aan-zee-42");
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("Zonnige-ochtend-aan-zee-42");
  await screenshot(page, testInfo, "accept-invitation");
  await page.getByRole("button", { name: "Account openen" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
  await expect(page.locator(".navigation__user")).toContainText("Robin Nieuw");

  // Signed out, the new password opens the account again.
  await page.context().clearCookies();
  await page.goto(tenantUrl(slug, "/login"));
  await submitLogin(page, invitee, "Zonnige-ochtend-aan-zee-42");
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
});
