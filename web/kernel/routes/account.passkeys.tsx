import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { addPasskey, passkeyCreationOptions, removePasskey } from "../../../core/kernel/auth/passkeys.ts";
import { challengeCookie, challengeTokenOf, passkeyCookieName } from "../cookies.ts";
import { passkeysForm } from "../account-forms.server.ts";
import { guard, originOf, relyingPartyOf } from "../auth.server.ts";
import { Field } from "../components/Field.tsx";
import { useOnceFor } from "../components/useOnceFor.ts";
import { device } from "../device.server.ts";
import { readForm, throwIfUnknown } from "../forms.server.ts";
import { dateTimeFormat } from "../i18n/format.server.ts";
import { passwordRefused } from "../reauth.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "account:manage-own", opensAt: "second-factor" } satisfies Access;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account } = guard({ context, request }, access);
  const identity = context.services.identityFor(tenant);
  const format = dateTimeFormat(context.language, account.timeZone);
  const here = device(request.headers.get("user-agent"));
  return {
    suggestedName: here ? `${here.browser} · ${here.os}` : "",
    passkeys: (await identity.passkeys.listOf(account.id)).map((passkey) => ({
      id: passkey.id,
      name: passkey.name,
      synced: passkey.backedUp,
      createdAt: format.format(new Date(passkey.createdAt)),
      lastUsedAt: passkey.lastUsedAt ? format.format(new Date(passkey.lastUsedAt)) : null,
    })),
  };
}

type Answer = {
  options?: PublicKeyCredentialCreationOptionsJSON;
  error?: string;
  field?: "password" | "name";
  passkey?: string;
  /** The name as typed in a refused form (a password is not sent back). */
  values?: { name?: string };
};

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account, session } = guard({ context, request }, access);
  const identity = context.services.identityFor(tenant);
  const form = await readForm(request, passkeysForm);
  const client = originOf(request);
  const rp = relyingPartyOf(request, tenant);
  const refuse = (answer: Answer, status = 400) => data<Answer>(answer, status);

  // A passkey of someone else, or none: not found, as when it is gone by the time it is used.
  throwIfUnknown(form, "passkey");
  if (!form.ok) {
    if ("intent" in form.errors) throw data(null, { status: 400 });
    // One message at a time, at its field; a broken browser answer has no field of its own.
    const field = (["name", "password"] as const).find((name) => name in form.errors);
    return refuse({
      error: field ? form.errors[field] : "passkeys.refused",
      field,
      passkey: form.values.passkey,
      values: { name: form.values.name },
    });
  }
  const input = form.data;
  if (input.intent === "options") {
    const result = await passkeyCreationOptions(identity, account, input.password, rp, client);
    if (!result.ok) return passwordRefused(result.reason);
    return data<Answer>(
      { options: result.options },
      { headers: { "Set-Cookie": challengeCookie(result.token, 300, passkeyCookieName) } },
    );
  }
  if (input.intent === "register") {
    const token = challengeTokenOf(request, passkeyCookieName);
    const result = await addPasskey(
      identity,
      account,
      session.id,
      token,
      input.response,
      input.name,
      rp,
      client,
    );
    if (!result.ok)
      return refuse({ error: result.reason === "expired" ? "passkeys.expired" : "passkeys.refused" });
    return redirect("/account/passkeys?done=added", {
      headers: { "Set-Cookie": challengeCookie("", 0, passkeyCookieName) },
    });
  }
  if (input.intent === "rename") {
    if (!(await identity.passkeys.rename(account.id, input.passkey, input.name))) {
      throw data(null, { status: 404 });
    }
    return redirect("/account/passkeys?done=renamed");
  }
  const result = await removePasskey(identity, account, session.id, input.passkey, input.password, client);
  if (result.ok) return redirect("/account/passkeys?done=removed");
  if (result.reason === "notFound") throw data(null, { status: 404 });
  if (result.reason === "required") return refuse({ error: "passkeys.lastRequired", passkey: input.passkey });
  return passwordRefused(result.reason, { passkey: input.passkey });
}

export default function Passkeys() {
  const { t } = useTranslation();
  const { passkeys, suggestedName } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const [searchParams] = useSearchParams();
  const done = answer ? null : searchParams.get("done");
  return (
    <section className="narrow">
      <h1>{t("passkeys.title")}</h1>
      <p className="lead">{t("passkeys.intro")}</p>
      {done ? (
        <p className="notice notice--success" role="status">
          {t(`passkeys.done.${done}`)}
        </p>
      ) : null}
      {passkeys.length === 0 ? <p>{t("passkeys.none")}</p> : null}
      <ul className="item-list">
        {passkeys.map((passkey) => {
          const mine = answer?.passkey === passkey.id ? answer : undefined;
          return (
            <li key={passkey.id} className="item-list__item">
              <div>
                <p className="item-list__title">
                  {passkey.name}
                  {passkey.synced ? <span className="badge">{t("passkeys.synced")}</span> : null}
                </p>
                <p className="item-list__meta">{t("passkeys.addedOn", { when: passkey.createdAt })}</p>
                <p className="item-list__meta">
                  {passkey.lastUsedAt
                    ? t("passkeys.lastUsed", { when: passkey.lastUsedAt })
                    : t("passkeys.neverUsed")}
                </p>
                {mine?.error && !mine.field ? (
                  <p className="field__error" role="alert">
                    {t(mine.error)}
                  </p>
                ) : null}
              </div>
              <details className="role-change" open={Boolean(mine?.field === "name")}>
                <summary>{t("passkeys.rename")}</summary>
                <Form method="post" className="form">
                  <input type="hidden" name="passkey" value={passkey.id} />
                  <Field
                    id={`name-${passkey.id}`}
                    name="name"
                    label={t("passkeys.name")}
                    defaultValue={mine?.values?.name ?? passkey.name}
                    maxLength={60}
                    required
                    error={mine?.field === "name" && mine.error ? t(mine.error) : undefined}
                  />
                  <button type="submit" name="intent" value="rename" className="button button--secondary">
                    {t("passkeys.saveName")}
                  </button>
                </Form>
              </details>
              <details className="role-change" open={Boolean(mine?.field === "password")}>
                <summary>{t("passkeys.remove")}</summary>
                <Form method="post" className="form">
                  <input type="hidden" name="passkey" value={passkey.id} />
                  <Field
                    id={`password-${passkey.id}`}
                    name="password"
                    type="password"
                    label={t("twoStep.confirmPassword")}
                    autoComplete="current-password"
                    required
                    error={mine?.field === "password" && mine.error ? t(mine.error) : undefined}
                  />
                  <button type="submit" name="intent" value="remove" className="button button--secondary">
                    {t("passkeys.remove")}
                  </button>
                </Form>
              </details>
            </li>
          );
        })}
      </ul>
      {/* A fresh form after each added passkey: the typed password does not stay behind. */}
      <AddPasskey key={passkeys.length} suggestedName={suggestedName} />
      <p>
        <Link to="/account">{t("twoStep.backToAccount")}</Link>
      </p>
    </section>
  );
}

/**
 * Adding a passkey: the password first (re-authentication), then the browser's own dialog, then
 * the answer goes back to be verified. The WebAuthn helper loads only when it is needed.
 */
function AddPasskey({ suggestedName }: { suggestedName: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<Answer>();
  const [name, setName] = useState(suggestedName);
  const [failed, setFailed] = useState<string | null>(null);
  const options = fetcher.state === "idle" ? fetcher.data?.options : undefined;

  useOnceFor(options, (optionsJSON) => {
    void (async () => {
      const { startRegistration } = await import("@simplewebauthn/browser");
      try {
        const response = await startRegistration({ optionsJSON });
        fetcher.submit({ intent: "register", name, response: JSON.stringify(response) }, { method: "post" });
      } catch {
        setFailed("passkeys.cancelled");
      }
    })();
  });

  const answer = fetcher.data;
  const fieldError = (field: "password" | "name") =>
    answer?.field === field && answer.error && !answer.passkey ? t(answer.error) : undefined;
  const formError = failed ?? (answer?.error && !answer.field ? answer.error : null);
  return (
    <>
      <h2 className="section-title">{t("passkeys.add")}</h2>
      <p>{t("passkeys.addIntro")}</p>
      <fetcher.Form method="post" className="form" noValidate onSubmit={() => setFailed(null)}>
        <input type="hidden" name="intent" value="options" />
        <Field
          id="new-passkey-name"
          name="name"
          label={t("passkeys.name")}
          hint={t("passkeys.nameHint")}
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={60}
          required
          error={fieldError("name")}
        />
        <Field
          id="new-passkey-password"
          name="password"
          type="password"
          label={t("twoStep.confirmPassword")}
          autoComplete="current-password"
          required
          error={fieldError("password")}
        />
        {formError ? (
          <p className="field__error" role="alert">
            {t(formError)}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          {t("passkeys.addButton")}
        </button>
      </fetcher.Form>
    </>
  );
}
