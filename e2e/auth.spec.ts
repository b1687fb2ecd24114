import type { Browser, Cookie, Page } from "@playwright/test";
import { cssRgb, demoPassword, demoTenant, tenantUrl } from "./hosts.ts";
import {
  expect,
  openNavigation,
  screenshot,
  sessionCookieName,
  signIn,
  submitLogin,
  test,
  waitForHydration,
} from "./fixtures.ts";

/**
 * Signing in and out, and the password page. Failed guesses from new browsers count towards the
 * tenant's limits (10 per account, 100 per client address, worker/kernel/auth/attempt-limiter.ts)
 * and a throttled account refuses even the right password from a new browser, so the tests that
 * guess wrong use accounts no other test signs in with, spread over several tenants, and guess as
 * few times as they can.
 */

const coaching = demoTenant("coaching");

async function sessionCookieOf(page: Page, slug: string): Promise<Cookie> {
  const cookie = (await page.context().cookies(tenantUrl(slug))).find(
    (candidate) => candidate.name === sessionCookieName,
  );
  if (!cookie) throw new Error(`No session cookie at ${slug}`);
  return cookie;
}

/** Opens `path` of a tenant in a new browser context that holds only the given session cookie. */
async function visitWithCookie(browser: Browser, cookie: Cookie, slug: string, path = "/") {
  const context = await browser.newContext();
  try {
    await context.addCookies([
      {
        name: cookie.name,
        value: cookie.value,
        // Host-only like the original (a `__Host-` cookie may not name a Domain): no leading dot.
        domain: new URL(tenantUrl(slug)).hostname,
        path: "/",
        secure: true,
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);
    const page = await context.newPage();
    await page.goto(tenantUrl(slug, path));
    return { url: page.url(), heading: await page.getByRole("heading", { level: 1 }).textContent() };
  } finally {
    await context.close();
  }
}

test("a signed-out visitor to the home gets the branded sign-in page and, signed in, the home", async ({
  page,
  context,
}) => {
  const response = await page.goto(tenantUrl("coaching"));
  expect(response?.request().redirectedFrom()?.url()).toBe(tenantUrl("coaching"));
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(tenantUrl("coaching", "/login"));

  await expect(page).toHaveTitle(coaching.name);
  const brandBar = page.getByRole("banner");
  await expect(brandBar).toContainText(coaching.name);
  await expect(brandBar).toHaveCSS("background-color", cssRgb(coaching.settings.primaryColour!));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen");
  await expect(page.getByRole("navigation").getByRole("link")).toHaveCount(0);
  await expect(page.locator(".brand-bar__menu")).toHaveCount(0);

  await submitLogin(page, "sanne.visser@example.nl", demoPassword);
  await expect(page).toHaveURL(tenantUrl("coaching"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Koers Coaching");
  await openNavigation(page);
  const navigation = page.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(navigation.getByText("Ingelogd als Sanne Visser")).toBeVisible();
  await expect(navigation.getByRole("link", { name: "Accountbeveiliging" })).toHaveAttribute(
    "href",
    "/account",
  );
  await expect(navigation.getByRole("button", { name: "Uitloggen" })).toBeVisible();

  // Host-only (`__Host-`), out of reach of scripts, not sent along from other sites.
  expect(await context.cookies(tenantUrl("coaching"))).toContainEqual(
    expect.objectContaining({
      name: sessionCookieName,
      domain: "coaching.localhost",
      path: "/",
      secure: true,
      httpOnly: true,
      sameSite: "Lax",
    }),
  );

  // Signed in, the sign-in page is no longer needed: it leads home.
  await page.goto(tenantUrl("coaching", "/login"));
  await expect(page).toHaveURL(tenantUrl("coaching"));
});

test.describe("a refused sign-in", () => {
  test.use({ expectedStatuses: [400, 401, 404] });

  test("says what is missing at the field, and a wrong password at the top, in Dutch", async ({ page }) => {
    await page.goto(tenantUrl("coaching", "/login"));
    const email = page.getByLabel("E-mailadres");
    const password = page.getByLabel("Wachtwoord");

    // An empty form is answered before anything is checked, and costs no guess.
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription("Vul je e-mailadres in.");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription("Vul je wachtwoord in.");
    await expect(page.getByRole("alert")).toHaveCount(0);

    await submitLogin(page, "daan.mulder@example.nl", "niet-het-goede-wachtwoord");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Controleer het formulier");
    await expect(alert).toContainText("Deze combinatie van e-mailadres en wachtwoord klopt niet.");
    await expect(page).toHaveURL(tenantUrl("coaching", "/login"));
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    // At the top: above the form, not beside a field.
    const alertBox = (await alert.boundingBox())!;
    const emailBox = (await email.boundingBox())!;
    expect(alertBox.y + alertBox.height, "the message above the form").toBeLessThanOrEqual(emailBox.y);
    await expect(email).toHaveValue("daan.mulder@example.nl");
    await expect(email).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(".navigation__user")).toHaveCount(0);
    // (That the refused password is cleared: see the test below.)

    // An address nobody has gets the same answer: the form does not tell who has an account.
    await submitLogin(page, "niemand@example.nl", "niet-het-goede-wachtwoord");
    await expect(email).toHaveValue("niemand@example.nl");
    await expect(alert).toContainText("Deze combinatie van e-mailadres en wachtwoord klopt niet.");
  });

  test("does not leave the refused password in the field", async ({ page }) => {
    await page.goto(tenantUrl("zorgpartner", "/login"));
    await waitForHydration(page);
    // The client-side submit, not a full page post (which would pass).
    const sent = page.waitForResponse((response) => response.url().endsWith("/login.data"), {
      timeout: 5_000,
    });
    await submitLogin(page, "kevin.peters@dehoven.nl", "niet-het-goede-wachtwoord");
    expect((await sent).status()).toBe(401);
    await expect(page.getByRole("alert")).toContainText("klopt niet");
    await expect(page.getByLabel("E-mailadres")).toHaveValue("kevin.peters@dehoven.nl");
    await expect(page.getByLabel("Wachtwoord")).toHaveValue("");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, expectedStatuses: [401, 404] });

  test("the sign-in form works all the same, and a refused password is gone", async ({ page }) => {
    await page.goto(tenantUrl("ggz", "/login"));
    await submitLogin(page, "youssef.haddad@example.nl", "niet-het-goede-wachtwoord");
    await expect(page.getByRole("alert")).toContainText(
      "Deze combinatie van e-mailadres en wachtwoord klopt niet.",
    );
    await expect(page.getByLabel("E-mailadres")).toHaveValue("youssef.haddad@example.nl");
    await expect(page.getByLabel("Wachtwoord")).toHaveValue("");

    await page.getByLabel("Wachtwoord").fill(demoPassword);
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await expect(page).toHaveURL(tenantUrl("ggz"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Praktijk Lichtpunt");
    await expect(page.locator(".navigation__user")).toContainText("Ingelogd als Youssef Haddad");
  });
});

test("signing out returns to the sign-in page and ends the session on the server", async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, "coaching");
  const cookie = await sessionCookieOf(page, "coaching");

  // The check below is only worth something if the cookie alone does sign a browser in.
  expect(await visitWithCookie(browser, cookie, "coaching")).toEqual({
    url: tenantUrl("coaching"),
    heading: "Welkom bij Koers Coaching",
  });

  await openNavigation(page);
  await page.getByRole("navigation").getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(tenantUrl("coaching", "/login"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen");
  await expect(page.getByRole("navigation").getByRole("link")).toHaveCount(0);
  await expect(page.locator(".brand-bar__menu")).toHaveCount(0);
  await expect(page.locator(".navigation__user")).toHaveCount(0);
  expect((await context.cookies(tenantUrl("coaching"))).map((c) => c.name)).not.toContain(sessionCookieName);

  await page.goto(tenantUrl("coaching"));
  await expect(page).toHaveURL(tenantUrl("coaching", "/login"));

  // Whoever kept a copy of the cookie is signed out as well.
  expect(await visitWithCookie(browser, cookie, "coaching")).toEqual({
    url: tenantUrl("coaching", "/login"),
    heading: "Inloggen",
  });
});

test("a session of one tenant opens nothing at another tenant in the same cell", async ({
  page,
  browser,
}) => {
  // coaching and support share the database cell TENANT_DB_1 (db/kernel/seed/demo-tenants.ts).
  await signIn(page, "coaching");
  const cookie = await sessionCookieOf(page, "coaching");
  expect(await visitWithCookie(browser, cookie, "support")).toEqual({
    url: tenantUrl("support", "/login"),
    heading: "Inloggen",
  });
});

test("a returnTo that leads to another site is ignored", async ({ page }) => {
  await page.goto(tenantUrl("coaching", `/login?returnTo=${encodeURIComponent("//example.com/")}`));
  await submitLogin(page, "sanne.visser@example.nl", demoPassword);
  await expect(page).toHaveURL(tenantUrl("coaching"));
});

test("a signed-out visitor to a page behind the sign-in returns there after signing in", async ({
  page,
}, testInfo) => {
  await page.goto(tenantUrl("thuiszorg", "/account/password"));
  await expect(page).toHaveURL(tenantUrl("thuiszorg", "/login?returnTo=%2Faccount%2Fpassword"));
  await submitLogin(page, "gerda.hendriks@example.nl", demoPassword);
  await expect(page).toHaveURL(tenantUrl("thuiszorg", "/account/password"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wachtwoord wijzigen");
  await expect(page.getByText("tijdelijk wachtwoord")).toHaveCount(0);
  // Thuiszorg's own rules (seed 003), none met while the field is empty.
  await expect(page.locator(".password-rules li")).toContainText([
    "is minstens 8 tekens lang",
    "is hoogstens 128 tekens lang",
    "bevat een hoofdletter",
    "bevat een kleine letter",
    "bevat een cijfer",
    "bevat een speciaal teken",
    "bevat geen vraagteken (?)",
    "is geen veelgebruikt wachtwoord",
    "is niet je naam of e-mailadres",
  ]);
  for (const rule of await page.locator(".password-rules li").all()) {
    await expect(rule).toHaveText(/\(nog niet voldaan\)$/);
  }
  await screenshot(page, testInfo, "thuiszorg-password");
});

test("the sign-in page switches language and keeps where the visitor was heading", async ({ page }) => {
  await page.goto(tenantUrl("coaching", "/account/password"));
  const login = tenantUrl("coaching", "/login?returnTo=%2Faccount%2Fpassword");
  await expect(page).toHaveURL(login);
  const english = page.getByRole("button", { name: "English", exact: true });
  await expect(english, "the language switch on the sign-in page").toBeVisible();

  await english.click();
  await expect(page).toHaveURL(login);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.getByRole("main")).toContainText(
    "Sign in to Koers Coaching with your e-mail address and password.",
  );
  await expect(page.getByRole("button", { name: "English", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  await page.getByLabel("E-mail address").fill("sanne.visser@example.nl");
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(tenantUrl("coaching", "/account/password"));
  // Signed in, the pages speak the language Sanne saved (Dutch), whatever this browser chose before.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wachtwoord wijzigen");
  await openNavigation(page);
  await expect(page.getByRole("navigation").getByText("Ingelogd als Sanne Visser")).toBeVisible();

  // The switch saves her choice and returns to the page; back to Dutch, as the other tests expect her.
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page).toHaveURL(tenantUrl("coaching", "/account/password"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change password");
  await openNavigation(page);
  await page.getByRole("button", { name: "Nederlands", exact: true }).click();
  await expect(page).toHaveURL(tenantUrl("coaching", "/account/password"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wachtwoord wijzigen");
});

test.describe("a temporary password", () => {
  test.use({ expectedStatuses: [400, 404] });

  test("is replaced first: the rules tick off while typing, a weak one is refused, a good one saved", async ({
    page,
  }, testInfo) => {
    // This test changes henk's password on the shared e2e server. The server seeds afresh each time
    // it starts (scripts/start.ts), which gives henk his temporary (demo) password back, but within
    // one run the phone and desktop projects share it, so the test runs in the desktop project only.
    // A second run against a reused server (PW_REUSE) or a retry finds the password already
    // changed and fails at the sign-in; there is no reset short of restarting the server.
    test.skip(testInfo.project.name !== "desktop", "changes henk's password: desktop project only");
    const newPassword = "Zomer-Tuin-2027-Linde";
    await signIn(page, "thuiszorg", "henk.vermeulen@example.nl", { landsOn: "/account/password" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wachtwoord wijzigen");
    await expect(page.getByRole("main")).toContainText(
      "Je bent ingelogd met een tijdelijk wachtwoord. Kies nu je eigen wachtwoord.",
    );
    await screenshot(page, testInfo, "thuiszorg-password-temporary");

    // Nothing else opens before the password is replaced.
    await page.goto(tenantUrl("thuiszorg"));
    await expect(page).toHaveURL(tenantUrl("thuiszorg", "/account/password"));

    const current = page.getByLabel("Huidig wachtwoord");
    const next = page.getByLabel("Nieuw wachtwoord");
    const confirm = page.getByLabel("Herhaal het nieuwe wachtwoord");
    const rule = (text: string) => page.locator(".password-rules li").filter({ hasText: text });
    const expectRules = async (met: string[], notMet: string[]) => {
      for (const text of met) await expect(rule(text), `"${text}" met`).toHaveText(/\(voldaan\)$/);
      for (const text of notMet) {
        await expect(rule(text), `"${text}" not met`).toHaveText(/\(nog niet voldaan\)$/);
      }
    };

    // The list follows the field as it is typed in (a controlled input: the page's JavaScript).
    await waitForHydration(page);
    await next.pressSequentially("zomer");
    await expectRules(
      ["kleine letter", "geen vraagteken"],
      ["minstens 8 tekens", "hoofdletter", "cijfer", "speciaal teken"],
    );
    await next.pressSequentially("tuin-");
    await expectRules(["minstens 8 tekens", "speciaal teken"], ["hoofdletter", "cijfer"]);
    await next.pressSequentially("2027");
    await expectRules(["cijfer"], ["hoofdletter"]);
    await next.press("?");
    await expectRules([], ["geen vraagteken"]);
    await next.press("Backspace");
    await expectRules(["geen vraagteken"], ["hoofdletter"]);

    // Without a capital the server refuses it, and says so at the field.
    await current.fill(demoPassword);
    await confirm.fill("zomertuin-2027");
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await expect(next).toHaveAttribute("aria-invalid", "true");
    await expect(next).toHaveAccessibleDescription(
      /^Je nieuwe wachtwoord voldoet nog niet aan alle regels\./,
    );
    await expect(page.locator("#next-error")).toHaveText(
      "Je nieuwe wachtwoord voldoet nog niet aan alle regels.",
    );
    await expect(page.getByRole("alert").getByRole("link")).toHaveAttribute("href", "#next");
    await expectRules([], ["hoofdletter"]);
    await expect(page).toHaveURL(tenantUrl("thuiszorg", "/account/password"));
    await screenshot(page, testInfo, "thuiszorg-password-error");

    await current.fill(demoPassword);
    await next.fill(newPassword);
    await confirm.fill(newPassword);
    for (const item of await page.locator(".password-rules li").all()) {
      await expect(item).toHaveText(/\(voldaan\)$/);
    }
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await expect(page).toHaveURL(tenantUrl("thuiszorg", "/account/password?saved=1"));
    await expect(page.getByRole("status")).toHaveText(
      "Je wachtwoord is gewijzigd. Je andere sessies zijn beëindigd.",
    );
    await expect(page.getByText("tijdelijk wachtwoord")).toHaveCount(0);
    await expect(page.getByRole("alert")).toHaveCount(0);

    await page.goto(tenantUrl("thuiszorg"));
    await expect(page).toHaveURL(tenantUrl("thuiszorg"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Thuiszorg De Linde");

    // The new password is the one that signs in now, straight to the home.
    await openNavigation(page);
    await page.getByRole("navigation").getByRole("button", { name: "Uitloggen" }).click();
    await expect(page).toHaveURL(tenantUrl("thuiszorg", "/login"));
    await signIn(page, "thuiszorg", "henk.vermeulen@example.nl", { password: newPassword });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Thuiszorg De Linde");
  });
});
