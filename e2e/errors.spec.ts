import { cssRgb, demoTenant, demoTenants, platformUrl, port, tenantUrl } from "./hosts.ts";
import { expect, openNavigation, screenshot, signIn, test } from "./fixtures.ts";

test("an unknown host answers a neutral 404 that names no tenant", async ({ page }, testInfo) => {
  for (const path of ["/", "/messages"]) {
    const response = await page.goto(`http://nope.localhost:${port}${path}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze omgeving bestaat niet");
    await expect(page.getByRole("banner")).toHaveCount(0);
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.getByRole("link")).toHaveCount(0);
    const html = await page.content();
    for (const tenant of demoTenants) expect(html).not.toContain(tenant.name);
  }
  await screenshot(page, testInfo, "unknown-host");
});

for (const slug of ["coaching", "ggz"]) {
  test(`${slug}: an unknown path is a branded, translated 404`, async ({ page }, testInfo) => {
    const tenant = demoTenant(slug);
    await signIn(page, slug);
    const response = await page.goto(tenantUrl(slug, "/bestaat-niet"));
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle(tenant.name);
    const brandBar = page.getByRole("banner");
    await expect(brandBar).toContainText(tenant.name);
    await expect(brandBar).toHaveCSS("background-color", cssRgb(tenant.settings.primaryColour!));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
    await expect(page.getByRole("main")).toContainText("Deze pagina bestaat niet (meer)");
    await screenshot(page, testInfo, `${slug}-404`);

    // Signed in, the 404 keeps the whole shell: the menu, the person, the way out.
    await openNavigation(page);
    const navigation = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(navigation.getByRole("link", { name: "Mijn dossier" })).toBeVisible();
    await expect(navigation.getByRole("button", { name: "Uitloggen" })).toBeVisible();

    await page.getByRole("link", { name: "Naar de startpagina" }).click();
    await expect(page).toHaveURL(tenantUrl(slug));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom bij ${tenant.name}`);
  });

  test(`${slug}: signed out, an unknown path is a 404 too, without the menu`, async ({ page }) => {
    const tenant = demoTenant(slug);
    // Only pages behind the sign-in send a visitor to /login; a path no route claims stays a 404
    // (web/kernel/routes/$.tsx), in the tenant's shell, which the root loader gives without a sign-in.
    const response = await page.goto(tenantUrl(slug, "/bestaat-niet"));
    expect(response?.status()).toBe(404);
    expect(response?.request().redirectedFrom()).toBeNull();
    await expect(page).toHaveURL(tenantUrl(slug, "/bestaat-niet"));
    await expect(page).toHaveTitle(tenant.name);
    const brandBar = page.getByRole("banner");
    await expect(brandBar).toContainText(tenant.name);
    await expect(brandBar).toHaveCSS("background-color", cssRgb(tenant.settings.primaryColour!));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
    await expect(page.getByRole("main")).toContainText("Deze pagina bestaat niet (meer)");
    await expect(page.getByRole("navigation").getByRole("link")).toHaveCount(0);
    await expect(page.locator(".brand-bar__menu")).toHaveCount(0);
    await expect(page.getByText("Ingelogd als")).toHaveCount(0);

    // The way back leads to the start page, which asks for a sign-in first.
    await page.getByRole("link", { name: "Naar de startpagina" }).click();
    await expect(page).toHaveURL(tenantUrl(slug, "/login"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen");
  });
}

test("the bare platform host shows Portaal's own page", async ({ page }, testInfo) => {
  const response = await page.goto(platformUrl());
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("Portaal");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Portaal: één veilige plek voor cliënten en hun coaches",
  );
  await expect(page.getByRole("listitem")).toHaveCount(4);
  await expect(page.getByRole("banner")).toHaveCount(0);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "index");
  const html = await page.content();
  for (const tenant of demoTenants) expect(html).not.toContain(tenant.name);
  await screenshot(page, testInfo, "platform");
});
