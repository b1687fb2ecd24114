import { useTranslation } from "react-i18next";
import { languages } from "../../../core/kernel/tenants/languages.ts";

/** A plain form post to /language, so switching works before the page's JavaScript has loaded. */
export function LanguageSwitch({ returnTo }: { returnTo: string }) {
  const { t, i18n } = useTranslation();
  return (
    <form method="post" action="/language" className="language-switch" aria-label={t("shell.switchLanguage")}>
      <input type="hidden" name="returnTo" value={returnTo} />
      {languages.map((language) => (
        <button
          key={language}
          type="submit"
          name="language"
          value={language}
          lang={language}
          aria-pressed={i18n.language === language}
          className="language-switch__option"
        >
          {t(`languages.${language}`)}
        </button>
      ))}
    </form>
  );
}
