import type { Language } from "../../../core/kernel/tenants/languages.ts";

const locales: Record<Language, string> = { nl: "nl-NL", en: "en-GB" };

/** The Intl locale of a language. */
export const localeOf = (language: Language): string => locales[language];

/** Dates and times as the viewer reads them: in their language and their own time zone. */
export function dateTimeFormat(language: Language, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: "medium", timeStyle: "short", timeZone });
}
