import { useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { createI18n, type I18nBundle } from "../i18n/i18n.ts";

/** Provides the page's translations; the same bundle renders on the server and hydrates. */
export function Translated({ bundle, children }: { bundle: I18nBundle; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(bundle), [bundle]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
