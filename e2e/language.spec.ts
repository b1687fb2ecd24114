import type { Page } from "@playwright/test";
import { platformUrl, tenantUrl } from "./hosts.ts";
import { expect, openNavigation, screenshot, signIn, test } from "./fixtures.ts";

async function chooseLanguage(page: Page, name: "English" | "Nederlands"): Promise<void> {
  await openNavigation(page);
  await page.getByRole("form").getByRole("button", { name, exact: true }).click();
}

// Signed in, the switch saves the person's language, which every browser of theirs follows: each
// test switches back to Dutch, as the other tests expect the demo clients.
test("a tenant switches to English, keeps it across a reload and switches back", async ({
  page,
  context,
}, testInfo) => {
  await signIn(page, "coaching");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Koers Coaching");

  await chooseLanguage(page, "English");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Koers Coaching");
  await expect(page).toHaveURL(tenantUrl("coaching"));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // The language lives in a __Host- cookie: Secure, yet accepted on http://*.localhost, which
  // Chromium counts as a secure context.
  const cookies = await context.cookies(tenantUrl("coaching"));
  expect(cookies).toContainEqual(
    expect.objectContaining({
      name: "__Host-lang",
      value: "en",
      domain: "coaching.localhost",
      path: "/",
      secure: true,
      httpOnly: true,
      sameSite: "Lax",
    }),
  );

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Koers Coaching");
  await expect(page.locator(".lead")).toHaveText(
    "Good to see you. This is where you work with your coach on your assignments and goals.",
  );
  await expect(page.getByRole("heading", { level: 2, name: "What you can do here" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "My correspondence" })).toBeVisible();
  await expect(page.locator(".tile__title")).toContainText(["Assignments", "Goals", "Appointments"]);
  await expect(page.getByRole("contentinfo")).toHaveText("A secure space of Koers Coaching");
  await screenshot(page, testInfo, "coaching-en");

  await openNavigation(page);
  const navigation = page.getByRole("navigation", { name: "Main menu" });
  await expect(navigation.getByRole("link")).toHaveText([
    "My file",
    "Messages",
    "Uploads and downloads",
    "Assignments",
    "Goals",
    "Appointments",
    "Account security",
    "Notification settings",
  ]);
  await expect(navigation).toContainText("Signed in as Sanne Visser");
  await expect(navigation.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(navigation.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");

  // A cookie without Domain stays on its own host: the next tenant still speaks Dutch, and the
  // session cookie stays behind as well, so there the visitor is asked to sign in.
  await page.goto(tenantUrl("ggz"));
  await expect(page).toHaveURL(tenantUrl("ggz", "/login"));
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen");
  await expect(page.getByRole("main")).toContainText("Log in bij Praktijk Lichtpunt");

  await page.goto(tenantUrl("coaching"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Koers Coaching");
  await chooseLanguage(page, "Nederlands");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Koers Coaching");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  expect(await context.cookies(tenantUrl("coaching"))).toContainEqual(
    expect.objectContaining({ name: "__Host-lang", value: "nl" }),
  );
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Koers Coaching");
});

test("the switch returns to the page it was used on, the 404 included", async ({ page }) => {
  // Signed in, so a phone has the menu the switch lives in (signed out: auth.spec.ts).
  await signIn(page, "ggz");
  const response = await page.goto(tenantUrl("ggz", "/bestaat-niet"));
  expect(response?.status()).toBe(404);
  await chooseLanguage(page, "English");
  await expect(page).toHaveURL(tenantUrl("ggz", "/bestaat-niet"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("complementary", { name: "Need help right now?" })).toContainText(
    "Call 113 now",
  );
  await expect(page.getByRole("link", { name: "Go to the start page" })).toBeVisible();
  await chooseLanguage(page, "Nederlands");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
});

test("the platform page switches language too", async ({ page }) => {
  await page.goto(platformUrl());
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Portaal: one secure place for clients and their coaches",
  );
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Nederlands", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Portaal: één veilige plek voor cliënten en hun coaches",
  );
});
