import { mergeStrings, type Strings } from "./strings.ts";

/**
 * Strings of capabilities that the shell shows on every page, whatever namespaces the page has:
 * the labels of the management pages below a person's name in the menu. Kept by namespace, so
 * the kernel's strings take them along without the rest of each capability's strings.
 */
export const shellKeys: Readonly<Record<string, readonly string[]>> = {
  booking: ["bookingSetup.hours.title", "bookingSetup.types.title", "calendarFeed.title"],
  documents: ["documents.storage.title"],
  dossier: ["dossier.clientsTitle"],
  goals: ["goals.settings.menu"],
  operator: ["operator.title"],
  organisations: ["organisations.title"],
};

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
