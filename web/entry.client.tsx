import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { browserStrings } from "./kernel/i18n/browser-strings.ts";
import { StringSourceContext } from "./kernel/i18n/strings.ts";
import { NonceProvider } from "./nonce.tsx";

// When Remix rebuilds the whole document (an error page after a client navigation), the inline
// brand style needs the page's CSP nonce again; browsers expose it only to script, so read it here.
const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <NonceProvider value={nonce}>
        <StringSourceContext.Provider value={browserStrings}>
          <RemixBrowser />
        </StringSourceContext.Provider>
      </NonceProvider>
    </StrictMode>,
  );
});
