import type { Language } from "../../../core/kernel/tenants/languages.ts";
import { capabilityStrings } from "../../strings.ts";
import { en as kernelEn } from "./locales/en.ts";
import { nl as kernelNl } from "./locales/nl.ts";

/**
 * Every namespace of strings in every language: the kernel's, which every page carries, and each
 * capability's (`web/strings.ts`), which a page carries when one of its routes names it in
 * `handle.i18n`. The browser loads a namespace it lacks from the capability's folder (browser-strings.ts).
 */
export const catalogue = {
  kernel: { nl: kernelNl, en: kernelEn },
  ...capabilityStrings,
} satisfies Record<string, Record<Language, object>>;

export type Namespace = keyof typeof catalogue;

export const isNamespace = (name: string): name is Namespace => Object.hasOwn(catalogue, name);

type Intersection<Union> = (Union extends unknown ? (part: Union) => void : never) extends (
  part: infer Whole,
) => void
  ? Whole
  : never;

/** Every key of every namespace, as Dutch defines them. */
export type Messages = Intersection<(typeof catalogue)[Namespace]["nl"]>;

const wholeLanguage = (language: Language) =>
  Object.assign({}, ...Object.values(catalogue).map((namespace) => namespace[language])) as Messages;

/** The whole catalogue of each language, for what the server writes itself: mail, calendar files. */
export const messages: Record<Language, Messages> = { nl: wholeLanguage("nl"), en: wholeLanguage("en") };
