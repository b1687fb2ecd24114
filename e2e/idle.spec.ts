import { expect, screenshot, signIn, test } from "./fixtures.ts";
import { tenantUrl } from "./hosts.ts";

// Each project at its own tenant, as its client: both tenants sign out after 30 idle minutes.
const slugOf: Record<string, string> = { desktop: "coaching", phone: "ggz" };

test("warns before the inactivity timeout, stays signed in on request, and puts typed text back", async ({
  page,
}, testInfo) => {
  const slug = slugOf[testInfo.project.name]!;
  // The browser's clock runs on command; the server's session lives in real time.
  await page.clock.install();
  await signIn(page, slug);
  await page.goto(tenantUrl(slug, "/account/notifications"));
  const phone = page.getByLabel("Mobiel nummer voor sms");
  const typed = `06 ${String(Date.now()).slice(-8)}`;
  await phone.fill(typed);

  // Two minutes before the timeout: a warning, with the way to stay focused.
  await page.clock.fastForward("28:05");
  const warning = page.getByRole("alertdialog");
  await expect(warning).toContainText("Over 2 minuten word je automatisch uitgelogd.");
  const stay = warning.getByRole("button", { name: "Ingelogd blijven" });
  await expect(stay).toBeFocused();
  await screenshot(page, testInfo, "idle-warning");
  await stay.click();
  await expect(warning).toHaveCount(0);

  // Nothing done for the whole timeout: the browser goes to the sign-in page with the typed text
  // kept in this tab. Here the server's session is still alive, so the sign-in page sends the
  // person straight back, and the text is put back.
  await page.clock.fastForward("30:05");
  await expect(page).toHaveURL(tenantUrl(slug, "/account/notifications"));
  await expect(
    page.getByRole("status").filter({ hasText: "De tekst die je aan het typen was" }),
  ).toBeVisible();
  await expect(phone).toHaveValue(typed);
});
