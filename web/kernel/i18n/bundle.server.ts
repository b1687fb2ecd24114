import type { Language } from "../../../core/kernel/tenants/languages.ts";
import { terminologyFor, type TerminologyOverrides } from "../../../core/kernel/tenants/terminology.ts";
import { messages, type Messages } from "./catalogue.server.ts";
import type { I18nBundle, Wording } from "./i18n.ts";

/** The viewer's language with the tenant's name and words, without any strings. */
export function wordingFor(language: Language, tenantName: string, overrides: TerminologyOverrides): Wording {
  return { language, terms: terminologyFor(overrides, language), tenantName };
}

/** The whole catalogue of the language with the tenant's words, for texts the server writes itself. */
export function i18nBundle(
  language: Language,
  tenantName: string,
  overrides: TerminologyOverrides,
): I18nBundle & { messages: Messages } {
  return { ...wordingFor(language, tenantName, overrides), messages: messages[language] };
}
