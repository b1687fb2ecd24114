/** Dutch first, English second. Every visible string exists in both. */
export const languages = ["nl", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "nl";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** The visitor's own choice (cookie) wins; otherwise the tenant's default language. */
export function chooseLanguage(chosen: string | undefined, tenantDefault: Language): Language {
  return isLanguage(chosen) ? chosen : tenantDefault;
}
