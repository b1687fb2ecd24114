import type { Language } from "./languages.ts";

/**
 * The words a tenant may rename. Every visible string that names one of these concepts uses the
 * term (through i18n interpolation), so "coach" becomes "behandelaar" everywhere for a
 * mental-health practice, mail included.
 */
export const termKeys = [
  "coach",
  "coaches",
  "client",
  "clients",
  "assignment",
  "assignments",
  "goal",
  "goals",
  "appointment",
  "appointments",
  "ticket",
  "tickets",
  "organisation",
  "organisations",
] as const;

export type TermKey = (typeof termKeys)[number];
export type Terminology = Record<TermKey, string>;
export type TerminologyOverrides = Partial<Record<Language, Partial<Terminology>>>;

export const defaultTerminology: Record<Language, Terminology> = {
  nl: {
    coach: "coach",
    coaches: "coaches",
    client: "cliënt",
    clients: "cliënten",
    assignment: "opdracht",
    assignments: "opdrachten",
    goal: "doel",
    goals: "doelen",
    appointment: "afspraak",
    appointments: "afspraken",
    ticket: "vraag",
    tickets: "vragen",
    organisation: "organisatie",
    organisations: "organisaties",
  },
  en: {
    coach: "coach",
    coaches: "coaches",
    client: "client",
    clients: "clients",
    assignment: "assignment",
    assignments: "assignments",
    goal: "goal",
    goals: "goals",
    appointment: "appointment",
    appointments: "appointments",
    ticket: "question",
    tickets: "questions",
    organisation: "organisation",
    organisations: "organisations",
  },
};

/** The tenant's words for one language: its overrides over the defaults, empty values ignored. */
export function terminologyFor(overrides: TerminologyOverrides, language: Language): Terminology {
  const own = overrides[language] ?? {};
  const merged = { ...defaultTerminology[language] };
  for (const key of termKeys) {
    const word = own[key]?.trim();
    if (word) merged[key] = word;
  }
  return merged;
}
