import { useFetcher } from "@remix-run/react";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useOnceFor } from "./useOnceFor.ts";

type Answer = { options?: PublicKeyCredentialRequestOptionsJSON; error?: string };

/**
 * "Sign in with a passkey": the browser offers the passkeys it has for this portal, so no e-mail
 * address is typed. The WebAuthn helper is loaded only when the button is used.
 */
export function PasskeySignIn() {
  const { t } = useTranslation();
  const fetcher = useFetcher<Answer>();
  const [failed, setFailed] = useState<string | null>(null);
  const options = fetcher.state === "idle" ? fetcher.data?.options : undefined;

  useOnceFor(options, (optionsJSON) => {
    void (async () => {
      const { startAuthentication } = await import("@simplewebauthn/browser");
      try {
        const response = await startAuthentication({ optionsJSON });
        fetcher.submit(
          { intent: "verify", response: JSON.stringify(response) },
          { method: "post", action: "/login/passkey" },
        );
      } catch {
        setFailed("passkeys.cancelled");
      }
    })();
  });

  const error = failed ?? fetcher.data?.error ?? null;
  return (
    <div className="passkey-sign-in">
      <fetcher.Form method="post" action="/login/passkey" onSubmit={() => setFailed(null)}>
        <input type="hidden" name="intent" value="options" />
        <button type="submit" className="button button--secondary" disabled={fetcher.state !== "idle"}>
          {t("passkeys.signIn")}
        </button>
      </fetcher.Form>
      {error ? (
        <p className="field__error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
