import { useTranslation } from "react-i18next";
import { Field } from "./Field.tsx";

/**
 * Who is invited: address, name and the language of their mail. Shared by the tenant's invitation
 * form and an organisation admin's "invite a colleague"; `errors` hold i18n keys per field.
 */
export function InvitePersonFields({
  values,
  errors,
  defaultLanguage,
}: {
  values: Record<string, string | undefined> | undefined;
  errors: Record<string, string | undefined>;
  defaultLanguage: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        name="email"
        type="email"
        label={t("users.email")}
        autoComplete="off"
        required
        defaultValue={values?.email}
        error={errors.email ? t(errors.email) : undefined}
      />
      <Field
        name="displayName"
        label={t("users.displayName")}
        autoComplete="off"
        required
        defaultValue={values?.displayName}
        error={errors.displayName ? t(errors.displayName) : undefined}
      />
      <div className="field">
        <label htmlFor="language">{t("users.language")}</label>
        <select id="language" name="language" defaultValue={values?.language ?? defaultLanguage}>
          <option value="nl">{t("languages.nl")}</option>
          <option value="en">{t("languages.en")}</option>
        </select>
      </div>
    </>
  );
}
