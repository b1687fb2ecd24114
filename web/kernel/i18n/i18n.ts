import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../../../core/kernel/tenants/languages.ts";
import type { Terminology } from "../../../core/kernel/tenants/terminology.ts";
import type { Messages } from "./messages.ts";

/** Everything the page needs to translate: sent once by the root loader, used on server and client. */
export type I18nBundle = {
  language: Language;
  messages: Messages;
  terms: Terminology;
  tenantName: string;
};

/**
 * One i18next instance per page render. The tenant's words are default interpolation variables,
 * so `{{term.coach}}` in any string becomes "behandelaar" for a tenant that says so.
 */
export function createI18n(bundle: Omit<I18nBundle, "messages"> & { messages: object }): i18n {
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
  });
  instance.services.formatter?.add(
    "capitalize",
    (value: string, language: string | undefined) =>
      value.charAt(0).toLocaleUpperCase(language) + value.slice(1),
  );
  return instance;
}
