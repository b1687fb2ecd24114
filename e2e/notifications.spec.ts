import type { Browser } from "@playwright/test";
import { expect, screenshot, signIn, test } from "./fixtures.ts";
import { tenantUrl } from "./hosts.ts";

/** The same account signs in from a browser it never used: a new device. */
async function signInElsewhere(browser: Browser, email: string): Promise<void> {
  const elsewhere = await browser.newContext({ userAgent: `Portaal e2e ${Date.now()}-${Math.random()}` });
  await signIn(await elsewhere.newPage(), "coaching", email);
  await elsewhere.close();
}

// One account per project: the projects run side by side and a sign-in of one would be the
// other's "new device".
const accountOf: Record<string, string> = {
  desktop: "jeroen.bakker@koerscoaching.nl",
  phone: "fatima.elamrani@example.com",
};

test("a sign-in from a new device lands in the outbox, and the mail's link opens the right page", async ({
  page,
  browser,
}, testInfo) => {
  const email = accountOf[testInfo.project.name]!;
  await signIn(page, "coaching", email);
  await signInElsewhere(browser, email);

  await page.goto(tenantUrl("coaching", "/dev/outbox"));
  const mail = page
    .getByRole("listitem")
    .filter({ hasText: `mail to ${email}` })
    .first();
  // The queue delivers within seconds; the outbox shows it once it has.
  await expect(async () => {
    await page.reload();
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await mail.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    email.endsWith(".nl")
      ? "Er is op een nieuw apparaat op je account ingelogd"
      : "Someone signed in to your account on a new device",
  );
  await expect(page.locator("pre.plain-text")).toContainText(
    email.endsWith(".nl") ? "inhoud niet in deze e-mail" : "content is not in this e-mail",
  );
  await screenshot(page, testInfo, "outbox-mail");

  await page.getByRole("link", { name: tenantUrl("coaching", "/account"), exact: true }).click();
  await expect(page).toHaveURL(tenantUrl("coaching", "/account"));
  // The page speaks the language the person saved, as the mail does.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    email.endsWith(".nl") ? "Accountbeveiliging" : "Account security",
  );
});

test("the bell counts unread notifications and the list opens them", async ({ page, browser }, testInfo) => {
  const email =
    testInfo.project.name === "desktop" ? "anouk.devries@koerscoaching.nl" : "daan.mulder@example.nl";
  await signIn(page, "coaching", email);
  await signInElsewhere(browser, email);
  await page.goto(tenantUrl("coaching", "/"));
  const bell = page.getByRole("link", { name: /^Meldingen, \d+ ongelezen$/ });
  await expect(bell).toBeVisible();
  await screenshot(page, testInfo, "bell");
  await bell.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meldingen");
  await screenshot(page, testInfo, "notifications");
  await page
    .getByRole("button", { name: /Er is op een nieuw apparaat op je account ingelogd/ })
    .first()
    .click();
  await expect(page).toHaveURL(tenantUrl("coaching", "/account"));
});

test.describe("notification settings", () => {
  // The refused mobile number answers 400.
  test.use({ expectedStatuses: [400, 404] });

  test("keep a choice, and refuse a wrong mobile number at its field", async ({ page }, testInfo) => {
    const email =
      testInfo.project.name === "desktop" ? "sanne.visser@example.nl" : "marieke.jansen@koerscoaching.nl";
    await signIn(page, "coaching", email);
    await page.goto(tenantUrl("coaching", "/account/notifications"));
    const documents = page.getByRole("checkbox", { name: "Nieuwe documenten: E-mail" });
    await documents.setChecked(false);
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("Je keuzes zijn opgeslagen.");
    await expect(documents).not.toBeChecked();
    await screenshot(page, testInfo, "notification-settings");
    await documents.setChecked(true);
    // The second save must finish (post and reload) before the next form is sent, or the browser
    // drops the first request midway.
    const saved = page.waitForResponse(
      (response) =>
        response.request().method() === "POST" && response.url().includes("/account/notifications"),
    );
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await saved;
    await page.waitForLoadState("networkidle");
    await expect(documents).toBeChecked();

    // A mobile number that is none is refused at its field, and what was typed stays.
    const phone = page.getByLabel("Mobiel nummer voor sms");
    await phone.fill("12ab");
    await page.getByRole("button", { name: "Nummer opslaan" }).click();
    await expect(page.locator("#phone-error")).toHaveText(
      "Dit is geen geldig mobiel nummer. Typ bijvoorbeeld 06 12345678.",
    );
    await expect(phone).toHaveValue("12ab");
    await expect(phone).toHaveAttribute("aria-invalid", "true");
    await screenshot(page, testInfo, "notification-settings-phone");
  });
});
