import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { adminOf, expect, invitedPerson, openNavigation, screenshot, submitLogin, test } from "./fixtures.ts";
import { tenantUrl } from "./hosts.ts";

const password = "Heldere-nacht-vol-sterren-31";
const person = (email: string) => ({ email, name: "Kim Tweestaps", password });

/** The code an authenticator app shows now, or one 30-second step later (one step of drift is allowed). */
const codeFor = (key: string, stepsAhead = 0) =>
  generate({ secret: key.replace(/\s/g, ""), epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

async function signOut(page: Page) {
  // A page still settling after a sign-in can draw the phone menu closed again: open and click
  // until the click lands.
  await expect(async () => {
    await openNavigation(page);
    await page.getByRole("navigation").getByRole("button", { name: "Uitloggen" }).click({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/login$/);
}

// The wrong first code is answered with 400, on purpose.
test.use({ expectedStatuses: [400, 404] });

test("an invited person sets a password, turns on two-step verification and signs in with a code", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const { slug, email: adminEmail } = adminOf[testInfo.project.name]!;
  const invitee = `tweestaps.${Date.now()}.${testInfo.project.name}@example.nl`;

  await invitedPerson(page, slug, adminEmail, person(invitee));

  // Signed out and in again with the new password.
  await signOut(page);
  await submitLogin(page, invitee, password);
  await expect(page).toHaveURL(tenantUrl(slug, "/"));

  // The account page leads to setting up the authenticator app, after the password again.
  await page.goto(tenantUrl(slug, "/account"));
  await expect(page.getByText("Uit: alleen je wachtwoord beschermt je account.")).toBeVisible();
  await page.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
  await page.getByLabel("Bevestig met je wachtwoord").fill(password);
  await page.getByRole("button", { name: "Tweestapsverificatie instellen" }).click();
  await expect(
    page.getByRole("img", { name: "QR-code om te scannen met je authenticator-app" }),
  ).toBeVisible();
  const key = (await page.getByTestId("totp-key").textContent())!.trim();
  expect(key).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  await screenshot(page, testInfo, "enrol");

  // A wrong code is refused at the field; the right one turns it on and shows the recovery codes once.
  await page.getByLabel("Code uit de app").fill("000000");
  await page.getByRole("button", { name: "Koppelen" }).click();
  await expect(page.getByText("Deze code klopt niet.", { exact: false })).toBeVisible();
  await page.getByLabel("Code uit de app").fill(await codeFor(key));
  await page.getByRole("button", { name: "Koppelen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tweestapsverificatie staat aan");
  const recoveryCodes = await page.getByTestId("recovery-codes").locator("code").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await screenshot(page, testInfo, "recovery-codes");
  await page.getByRole("link", { name: "Ik heb de codes bewaard" }).click();
  await expect(page.getByText("Aan: bij het inloggen vragen we een code uit je app.")).toBeVisible();

  // Next sign-in: the password alone is not enough.
  await signOut(page);
  await submitLogin(page, invitee, password);
  await expect(page).toHaveURL(/\/login\/two-step/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tweestapsverificatie");
  await screenshot(page, testInfo, "second-step");
  // The code just used to set it up does not count again; the next one does.
  await page.getByLabel("Code", { exact: true }).fill(await codeFor(key, 1));
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
  await expect(page.locator(".navigation__user")).toContainText("Kim Tweestaps");

  // Phone lost: a recovery code signs in once.
  await signOut(page);
  await submitLogin(page, invitee, password);
  await page.getByLabel("Code", { exact: true }).fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
  await page.goto(tenantUrl(slug, "/account/two-step"));
  await expect(page.getByText("Je hebt nog 9 ongebruikte herstelcodes.")).toBeVisible();
});

test("a passkey made in Chromium's virtual authenticator signs in without e-mail or password", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const { slug, email: adminEmail } = adminOf[testInfo.project.name]!;
  const invitee = `passkey.${Date.now()}.${testInfo.project.name}@example.nl`;
  // A platform authenticator with a PIN or fingerprint that always says yes, as DevTools offers it.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("WebAuthn.enable");
  const { authenticatorId } = await devtools.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await invitedPerson(page, slug, adminEmail, person(invitee));

  await page.goto(tenantUrl(slug, "/account"));
  await page.getByRole("link", { name: "Passkeys beheren" }).click();
  await expect(page.getByText("Je hebt nog geen passkeys.")).toBeVisible();
  await page.getByLabel("Naam van de passkey").fill("Laptop thuis");
  await page.getByLabel("Bevestig met je wachtwoord").fill(password);
  await page.getByRole("button", { name: "Passkey toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Je passkey is toegevoegd. Je andere sessies zijn beëindigd.",
  );
  await expect(page.getByRole("listitem").filter({ hasText: "Laptop thuis" })).toBeVisible();
  const { credentials } = await devtools.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.isResidentCredential).toBe(true);
  expect(credentials[0]!.rpId).toBe(new URL(tenantUrl(slug)).hostname);
  await screenshot(page, testInfo, "passkeys");

  await signOut(page);
  await page.getByRole("button", { name: "Inloggen met een passkey" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
  await expect(page.locator(".navigation__user")).toContainText("Kim Tweestaps");
  await page.goto(tenantUrl(slug, "/account/passkeys"));
  await expect(page.getByRole("listitem").filter({ hasText: "Laptop thuis" })).toContainText(
    "Laatst gebruikt op",
  );
});
