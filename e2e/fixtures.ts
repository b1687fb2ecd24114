import path from "node:path";
import { expect, test as base, type Page, type TestInfo } from "@playwright/test";
import { demoPassword, demoTenant, tenantUrl } from "./hosts.ts";

type Options = {
  /**
   * The HTTP statuses a test expects the browser to report as "Failed to load resource": 404 by
   * default; a test of a refused sign-in (401) or a rejected form (400) adds its own.
   */
  expectedStatuses: number[];
};

/**
 * Every test fails on an uncaught script error or a console error, so a hydration mismatch or a
 * resource the Content-Security-Policy blocks cannot pass unnoticed. Expected are only the
 * browser's notes that a page answered with one of the test's expected statuses: the document
 * itself, or the data Remix fetches for it on a client-side navigation or form post; and
 * Chromium's own guess at /favicon.ico, which it makes whenever a document is, however briefly,
 * without an icon link.
 */
export const test = base.extend<Options & { browserErrors: string[] }>({
  expectedStatuses: [[404], { option: true }],
  browserErrors: [
    async ({ page, expectedStatuses }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        if (!isExpectedFailure(message.text(), message.location().url, page.url(), expectedStatuses))
          errors.push(`console: ${message.text()} (${message.location().url})`);
      });
      await use(errors);
      expect(errors, "errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The session cookie (web/kernel/cookies.ts). */
export const sessionCookieName = "__Host-session";

/**
 * The account each tenant's pages are looked at with: a client, since a tenant's start page is the
 * client's own. All demo accounts share the demo password (db/kernel/seed/demo-tenants.ts).
 */
export const clientOf: Record<string, string> = {
  coaching: "sanne.visser@example.nl",
  ggz: "lotte.deboer@example.nl",
  thuiszorg: "gerda.hendriks@example.nl",
  zorgpartner: "linda.brouwer@dehoven.nl",
  support: "femke.vanleeuwen@rijnoever-fysio.nl",
};

export function displayNameOf(slug: string, email: string): string {
  const user = demoTenant(slug).users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`No demo account ${email} at ${slug}`);
  return user.displayName;
}

/** Fills in and sends the (Dutch) sign-in form on the page that shows it. */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
}

/**
 * Signs in on the tenant's sign-in page, by default as the tenant's client with the demo
 * password, and waits until the page it leads to (the home, unless said otherwise) shows the
 * person as signed in. The form works with and without the page's JavaScript, so it needs no wait
 * for hydration.
 */
export async function signIn(
  page: Page,
  slug: string,
  email = clientOf[slug]!,
  { password = demoPassword, landsOn = "/" }: { password?: string; landsOn?: string } = {},
): Promise<void> {
  await page.goto(tenantUrl(slug, "/login"));
  await submitLogin(page, email, password);
  await expect(page, `${email} signs in at ${slug} (refused or throttled?)`).toHaveURL(
    tenantUrl(slug, landsOn),
  );
  // In the navigation, which a phone keeps closed: attached is enough.
  await expect(page.locator(".navigation__user")).toContainText(displayNameOf(slug, email));
}

/**
 * Waits until React has hydrated the page (it has attached its props to the content element), for
 * the few checks that need the page's JavaScript rather than the server's HTML: a controlled input,
 * a form post without a reload.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.getElementById("main");
    return main !== null && Object.keys(main).some((key) => key.startsWith("__reactProps$"));
  });
}

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

function isExpectedFailure(text: string, resource: string, pageUrl: string, statuses: number[]): boolean {
  const status = /^Failed to load resource: .*status of (\d{3})/.exec(text)?.[1];
  if (!status || !statuses.includes(Number(status))) return false;
  return (
    resource === pageUrl ||
    /\.data(\?|$)/.test(resource) ||
    (status === "404" && new URL(pageUrl).origin + "/favicon.ico" === resource)
  );
}

/** A full-page picture for looking over the layout by eye: e2e/screenshots/<project>-<name>.png. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(testInfo.project.testDir, "screenshots", `${testInfo.project.name}-${name}.png`),
    fullPage: true,
  });
}

/** The newest mail to this address in the local outbox, once one written after `since` is there. */
export async function openNewestMail(page: Page, slug: string, email: string, since: string): Promise<void> {
  await page.goto(tenantUrl(slug, "/dev/outbox"));
  const newest = page
    .getByRole("listitem")
    .filter({ hasText: `mail to ${email}` })
    .first();
  // The queue delivers within seconds; the outbox shows it once it has.
  await expect(async () => {
    await page.reload();
    const sentAt = await newest.locator("time").getAttribute("datetime", { timeout: 1_000 });
    expect(sentAt! > since).toBe(true);
  }).toPass({ timeout: 20_000 });
  await newest.getByRole("link").click();
}

export const aMomentAgo = () => new Date(Date.now() - 1_000).toISOString();

/** Each project invites at its own tenant, as that tenant's admin. */
export const adminOf: Record<string, { slug: string; email: string }> = {
  desktop: { slug: "coaching", email: "marieke.jansen@koerscoaching.nl" },
  phone: { slug: "ggz", email: "eva.smit@lichtpunt.nl" },
};

/**
 * The admin invites a fresh person (a client unless `role`, the role's Dutch name, says
 * otherwise), who opens the mail's link, chooses `password` and lands signed in on the home page.
 */
export async function invitedPerson(
  page: Page,
  slug: string,
  adminEmail: string,
  person: { email: string; name: string; password: string; role?: string },
): Promise<void> {
  const invitedAt = aMomentAgo();
  await signIn(page, slug, adminEmail);
  await page.goto(tenantUrl(slug, "/invitations/new"));
  await page.getByLabel("E-mailadres").fill(person.email);
  await page.getByLabel("Naam").fill(person.name);
  if (person.role) await page.getByLabel("Rol").selectOption({ label: person.role });
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status")).toContainText(person.email);
  await page.context().clearCookies();
  await openNewestMail(page, slug, person.email, invitedAt);
  await page.getByRole("link", { name: /\/invitation\/inv_/ }).click();
  await page.getByLabel("Nieuw wachtwoord").fill(person.password);
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(person.password);
  await page.getByRole("button", { name: "Account openen" }).click();
  await expect(page).toHaveURL(tenantUrl(slug, "/"));
}
