import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { finishSignIn } from "../../../core/kernel/auth/login.ts";
import { completePasskeySignIn, passkeySignInOptions } from "../../../core/kernel/auth/passkeys.ts";
import {
  challengeCookie,
  challengeTokenOf,
  deviceTokenOf,
  passkeyCookieName,
  signedInHeaders,
} from "../cookies.ts";
import { originOf, relyingPartyOf, requireTenant } from "../auth.server.ts";
import { passkeySignInForm } from "../account-forms.server.ts";
import { readForm } from "../forms.server.ts";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PasskeySignIn } from "../components/PasskeySignIn.tsx";

export function loader({ context }: LoaderFunctionArgs) {
  requireTenant(context);
  if (context.auth) throw redirect("/");
  return null;
}

/**
 * Sign-in with a passkey, in two posts: the options (the challenge is kept in a cookie of its
 * own), then the browser's signed answer, which opens a two-step session.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const tenant = requireTenant(context);
  const identity = context.services.identityFor(tenant);
  const rp = relyingPartyOf(request, tenant);
  const form = await readForm(request, passkeySignInForm);
  // The browser's answer is nothing a person typed: one message, not one per field.
  if (!form.ok) return data({ error: "passkeys.refused" }, 400);
  if (form.data.intent === "options") {
    const { options, token } = await passkeySignInOptions(identity, rp);
    return data({ options }, { headers: { "Set-Cookie": challengeCookie(token, 300, passkeyCookieName) } });
  }
  const client = originOf(request);
  const token = challengeTokenOf(request, passkeyCookieName);
  const result = await completePasskeySignIn(identity, token, form.data.response, rp, client);
  if (!result.ok) return data({ error: "passkeys.refused" }, 401);
  const signedIn = await finishSignIn(
    identity,
    result.account,
    { ...client, deviceToken: deviceTokenOf(request) },
    "two-step",
    { method: "passkey" },
  );
  const headers = new Headers({ "Set-Cookie": challengeCookie("", 0, passkeyCookieName) });
  signedInHeaders(signedIn, identity.timeouts.absoluteHours * 3600, headers);
  return redirect(result.account.mustChangePassword ? "/account/password" : "/", { headers });
}

/** The page a refused passkey answer lands on without script; the button itself lives on the sign-in pages. */
export default function PasskeySignInPage() {
  const { t } = useTranslation();
  const answer = useActionData<typeof action>();
  const error = answer && "error" in answer ? answer.error : null;
  return (
    <section className="narrow">
      <h1>{t("passkeys.signIn")}</h1>
      {error ? (
        <p className="field__error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <PasskeySignIn />
      <p>
        <Link to="/login">{t("twoStep.startOver")}</Link>
      </p>
    </section>
  );
}
