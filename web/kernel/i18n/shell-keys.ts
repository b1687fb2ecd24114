import { webCapabilities } from "../../capabilities.ts";
import { mergeStrings, type Strings } from "./strings.ts";

/**
 * Strings of capabilities that the shell shows on every page, whatever namespaces the page has:
 * the labels of their management pages and their other menu entries (`web/capabilities.ts`).
 * Kept by namespace, so the kernel's strings take them along without the rest of each
 * capability's strings.
 */
export const shellKeys: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  webCapabilities
    .map((part): [string, string[]] => [
      part.routes,
      [...(part.tools ?? []).map((tool) => tool.label), ...(part.menuLabels ?? [])],
    ])
    .filter(([, keys]) => keys.length > 0),
);

/** One key out of the strings, in the same nesting. */
function pick(strings: Strings, key: string): Strings {
  const [head = "", ...rest] = key.split(".");
  const value = strings[head];
  return { [head]: rest.length > 0 ? pick(value as Strings, rest.join(".")) : value };
}

/** The kernel's strings with the shell's keys of every capability, which `namespace` gives. */
export function kernelWithShell(kernel: Strings, namespace: (name: string) => Strings): Strings {
  const shell = Object.entries(shellKeys).flatMap(([name, keys]) =>
    keys.map((key) => pick(namespace(name), key)),
  );
  return mergeStrings([kernel, ...shell]);
}
