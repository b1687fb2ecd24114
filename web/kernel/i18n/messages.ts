import type { Language } from "../../../core/kernel/tenants/languages.ts";
import { en } from "./locales/en.ts";
import { nl } from "./locales/nl.ts";

/** The shape every language follows: Dutch defines it, English must match it key for key. */
export type Messages = typeof nl;

export const messages: Record<Language, Messages> = { nl, en };
