import { createContext } from "react";
import type { Language } from "../../../core/kernel/tenants/languages.ts";

/** The strings of one namespace or of several merged: nested objects of texts. */
export type Strings = { [key: string]: unknown };

/**
 * Where a page's strings come from: on the server the whole catalogue (server-strings.server.ts),
 * in the browser what the document brought and what was loaded since (browser-strings.ts).
 */
export interface StringSource {
  /** The namespaces merged, or a promise that settles once they can be read. */
  read(language: Language, namespaces: readonly string[]): Strings | Promise<unknown>;
  /** The script that hands the page's strings to the browser, written into the document once. */
  seed?(language: Language, namespaces: readonly string[]): string;
  /** Told of every key a render asks for and the strings lack: a namespace its route forgot. */
  missingKey?(key: string): void;
}

export const StringSourceContext = createContext<StringSource | null>(null);

/** The global the document's seed script sets and the browser's source reads at hydration. */
export const seedGlobal = "__portaalStrings";

export type Seed = { language: Language; namespaces: Record<string, Strings> };

const isStrings = (value: unknown): value is Strings =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Namespaces merged into one object, deeply: a namespace may add keys under a key another one
 * already has (the shell's labels of a capability, then that capability's own strings).
 */
export function mergeStrings(parts: readonly Strings[]): Strings {
  const merged: Strings = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = merged[key];
      merged[key] = isStrings(existing) && isStrings(value) ? mergeStrings([existing, value]) : value;
    }
  }
  return merged;
}

/** A value per language and set of namespaces, made once: a site has a handful of such sets. */
export function perSet<Value>(make: (language: Language, namespaces: readonly string[]) => Value) {
  const made = new Map<string, Value>();
  return (language: Language, namespaces: readonly string[]): Value => {
    const key = `${language}:${namespaces.join(",")}`;
    let value = made.get(key);
    if (value === undefined) {
      value = make(language, namespaces);
      made.set(key, value);
    }
    return value;
  };
}

/** The namespaces a page needs: the kernel's, then those its routes name in `handle.i18n`. */
export function pageNamespaces(matches: readonly { handle?: unknown }[]): string[] {
  const named = matches.flatMap(({ handle }) => {
    const i18n = isStrings(handle) ? handle.i18n : undefined;
    return Array.isArray(i18n) ? i18n.filter((name): name is string => typeof name === "string") : [];
  });
  return ["kernel", ...new Set(named.filter((name) => name !== "kernel").sort())];
}
