import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../../../core/kernel/tenants/languages.ts";
import type { Terminology } from "../../../core/kernel/tenants/terminology.ts";

/** The viewer's language and the tenant's words: sent by the root loader, a few hundred bytes. */
export type Wording = {
  language: Language;
  terms: Terminology;
  tenantName: string;
};

/** Everything a text needs to be translated: the wording and the strings to translate with. */
export type I18nBundle = Wording & { messages: object };

/**
 * One i18next instance per page render. The tenant's words are default interpolation variables,
 * so `{{term.coach}}` in any string becomes "behandelaar" for a tenant that says so.
 */
export function createI18n(bundle: I18nBundle, onMissingKey?: (key: string) => void): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: bundle.language,
    fallbackLng: false,
    resources: { [bundle.language]: { translation: bundle.messages } },
    initAsync: false,
    interpolation: {
      escapeValue: false, // React escapes
      defaultVariables: { term: bundle.terms, tenant: bundle.tenantName },
    },
    ...(onMissingKey
      ? {
          saveMissing: true,
          missingKeyHandler: (_languages: readonly string[], _namespace: string, key: string) =>
            onMissingKey(key),
        }
      : {}),
  });
  instance.services.formatter?.add(
    "capitalize",
    (value: string, language: string | undefined) =>
      value.charAt(0).toLocaleUpperCase(language) + value.slice(1),
  );
  return instance;
}
