import { expect, openNavigation, screenshot, signIn, test } from "./fixtures.ts";
import { tenantUrl } from "./hosts.ts";

test.describe("client organisations", () => {
  // A mistyped address comes back as a refused form (400).
  test.use({ expectedStatuses: [400, 404] });

  test("someone working for two care homes chooses one after signing in and switches from the menu", async ({
    page,
  }, testInfo) => {
    await signIn(page, "zorgpartner", "kevin.peters@dehoven.nl", { landsOn: "/organisation/choose" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kies een organisatie");
    await screenshot(page, testInfo, "organisation-choose");
    await page.getByRole("button", { name: "Werk namens Woonzorg Het Baken" }).click();
    await expect(page).toHaveURL(tenantUrl("zorgpartner", "/"));
    await expect(page.locator(".navigation__user")).toContainText("Namens Woonzorg Het Baken");

    await openNavigation(page);
    await page.getByRole("link", { name: "Andere organisatie kiezen" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Woonzorg Het Baken" })).toContainText(
      "Nu gekozen",
    );
    await page.getByRole("button", { name: "Werk namens Zorgcentrum De Hoven" }).click();
    await expect(page.locator(".navigation__user")).toContainText("Namens Zorgcentrum De Hoven");

    // At De Hoven Kevin is a member: he sees his colleagues, and cannot invite or change them.
    await page.goto(tenantUrl("zorgpartner", "/organisation"));
    await expect(page.getByRole("listitem").filter({ hasText: "Linda Brouwer" })).toContainText("Beheerder");
    await expect(page.getByRole("link", { name: "Collega uitnodigen" })).toHaveCount(0);
  });

  test("the organisation's admin invites a colleague with a role", async ({ page }, testInfo) => {
    await signIn(page, "zorgpartner", "linda.brouwer@dehoven.nl");
    await page.goto(tenantUrl("zorgpartner", "/organisation"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zorgcentrum De Hoven");
    await page.getByRole("link", { name: "Collega uitnodigen" }).click();

    // A mistyped address is refused at its field; what was typed stays.
    await page.getByLabel("E-mailadres").fill("geen-adres");
    await page.getByLabel("Naam").fill("Iris Collega");
    await page.getByLabel("Rol binnen de organisatie").selectOption({ label: "Medewerker+" });
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(page.locator("#email-error")).toHaveText(
      "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
    );
    await expect(page.getByLabel("Naam")).toHaveValue("Iris Collega");
    await expect(page.getByLabel("Rol binnen de organisatie")).toHaveValue("member-plus");

    const email = `iris-${testInfo.project.name}-${Date.now()}@dehoven.nl`;
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await expect(page.getByRole("status")).toHaveText("De uitnodiging is verstuurd.");
    const row = page.getByRole("listitem").filter({ hasText: email });
    await expect(row).toContainText("Medewerker+");
    await expect(row).toContainText("Uitgenodigd");
    await screenshot(page, testInfo, "organisation-colleagues");
  });

  test("a client sees who opened their data", async ({ page, browser }, testInfo) => {
    // The admin looks at Linda's care team and saves it as it is: a change of her data by someone else.
    const admin = await browser.newPage();
    await signIn(admin, "zorgpartner", "bas.willems@zorgpartnerflex.nl");
    await admin.goto(tenantUrl("zorgpartner", "/admin/users"));
    await admin
      .getByRole("listitem")
      .filter({ hasText: "linda.brouwer@dehoven.nl" })
      .getByRole("link", { name: "Zorgmanagers kiezen" })
      .click();
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Zorgmanagers van Linda Brouwer");
    await admin.getByRole("button", { name: "Opslaan" }).click();
    await expect(admin.getByRole("status")).toHaveText("De zorgmanagers zijn opgeslagen.");
    await admin.close();

    await signIn(page, "zorgpartner", "linda.brouwer@dehoven.nl");
    await page.goto(tenantUrl("zorgpartner", "/account"));
    await page.getByRole("link", { name: "Bekijk wie je dossier heeft geopend" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wie je dossier heeft geopend");
    const newest = page.locator("#main").getByRole("listitem").first();
    await expect(newest).toContainText("Bas Willems");
    await expect(newest).toContainText("Heeft je account beheerd");
    await screenshot(page, testInfo, "dossier-access");
  });
});
