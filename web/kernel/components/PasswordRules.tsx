import { useTranslation } from "react-i18next";
import {
  brokenRules,
  maxPasswordLength,
  rulesOf,
  type PasswordPolicy,
  type PasswordRule,
} from "../../../core/kernel/auth/password-policy.ts";

/**
 * The rules of the tenant's policy, ticked off while the person types. The common-password and
 * personal checks need the server; until it has answered they show as met unless it said otherwise.
 */
export function PasswordRules({
  password,
  policy,
  serverBroken,
}: {
  password: string;
  policy: PasswordPolicy;
  serverBroken: PasswordRule[];
}) {
  const { t } = useTranslation();
  const broken = new Set([
    ...brokenRules(password, policy, { isCommon: () => false, personal: [] }),
    ...serverBroken.filter((rule) => rule === "notCommon" || rule === "notPersonal"),
  ]);
  return (
    <div className="password-rules">
      <p className="password-rules__title">{t("password.rulesTitle")}</p>
      <ul>
        {rulesOf(policy).map((rule) => {
          const met = password.length > 0 && !broken.has(rule);
          return (
            <li key={rule} data-met={met}>
              <span aria-hidden="true">{met ? "✓" : "•"}</span>{" "}
              {t(`password.rules.${rule}`, { min: policy.minLength, max: maxPasswordLength })}
              <span className="visually-hidden">
                {" "}
                ({met ? t("password.ruleMet") : t("password.ruleNotMet")})
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
