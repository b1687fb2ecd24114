/** Dutch first, English second. Every visible string exists in both. */
export const languages = ["nl", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "nl";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/**
 * Before sign-in: the visitor's own choice (cookie) wins; otherwise the tenant's default language.
 * A signed-in person's saved language comes before both (worker/kernel/middleware/session.ts).
 */
export function chooseLanguage(chosen: string | undefined, tenantDefault: Language): Language {
  return isLanguage(chosen) ? chosen : tenantDefault;
}
