import { useContext, useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { createI18n, type Wording } from "./i18n.ts";
import { StringSourceContext } from "./strings.ts";

/**
 * Provides the page's translations: the kernel's strings and those of the namespaces its routes
 * name, the same on the server and at hydration.
 */
export function Translated({
  wording,
  namespaces,
  children,
}: {
  wording: Wording;
  namespaces: readonly string[];
  children: ReactNode;
}) {
  const source = useContext(StringSourceContext);
  if (!source) throw new Error("Translated needs a StringSourceContext (entry.server.tsx, entry.client.tsx)");
  const strings = source.read(wording.language, namespaces);
  const i18n = useMemo(
    () =>
      strings instanceof Promise ? null : createI18n({ ...wording, messages: strings }, source.missingKey),
    [wording, strings, source],
  );
  // A page that needs a namespace the browser has not loaded yet waits for it. Remix navigates
  // in a transition, so React keeps the previous page on screen meanwhile: no keys flash.
  if (!i18n) throw strings;
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/**
 * The script that hands the page's strings to the browser. The browser reads it once, before
 * hydrating, and renders the element empty; React leaves the server's text in place.
 */
export function StringsSeed({
  language,
  namespaces,
  nonce,
}: {
  language: Wording["language"];
  namespaces: readonly string[];
  nonce: string;
}) {
  const source = useContext(StringSourceContext);
  return (
    <script
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: source?.seed?.(language, namespaces) ?? "" }}
    />
  );
}
