import type { Account } from "./accounts.ts";
import { commonPasswords } from "./common-passwords.ts";
import { brokenRules, type PasswordPolicy, type PasswordRule } from "./password-policy.ts";

/** The words of a person a password must not simply be. */
export function personalWords(account: Pick<Account, "email" | "displayName">): string[] {
  const [local = "", domain = ""] = account.email.split("@");
  return [
    account.email,
    local,
    domain.split(".")[0] ?? "",
    account.displayName,
    ...account.displayName.split(/\s+/),
  ];
}

export type NewPasswordCheck = {
  broken: PasswordRule[];
  errors: { password?: "broken"; confirm?: "mismatch" };
};

/**
 * A password someone chooses (changing it, accepting an invitation, after a reset): the tenant's
 * rules, the shipped list of common passwords, the person's own name and address, and the repeat.
 */
export async function checkNewPassword(
  password: string,
  confirm: string,
  policy: PasswordPolicy,
  person: Pick<Account, "email" | "displayName">,
): Promise<NewPasswordCheck> {
  const common = await commonPasswords();
  const broken = brokenRules(password, policy, {
    isCommon: (candidate) => common.has(candidate),
    personal: personalWords(person),
  });
  return {
    broken,
    errors: {
      ...(broken.length > 0 ? { password: "broken" as const } : {}),
      ...(confirm !== password ? { confirm: "mismatch" as const } : {}),
    },
  };
}
