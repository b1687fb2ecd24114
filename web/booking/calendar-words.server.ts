import type { EventTexts } from "../../core/booking/ics.ts";
import type { Language } from "../../core/kernel/tenants/languages.ts";
import type { Tenant } from "../../core/kernel/tenants/tenant.ts";
import { i18nBundle } from "../kernel/i18n/bundle.server.ts";
import { createI18n } from "../kernel/i18n/i18n.ts";

/**
 * The words of calendar entries in one reader's language, with the tenant's name and terms
 * (`calendarFeed` in web/booking/strings/): core/booking/ics.ts takes them as they are.
 */
export function calendarWordsFor(language: Language, tenant: Pick<Tenant, "name" | "settings">) {
  const { t } = createI18n(i18nBundle(language, tenant.name, tenant.settings.terminology));
  const texts: EventTexts = {
    summary: (type, person) => t("calendarFeed.event.summary", { type, person }),
    locations: {
      online: t("calendarFeed.event.locations.online"),
      onSite: t("calendarFeed.event.locations.onSite"),
      phone: t("calendarFeed.event.locations.phone"),
    },
    description: (location, url) => t("calendarFeed.event.description", { location, url }),
  };
  return {
    texts,
    /** The feed's name in the calendar app. */
    calendarName: t("calendarFeed.event.calendarName"),
    /** A file name such as `afspraak-2026-12-01.ics`: the tenant's word, ASCII only. */
    fileName: (date: string) => `${asciiName(t("calendarFeed.event.fileName"))}-${date}.ics`,
  };
}

function asciiName(word: string): string {
  const name = word
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return name || "calendar";
}
