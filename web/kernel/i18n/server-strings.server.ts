import type { Language } from "../../../core/kernel/tenants/languages.ts";
import { catalogue, isNamespace } from "./catalogue.server.ts";
import { kernelWithShell } from "./shell-keys.ts";
import { mergeStrings, perSet, seedGlobal, type Seed, type StringSource, type Strings } from "./strings.ts";

function namespaceStrings(language: Language, name: string): Strings {
  if (!isNamespace(name)) throw new Error(`No strings namespace "${name}" (handle.i18n of a route)`);
  if (name === "kernel") {
    return kernelWithShell(catalogue.kernel[language], (other) => namespaceStrings(language, other));
  }
  return catalogue[name][language];
}

/** JSON as a script literal: `<` escaped so that no string can close the script element. */
const scriptLiteral = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** The server renders from the whole catalogue and writes the page's namespaces into the document. */
export const serverStrings: StringSource = {
  read: perSet((language, namespaces) =>
    mergeStrings(namespaces.map((name) => namespaceStrings(language, name))),
  ),
  seed: perSet((language, namespaces) => {
    const seed: Seed = {
      language,
      namespaces: Object.fromEntries(namespaces.map((name) => [name, namespaceStrings(language, name)])),
    };
    return `window.${seedGlobal}=${scriptLiteral(seed)}`;
  }),
  missingKey: (key) => console.error(`No string for "${key}": does the page's route name its namespace?`),
};
