/**
 * Password rules after OWASP ASVS 5.0: length over composition (at least 8, 15 recommended, at
 * least 64 accepted), no common passwords. A tenant may add composition rules (seed 003: a capital,
 * a digit and a special character other than '?'). The rule list is shown while typing.
 */
export type PasswordPolicy = { minLength: number; requireComposition: boolean };

export const defaultPasswordPolicy: PasswordPolicy = { minLength: 8, requireComposition: false };
export const maxPasswordLength = 128;

export type PasswordRule =
  | "minLength"
  | "maxLength"
  | "uppercase"
  | "lowercase"
  | "digit"
  | "special"
  | "noQuestionMark"
  | "notCommon"
  | "notPersonal";

/** The rules a policy applies, in the order they are shown. */
export function rulesOf(policy: PasswordPolicy): PasswordRule[] {
  const composition: PasswordRule[] = policy.requireComposition
    ? ["uppercase", "lowercase", "digit", "special", "noQuestionMark"]
    : [];
  return ["minLength", "maxLength", ...composition, "notCommon", "notPersonal"];
}

export type PasswordContext = {
  isCommon: (password: string) => boolean;
  /** Words of the person (e-mail, name) a password must not simply be. */
  personal: string[];
};

function passes(rule: PasswordRule, password: string, policy: PasswordPolicy, context: PasswordContext) {
  const length = [...password].length;
  switch (rule) {
    case "minLength":
      return length >= policy.minLength;
    case "maxLength":
      return length <= maxPasswordLength;
    case "uppercase":
      return /\p{Lu}/u.test(password);
    case "lowercase":
      return /\p{Ll}/u.test(password);
    case "digit":
      return /\p{Nd}/u.test(password);
    case "special":
      return /[^\p{L}\p{Nd}\s?]/u.test(password);
    case "noQuestionMark":
      return !password.includes("?");
    case "notCommon":
      return !context.isCommon(password.toLowerCase());
    case "notPersonal": {
      // "Sanne2026!" is the name with digits added: only the letters count.
      const letters = password.toLowerCase().replace(/[^\p{L}]/gu, "");
      return !context.personal.some(
        (word) => word.length >= 3 && letters === word.toLowerCase().replace(/[^\p{L}]/gu, ""),
      );
    }
  }
}

/** The rules this password breaks; empty when it is acceptable. */
export function brokenRules(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext,
): PasswordRule[] {
  return rulesOf(policy).filter((rule) => !passes(rule, password, policy, context));
}
