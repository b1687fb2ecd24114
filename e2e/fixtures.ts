import path from "node:path";
import { expect, test as base, type Page, type TestInfo } from "@playwright/test";

/**
 * Every test fails on an uncaught script error or a console error, so a hydration mismatch or a
 * resource the Content-Security-Policy blocks cannot pass unnoticed. Expected are only the
 * browser's notes that a page answered 404: the document itself, or the data Remix fetches for it
 * on a client-side navigation; and Chromium's own guess at /favicon.ico, which it makes whenever
 * a document is, however briefly, without an icon link.
 */
export const test = base.extend<{ browserErrors: string[] }>({
  browserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        if (!isPageNotFound(message.text(), message.location().url, page.url()))
          errors.push(`console: ${message.text()} (${message.location().url})`);
      });
      await use(errors);
      expect(errors, "errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Opens the phone menu; on a wide screen the navigation is always shown. The button works once
 * React has hydrated, so an early click that changed nothing is repeated.
 */
export async function openNavigation(page: Page): Promise<void> {
  const button = page.locator(".brand-bar__menu");
  if (!(await button.isVisible())) return;
  await expect(async () => {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }, "the menu button does nothing: did the page's JavaScript run (hydrate)?").toPass({ timeout: 10_000 });
}

function isPageNotFound(text: string, resource: string, pageUrl: string): boolean {
  if (!text.startsWith("Failed to load resource") || !text.includes("404")) return false;
  return (
    resource === pageUrl ||
    /\.data(\?|$)/.test(resource) ||
    new URL(pageUrl).origin + "/favicon.ico" === resource
  );
}

/** A full-page picture for looking over the layout by eye: e2e/screenshots/<project>-<name>.png. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(testInfo.project.testDir, "screenshots", `${testInfo.project.name}-${name}.png`),
    fullPage: true,
  });
}
