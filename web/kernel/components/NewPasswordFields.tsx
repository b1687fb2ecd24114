import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  maxPasswordLength,
  type PasswordPolicy,
  type PasswordRule,
} from "../../../core/kernel/auth/password-policy.ts";
import { Field, FormAlert } from "./Field.tsx";
import { PasswordRules } from "./PasswordRules.tsx";

/**
 * A new password, with the tenant's rules shown and ticked off while typing, and its repeat:
 * the same two fields wherever a password is chosen (account, invitation, reset).
 */
export function NewPasswordFields({
  name,
  policy,
  serverBroken,
  errors,
}: {
  /** The field's name in the form: `next` beside a current password, `password` elsewhere. */
  name: string;
  policy: PasswordPolicy;
  /** The rules the server found broken in the password it was sent. */
  serverBroken: PasswordRule[];
  errors: { password?: string | undefined; confirm?: string | undefined };
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  return (
    <>
      <Field
        name={name}
        type="password"
        label={t("password.new")}
        autoComplete="new-password"
        required
        maxLength={maxPasswordLength}
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={errors.password}
        hint={<PasswordRules password={password} policy={policy} serverBroken={serverBroken} />}
      />
      <Field
        name="confirm"
        type="password"
        label={t("password.confirm")}
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
    </>
  );
}

/**
 * The list of a refused form's errors above it, each a link to its field; focus lands on it (see
 * FormAlert). `messages` maps field names to the words already translated.
 */
export function ErrorSummary({
  messages,
  answer,
}: {
  messages: Record<string, string | undefined>;
  answer: unknown;
}) {
  const { t } = useTranslation();
  const fields = Object.entries(messages).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (fields.length === 0) return null;
  return (
    <FormAlert title={t("auth.errorSummary")} answer={answer}>
      <ul>
        {fields.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </FormAlert>
  );
}
