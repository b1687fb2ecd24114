import type { Language } from "../../../core/kernel/tenants/languages.ts";
import { en as assignmentsEn } from "../../assignments/strings/en.ts";
import { nl as assignmentsNl } from "../../assignments/strings/nl.ts";
import { en as bookingEn } from "../../booking/strings/en.ts";
import { nl as bookingNl } from "../../booking/strings/nl.ts";
import { en as documentsEn } from "../../documents/strings/en.ts";
import { nl as documentsNl } from "../../documents/strings/nl.ts";
import { en as dossierEn } from "../../dossier/strings/en.ts";
import { nl as dossierNl } from "../../dossier/strings/nl.ts";
import { en as goalsEn } from "../../goals/strings/en.ts";
import { nl as goalsNl } from "../../goals/strings/nl.ts";
import { en as messagingEn } from "../../messaging/strings/en.ts";
import { nl as messagingNl } from "../../messaging/strings/nl.ts";
import { en as operatorEn } from "../../operator/strings/en.ts";
import { nl as operatorNl } from "../../operator/strings/nl.ts";
import { en as organisationsEn } from "../../organisations/strings/en.ts";
import { nl as organisationsNl } from "../../organisations/strings/nl.ts";
import { en as kernelEn } from "./locales/en.ts";
import { nl as kernelNl } from "./locales/nl.ts";

/**
 * Every namespace of strings in every language: the kernel's, which every page carries, and one
 * per capability folder (`web/<capability>/strings/nl.ts` and `en.ts`), which a page carries when
 * one of its routes names it in `handle.i18n`. The browser loads a namespace it lacks from that
 * same folder (browser-strings.ts), so a new capability adds its line here and names its namespace
 * in its routes.
 */
export const catalogue = {
  kernel: { nl: kernelNl, en: kernelEn },
  assignments: { nl: assignmentsNl, en: assignmentsEn },
  booking: { nl: bookingNl, en: bookingEn },
  documents: { nl: documentsNl, en: documentsEn },
  dossier: { nl: dossierNl, en: dossierEn },
  goals: { nl: goalsNl, en: goalsEn },
  messaging: { nl: messagingNl, en: messagingEn },
  operator: { nl: operatorNl, en: operatorEn },
  organisations: { nl: organisationsNl, en: organisationsEn },
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
