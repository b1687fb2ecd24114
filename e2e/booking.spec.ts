import type { Page } from "@playwright/test";
import { expect, screenshot, signIn, test, waitForHydration } from "./fixtures.ts";
import { tenantUrl } from "./hosts.ts";

/**
 * Each project books with its own client, both with Anouk de Vries: the desktop takes the first
 * free time of a day, the phone the last, so the two never want the same time. Every run cancels
 * what it booked, so the next run finds the same free time.
 */
const clientOf: Record<string, { email: string; name: string; slot: "first" | "last" }> = {
  desktop: { email: "sanne.visser@example.nl", name: "Sanne Visser", slot: "first" },
  phone: { email: "daan.mulder@example.nl", name: "Daan Mulder", slot: "last" },
};
const coach = "anouk.devries@koerscoaching.nl";

/** The calendar date `days` from today in Amsterdam, where the demo people live. */
const dateIn = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(
    new Date(Date.now() + days * 24 * 60 * 60_000),
  );

/**
 * Opens the first day with free time that lies far enough ahead that the client may still
 * cancel (the demo's notice window is a day), paging to the next month when needed.
 */
async function openFreeDay(page: Page, from: string): Promise<string> {
  for (let month = 0; month < 3; month++) {
    const days = page.getByRole("link", { name: /vrije tijd/ });
    await expect(days.first()).toBeVisible();
    for (const href of await days.evaluateAll((links) => links.map((link) => link.getAttribute("href")!))) {
      const day = /day=(\d{4}-\d{2}-\d{2})/.exec(href)?.[1];
      if (day && day >= from) {
        // By keyboard: the chosen day's times take the focus.
        await waitForHydration(page);
        await page.locator(`a[href="${href}"]`).focus();
        await page.keyboard.press("Enter");
        await expect(page.getByRole("heading", { name: /^Vrije tijden op / })).toBeVisible();
        await expect(page.locator("#free-times")).toBeFocused();
        return day;
      }
    }
    await page.getByRole("link", { name: /^Volgende maand/ }).click();
  }
  throw new Error(`No free day from ${from} in three months`);
}

test("a client books a time, the coach sees it in the agenda, the client cancels and the time is free again", async ({
  page,
  browser,
}, testInfo) => {
  const client = clientOf[testInfo.project.name]!;
  await signIn(page, "coaching", client.email);
  await page.goto(tenantUrl("coaching", "/booking"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Afspraken");
  await expect(page.getByText("Tijden in Europe/Amsterdam")).toBeVisible();
  await page.getByRole("link", { name: "Plan een afspraak" }).click();

  // One coach, two kinds of appointment: the kind first.
  await expect(page.getByRole("heading", { name: "Wat voor afspraak?" })).toBeVisible();
  await page.getByRole("link", { name: "Kennismakingsgesprek" }).click();
  await expect(page.getByText("Kennismakingsgesprek met Anouk de Vries")).toBeVisible();
  await screenshot(page, testInfo, "booking-month");

  const day = await openFreeDay(page, dateIn(3));
  const dayUrl = page.url();
  const times = page.locator("#free-times").getByRole("button");
  const time = client.slot === "first" ? times.first() : times.last();
  const startsAt = (await time.getAttribute("value"))!;
  const clock = (await time.locator(".slot__start").textContent())!;
  await screenshot(page, testInfo, "booking-day");
  await time.click();

  // Held for ten minutes, then confirmed.
  await expect(page).toHaveURL(/\/booking\/bkg_\w+$/);
  const bookingUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bevestig je afspraak");
  await expect(page.getByText(/We houden deze tijd voor je vast tot \d\d:\d\d/)).toBeVisible();
  await expect(page.getByRole("timer")).toContainText("om te bevestigen");
  await screenshot(page, testInfo, "booking-held");
  await page.getByRole("button", { name: "Bevestig je afspraak" }).click();
  await expect(page.getByRole("status")).toHaveText("Je afspraak is bevestigd. Je krijgt er bericht over.");
  await expect(page.locator(".appointment")).toContainText(clock);
  await expect(page.locator(".appointment")).toContainText("Bevestigd");
  await screenshot(page, testInfo, "booking-confirmed");

  // The coach, in a browser of her own, finds it in her agenda for that day.
  const coachContext = await browser.newContext();
  const coachPage = await coachContext.newPage();
  await signIn(coachPage, "coaching", coach);
  await coachPage.goto(tenantUrl("coaching", `/booking/agenda?view=day&date=${day}`));
  await expect(coachPage.getByRole("heading", { level: 1 })).toHaveText("Mijn agenda");
  const entry = coachPage.getByRole("link", {
    name: new RegExp(`^${clock} – \\d\\d:\\d\\d ${client.name}$`),
  });
  await expect(entry).toBeVisible();
  await coachPage.goto(tenantUrl("coaching", `/booking/agenda?view=week&date=${day}`));
  await expect(entry).toBeVisible();
  await screenshot(coachPage, testInfo, "booking-agenda");
  await entry.click();
  await expect(coachPage).toHaveURL(bookingUrl);
  await expect(coachPage.locator(".appointment")).toContainText(client.name);
  await coachContext.close();

  // The client cancels: asked first, told what the notice rule means, and able to take it back.
  await page.getByRole("link", { name: "Afspraak annuleren" }).click();
  await expect(page.getByText("Je annuleert op tijd: meer dan 24 uur voor het begin.")).toBeVisible();
  await page.getByRole("button", { name: "Ja, annuleren" }).click();
  await expect(page.getByRole("status")).toContainText("De afspraak is geannuleerd.");
  await screenshot(page, testInfo, "booking-cancelled-undo");
  await page.getByRole("button", { name: "Ongedaan maken" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "De afspraak gaat toch door. Jullie krijgen er allebei bericht over.",
  );
  await expect(page.locator(".appointment")).toContainText("Bevestigd");

  // Then cancels for good, with a reason; the time is free again.
  await page.getByRole("link", { name: "Afspraak annuleren" }).click();
  await page.getByLabel("Reden (niet verplicht)").fill("Ik ben verhinderd");
  await page.getByRole("button", { name: "Ja, annuleren" }).click();
  await expect(page.getByRole("status")).toContainText("De afspraak is geannuleerd. De tijd is weer vrij.");
  await expect(page.locator(".appointment")).toContainText("Geannuleerd");
  await expect(page.locator(".appointment")).toContainText("Ik ben verhinderd");

  await page.goto(dayUrl);
  await expect(page.locator(`#free-times button[value="${startsAt}"]`)).toBeVisible();
  await page.goto(tenantUrl("coaching", "/booking"));
  await expect(page.getByRole("link", { name: new RegExp(clock) }).first()).toBeVisible();
});
