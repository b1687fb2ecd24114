import { cssRgb, demoTenant, demoTenants, platformUrl, port, tenantUrl } from "./hosts.ts";
import { expect, screenshot, test } from "./fixtures.ts";

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
    const response = await page.goto(tenantUrl(slug, "/bestaat-niet"));
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle(tenant.name);
    const brandBar = page.getByRole("banner");
    await expect(brandBar).toContainText(tenant.name);
    await expect(brandBar).toHaveCSS("background-color", cssRgb(tenant.settings.primaryColour!));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
    await expect(page.getByRole("main")).toContainText("Deze pagina bestaat niet (meer)");
    await screenshot(page, testInfo, `${slug}-404`);

    await page.getByRole("link", { name: "Naar de startpagina" }).click();
    await expect(page).toHaveURL(tenantUrl(slug));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom bij ${tenant.name}`);
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
