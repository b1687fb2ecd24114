/**
 * The 49,000 most common passwords (zxcvbn-ts' list). Loaded on first use only: the list is
 * needed where a password is set, not on every request of an isolate.
 */
let common: Promise<Set<string>> | undefined;

export function commonPasswords(): Promise<Set<string>> {
  common ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"] as string[]),
  );
  return common;
}
