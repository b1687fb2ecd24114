import type { Language } from "../../../core/kernel/tenants/languages.ts";
import { terminologyFor, type TerminologyOverrides } from "../../../core/kernel/tenants/terminology.ts";
import type { I18nBundle } from "./i18n.ts";
import { messages } from "./messages.ts";

/** Only the viewer's language goes to the browser, merged with the tenant's words. */
export function i18nBundle(
  language: Language,
  tenantName: string,
  overrides: TerminologyOverrides,
): I18nBundle {
  return { language, messages: messages[language], terms: terminologyFor(overrides, language), tenantName };
}
