import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures.ts";
import { tenantUrl } from "./hosts.ts";

const coach = "anouk.devries@koerscoaching.nl";

/** A browser of its own, signed in: a second person at another computer. */
async function person(browser: Browser, email?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "coaching", email);
  return page;
}

/** The client starts a conversation with their coach from the messages page; answers its path. */
async function startConversation(page: Page, subject: string, body: string): Promise<string> {
  await page.goto(tenantUrl("coaching", "/messages/new"));
  const choice = page.getByLabel("Anouk de Vries");
  if (await choice.isVisible()) await choice.check();
  await page.getByLabel("Onderwerp").fill(subject);
  await page.getByLabel("Je bericht").fill(body);
  await page.getByRole("button", { name: "Versturen" }).click();
  await expect(page).toHaveURL(/\/messages\/cnv_[^/?#]+/);
  return new URL(page.url()).pathname;
}

/** The live part of the page says who else is there once the room has answered. */
const liveStatus = (page: Page) => page.locator(".live-chat__status");

test("a client and a coach chat live, each in a browser of their own", async ({ browser }, testInfo) => {
  const client = await person(browser);
  const path = await startConversation(
    client,
    `Live ${testInfo.project.name} ${Date.now()}`,
    "Hoi Anouk, heb je even?",
  );
  const anouk = await person(browser, coach);
  await anouk.goto(tenantUrl("coaching", path));
  await expect(anouk.getByText("Hoi Anouk, heb je even?")).toBeVisible();
  await expect(liveStatus(anouk)).toContainText("Nu in dit gesprek: Sanne Visser");
  await expect(liveStatus(client)).toContainText("Nu in dit gesprek: Anouk de Vries");

  // The client's page must not reload for what follows: a mark on the window would be lost.
  await client.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  await anouk.getByLabel("Je bericht").pressSequentially("Ja hoor", { delay: 20 });
  await expect(client.getByText("Anouk de Vries typt…")).toBeVisible();
  await anouk.getByLabel("Je bericht").fill("Ja hoor, zeg het maar.");
  await anouk.getByRole("button", { name: "Versturen" }).click();
  await expect(client.getByText("Ja hoor, zeg het maar.")).toBeVisible();
  expect(await client.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  await client.getByLabel("Je bericht").fill("Kunnen we morgen bellen?");
  await client.getByRole("button", { name: "Versturen" }).click();
  await expect(anouk.getByText("Kunnen we morgen bellen?")).toBeVisible();

  // The coach leaves; the client sees her go.
  await anouk.context().close();
  await expect(liveStatus(client)).toContainText("Verder is nu niemand in dit gesprek.");
  await client.context().close();
});

test("the coach, offline while the client writes, finds the message when she signs in", async ({
  browser,
}, testInfo) => {
  const subject = `Offline ${testInfo.project.name} ${Date.now()}`;
  const client = await person(browser);
  const path = await startConversation(client, subject, "Ik schrijf je terwijl je weg bent.");
  await client.getByLabel("Je bericht").fill("En nog een tweede bericht.");
  await client.getByRole("button", { name: "Versturen" }).click();
  await expect(client.getByText("En nog een tweede bericht.")).toBeVisible();
  await client.context().close();

  const anouk = await person(browser, coach);
  await anouk.goto(tenantUrl("coaching", "/messages"));
  await anouk.getByRole("link", { name: subject }).click();
  await expect(anouk).toHaveURL(tenantUrl("coaching", path));
  await expect(anouk.getByText("Ik schrijf je terwijl je weg bent.")).toBeVisible();
  await expect(anouk.getByText("En nog een tweede bericht.")).toBeVisible();
  await expect(liveStatus(anouk)).toContainText("Verder is nu niemand in dit gesprek.");
  await anouk.context().close();
});
