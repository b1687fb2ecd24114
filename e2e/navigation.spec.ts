import { cssRgb, demoTenant, tenantUrl } from "./hosts.ts";
import { expect, openNavigation, screenshot, signIn, test } from "./fixtures.ts";

test.describe("phone", () => {
  test.skip(({ isMobile }) => !isMobile, "the menu button exists on narrow screens only");

  test("the menu button opens and closes the navigation", async ({ page }, testInfo) => {
    await signIn(page, "coaching");
    await page.goto(tenantUrl("coaching"));
    const button = page.getByRole("button", { name: "Menu", exact: true });
    const navigation = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toHaveAttribute("aria-controls", "main-navigation");
    await expect(navigation).toBeHidden();

    await openNavigation(page);
    const close = page.getByRole("button", { name: "Menu sluiten" });
    await expect(close).toHaveAttribute("aria-expanded", "true");
    await expect(navigation).toBeVisible();
    await expect(navigation).toHaveAttribute("id", "main-navigation");
    for (const link of await navigation.getByRole("link").all()) {
      await expect(link).toBeInViewport();
      const box = (await link.boundingBox())!;
      expect(box.height, "touch target height").toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, testInfo, "coaching-menu");

    await close.click();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(navigation).toBeHidden();

    // Following a link closes the menu again; the page changes without a reload, and the
    // tenant's colours must survive that.
    await openNavigation(page);
    await navigation.getByRole("link", { name: "Opdrachten" }).tap();
    await expect(page).toHaveURL(tenantUrl("coaching", "/assignments"));
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(navigation).toBeHidden();
    await expect(page.getByRole("banner")).toHaveCSS(
      "background-color",
      cssRgb(demoTenant("coaching").settings.primaryColour!),
    );
  });
});

test.describe("desktop", () => {
  test.skip(({ isMobile }) => isMobile, "the navigation column exists on wide screens only");

  test("the navigation is always shown as a column, without a menu button", async ({ page }) => {
    await signIn(page, "coaching");
    await page.goto(tenantUrl("coaching"));
    await expect(page.locator(".brand-bar__menu")).toBeHidden();
    const navigation = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(navigation).toBeVisible();
    const main = (await page.getByRole("main").boundingBox())!;
    const column = (await navigation.boundingBox())!;
    expect(column.x + column.width, "navigation left of the content").toBeLessThanOrEqual(main.x);
    await expect(navigation.getByRole("link", { name: "Opdrachten" })).toBeVisible();
    await expect(navigation.getByText("Ingelogd als Sanne Visser")).toBeVisible();
  });
});

test("Tab reaches the skip link first, which moves focus to the content", async ({ page }) => {
  await signIn(page, "ggz");
  // A fresh load, so focus starts at the top of the document, not at the sign-in button.
  await page.goto(tenantUrl("ggz"));
  const skipLink = page.getByRole("link", { name: "Direct naar de inhoud" });
  await expect(skipLink).not.toBeInViewport();

  await page.keyboard.press("Tab");
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();

  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await expect(page).toHaveURL(tenantUrl("ggz", "/#main"));

  // The next Tab continues inside the content, not back at the top of the page.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("link").first()).toBeFocused();
});
