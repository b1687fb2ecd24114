import { cssRgb, demoTenants, tenantUrl } from "./hosts.ts";
import { clientOf, displayNameOf, expect, openNavigation, screenshot, signIn, test } from "./fixtures.ts";

type Expected = {
  /** The navigation in Dutch, in order: the plan's features, the tenant's toggles, its own words. */
  navigation: string[];
  /** Words that only this tenant's terminology produces, somewhere on the home page. */
  ownWords: string[];
  lead: string;
  crisisNotice: boolean;
};

const expected: Record<string, Expected> = {
  coaching: {
    navigation: ["Mijn dossier", "Berichten", "Uploads en downloads", "Opdrachten", "Doelen", "Afspraken"],
    ownWords: ["Bekijk je opdrachten en lever ze in."],
    lead: "Fijn dat je er bent. Hier werk je samen met je coach aan je opdrachten en doelen.",
    crisisNotice: false,
  },
  ggz: {
    navigation: [
      "Mijn dossier",
      "Berichten",
      "Uploads en downloads",
      "Huiswerkopdrachten",
      "Doelen",
      "Afspraken",
    ],
    ownWords: ["Schrijf je behandelaar en lees de antwoorden terug.", "Bekijk je huiswerkopdrachten"],
    lead: "Alles wat je met je behandelaar deelt, op één veilige plek.",
    crisisNotice: true,
  },
  thuiszorg: {
    navigation: ["Mijn dossier", "Uploads en downloads"],
    ownWords: ["Wissel bestanden en links uit met je zorgverlener."],
    lead: "Welkom in uw klantportaal. Hier ziet u wanneer wij bij u langskomen en kunt u ons een bericht sturen.",
    crisisNotice: false,
  },
  zorgpartner: {
    navigation: ["Mijn dossier", "Berichten", "Uploads en downloads", "Organisatie"],
    ownWords: ["Schrijf je zorgmanager en lees de antwoorden terug."],
    lead: "Alles wat je met je zorgmanager deelt, op één veilige plek.",
    crisisNotice: false,
  },
  support: {
    navigation: ["Mijn dossier", "Uploads en downloads", "Praktijk"],
    ownWords: ["Gegevens en collega's van je praktijk."],
    lead: "Alles wat je met je supportmedewerker deelt, op één veilige plek.",
    crisisNotice: false,
  },
};

test("every demo tenant has an expectation here", () => {
  expect(Object.keys(expected).sort()).toEqual(demoTenants.map((tenant) => tenant.slug).sort());
});

for (const tenant of demoTenants) {
  test(`${tenant.slug}: the sign-in page carries its name and colours, and nothing more`, async ({
    page,
  }, testInfo) => {
    const own = expected[tenant.slug]!;
    const response = await page.goto(tenantUrl(tenant.slug, "/login"));
    expect(response?.status()).toBe(200);

    await expect(page).toHaveTitle(tenant.name);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    const brandBar = page.getByRole("banner");
    await expect(brandBar).toContainText(tenant.name);
    await expect(brandBar).toHaveCSS("background-color", cssRgb(tenant.settings.primaryColour!));
    const logo = brandBar.getByRole("img", { name: `Logo van ${tenant.name}` });
    await expect(logo).toBeVisible();
    await expect
      .poll(() => logo.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBeGreaterThan(0);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen");
    await expect(page.getByRole("main")).toContainText(
      `Log in bij ${tenant.name} met je e-mailadres en wachtwoord.`,
    );
    await expect(page.getByLabel("E-mailadres")).toHaveAttribute("autocomplete", "username");
    await expect(page.getByLabel("Wachtwoord")).toHaveAttribute("type", "password");
    await expect(page.getByRole("button", { name: "Inloggen", exact: true })).toBeVisible();
    await expect(page.getByRole("contentinfo")).toHaveText(`Een veilige omgeving van ${tenant.name}`);

    // Nothing of what lies behind the sign-in: no menu items, no menu button, no tiles, no name.
    await expect(page.getByRole("navigation").getByRole("link")).toHaveCount(0);
    await expect(page.locator(".brand-bar__menu")).toHaveCount(0);
    await expect(page.locator(".tile")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Uitloggen" })).toHaveCount(0);
    // The language switch is on the page (whether a phone can reach it: auth.spec.ts).
    await expect(page.getByRole("form", { name: "Taal wijzigen", includeHidden: true })).toBeAttached();

    // Whoever is in a crisis needs the number before signing in, not after.
    const crisis = page.getByRole("complementary", { name: "Direct hulp nodig?" });
    if (own.crisisNotice) await expect(crisis).toContainText("Bel direct 113");
    else await expect(crisis).toHaveCount(0);

    const html = await page.content();
    for (const other of demoTenants.filter((candidate) => candidate !== tenant)) {
      expect(html, `${other.name} on the sign-in page of ${tenant.name}`).not.toContain(other.name);
    }
    await screenshot(page, testInfo, `${tenant.slug}-login`);
  });

  test(`${tenant.slug}: its own name, colours, words and notices`, async ({ page }, testInfo) => {
    const own = expected[tenant.slug]!;
    await signIn(page, tenant.slug);
    // A fresh load, so the checks below see the page as the server renders it for a signed-in client.
    const response = await page.goto(tenantUrl(tenant.slug));
    expect(response?.status()).toBe(200);
    expect(response?.request().redirectedFrom(), "a signed-in client stays on the home").toBeNull();

    await expect(page).toHaveTitle(tenant.name);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    const brandBar = page.getByRole("banner");
    await expect(brandBar).toContainText(tenant.name);
    await expect(brandBar).toHaveCSS("background-color", cssRgb(tenant.settings.primaryColour!));
    await expect(page.locator(".tile").first()).toHaveCSS(
      "border-left-color",
      cssRgb(tenant.settings.accentColour!),
    );
    const logo = brandBar.getByRole("img", { name: `Logo van ${tenant.name}` });
    await expect(logo).toBeVisible();
    await expect
      .poll(() => logo.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBeGreaterThan(0);

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom bij ${tenant.name}`);
    await expect(page.locator(".lead")).toHaveText(own.lead);
    await expect(page.locator(".tile__title")).toHaveText(own.navigation.slice(1));
    for (const words of own.ownWords) await expect(page.getByRole("main")).toContainText(words);
    await expect(page.getByRole("contentinfo")).toHaveText(`Een veilige omgeving van ${tenant.name}`);

    const crisis = page.getByRole("complementary", { name: "Direct hulp nodig?" });
    if (own.crisisNotice) {
      await expect(crisis).toBeVisible();
      await expect(crisis).toContainText("Bel direct 113");
      await expect(crisis).toContainText("112");
    } else {
      await expect(crisis).toHaveCount(0);
      await expect(page.getByText("113")).toHaveCount(0);
    }

    // One Worker serves them all: nothing of another tenant may leak into this page, the data
    // handed to the browser for hydration included.
    const html = await page.content();
    for (const other of demoTenants.filter((candidate) => candidate !== tenant)) {
      expect(html, `${other.name} on the page of ${tenant.name}`).not.toContain(other.name);
    }

    // The home as it first appears, the phone menu still closed.
    await screenshot(page, testInfo, tenant.slug);

    await openNavigation(page);
    const navigation = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(navigation.getByRole("link")).toHaveText([
      ...own.navigation,
      "Accountbeveiliging",
      "Meldingen instellen",
    ]);
    await expect(navigation).toContainText(
      `Ingelogd als ${displayNameOf(tenant.slug, clientOf[tenant.slug]!)}`,
    );
    await expect(navigation.getByRole("button", { name: "Uitloggen" })).toBeVisible();
    await expect(navigation.getByRole("link", { name: "Mijn dossier" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });
}
