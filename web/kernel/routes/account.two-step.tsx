import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { renderSVG } from "uqr";
import { groupedKey, otpauthUri } from "../../../core/kernel/auth/totp.ts";
import {
  confirmTotpEnrolment,
  removeTotp,
  renewRecoveryCodes,
  startTotpEnrolment,
} from "../../../core/kernel/auth/totp-enrolment.ts";
import { guard, originOf } from "../auth.server.ts";
import { twoStepSetupForm } from "../account-forms.server.ts";
import { readForm } from "../forms.server.ts";
import { Field, FormAlert } from "../components/Field.tsx";
import { passwordRefused } from "../reauth.server.ts";
import { dateTimeFormat } from "../i18n/format.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "account:manage-own", opensAt: "second-factor" } satisfies Access;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account, session } = guard({ context, request }, access);
  const identity = context.services.identityFor(tenant);
  const [{ confirmed, pending }, codesLeft] = await Promise.all([
    identity.factors.totpOf(account.id),
    identity.factors.recoveryCodesLeft(account.id),
  ]);
  const format = dateTimeFormat(context.language, account.timeZone);
  return {
    required: identity.secondFactorRequired(account) && session.strength !== "two-step",
    confirmedOn: confirmed?.confirmedAt ? format.format(new Date(confirmed.confirmedAt)) : null,
    codesLeft,
    // While setting up: the QR code and the same key written out, for whoever cannot scan.
    pending: pending
      ? {
          qr: renderSVG(otpauthUri(pending.secret, tenant.name, account.email), { border: 2 }),
          key: groupedKey(pending.secret),
        }
      : null,
  };
}

type Answer = {
  error?: string;
  field?: "password" | "code";
  intent?: string;
  recoveryCodes?: string[];
  done?: string;
};

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account, session } = guard({ context, request }, access);
  const identity = context.services.identityFor(tenant);
  const form = await readForm(request, twoStepSetupForm);
  const client = originOf(request);
  const refuse = (answer: Answer, status = 400) => data(answer, { status });
  if (!form.ok) {
    const { intent } = form.values;
    if (form.errors.password) return refuse({ error: form.errors.password, field: "password", intent });
    if (form.errors.code) return refuse({ error: form.errors.code, field: "code" });
    throw data(null, { status: 400 });
  }
  const input = form.data;
  const { intent } = input;
  if (input.intent === "confirm") {
    const result = await confirmTotpEnrolment(identity, account, session.id, input.code, client);
    if (result.ok) return data({ recoveryCodes: result.recoveryCodes, done: "enrolled" });
    if (result.reason === "expired") return redirect("/account/two-step");
    return refuse(
      {
        error: result.reason === "throttled" ? "twoStep.throttled" : "twoStep.enrolCodeWrong",
        field: "code",
      },
      result.reason === "throttled" ? 429 : 400,
    );
  }
  const { password } = input;
  if (intent === "start") {
    const result = await startTotpEnrolment(identity, account, password, client);
    return result.ok ? redirect("/account/two-step") : passwordRefused(result.reason, { intent });
  }
  if (intent === "renew-codes") {
    const result = await renewRecoveryCodes(identity, account, password, client);
    return result.ok
      ? data({ recoveryCodes: result.recoveryCodes, done: "renewed" })
      : passwordRefused(result.reason, { intent });
  }
  const result = await removeTotp(identity, account, session.id, password, client);
  if (result.ok) return redirect("/account?done=two-step-off");
  if (result.reason === "required") return refuse({ error: "twoStep.cannotRemove" });
  return passwordRefused(result.reason, { intent });
}

export default function TwoStepSettings() {
  const { t } = useTranslation();
  const { required, confirmedOn, codesLeft, pending } = useLoaderData<typeof loader>();
  const answer: Answer | undefined = useActionData<typeof action>();
  if (answer?.recoveryCodes) return <RecoveryCodes codes={answer.recoveryCodes} done={answer.done ?? ""} />;
  return (
    <section className="narrow">
      <h1>{t("twoStep.settingsTitle")}</h1>
      {required ? (
        <p className="notice" role="status">
          {t("twoStep.required")}
        </p>
      ) : null}
      <p className="lead">{t("twoStep.settingsIntro")}</p>
      {answer?.error && !answer.field ? (
        <FormAlert title={t("auth.errorSummary")} answer={answer}>
          <p>{t(answer.error)}</p>
        </FormAlert>
      ) : null}
      {pending ? (
        <Enrol pending={pending} answer={answer} />
      ) : confirmedOn ? (
        <>
          <p>
            <span className="badge">{t("twoStep.on")}</span> {t("twoStep.onSince", { when: confirmedOn })}
          </p>
          <p>{t("twoStep.codesLeft", { count: codesLeft })}</p>
          <PasswordForm intent="renew-codes" label={t("twoStep.renewCodes")} answer={answer} />
          <PasswordForm intent="start" label={t("twoStep.newQr")} answer={answer} />
          <PasswordForm intent="remove" label={t("twoStep.remove")} answer={answer} secondary />
        </>
      ) : (
        <PasswordForm intent="start" label={t("twoStep.start")} answer={answer} open />
      )}
      <p>
        <Link to="/account/passkeys">{t("passkeys.manage")}</Link>
      </p>
      <p>
        <Link to="/account">{t("twoStep.backToAccount")}</Link>
      </p>
    </section>
  );
}

/** Scan or type the key, then prove it with the first code. */
function Enrol({ pending, answer }: { pending: { qr: string; key: string }; answer: Answer | undefined }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h2 className="section-title">{t("twoStep.scanTitle")}</h2>
      <ol className="steps">
        <li>{t("twoStep.stepApp")}</li>
        <li>{t("twoStep.stepScan")}</li>
      </ol>
      <div
        className="qr"
        role="img"
        aria-label={t("twoStep.qrLabel")}
        dangerouslySetInnerHTML={{ __html: pending.qr }}
      />
      <p>{t("twoStep.keyIntro")}</p>
      <p className="secret-key" data-testid="totp-key">
        {pending.key}
      </p>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="confirm" />
        <Field
          key={JSON.stringify(answer ?? null) + String(busy)}
          name="code"
          label={t("twoStep.confirmCode")}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          error={answer?.field === "code" && answer.error ? t(answer.error) : undefined}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("twoStep.confirm")}
        </button>
      </Form>
    </>
  );
}

/** Every change to the second factor is confirmed with the password first (re-authentication). */
function PasswordForm({
  intent,
  label,
  answer,
  open = false,
  secondary = false,
}: {
  intent: string;
  label: string;
  answer: Answer | undefined;
  open?: boolean;
  secondary?: boolean;
}) {
  const { t } = useTranslation();
  const mine = answer?.field === "password" && answer.intent === intent;
  return (
    <details className="role-change" open={open || mine}>
      <summary>{label}</summary>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value={intent} />
        <Field
          name="password"
          id={`password-${intent}`}
          type="password"
          label={t("twoStep.confirmPassword")}
          autoComplete="current-password"
          required
          error={mine && answer?.error ? t(answer.error) : undefined}
        />
        <button type="submit" className={secondary ? "button button--secondary" : "button"}>
          {label}
        </button>
      </Form>
    </details>
  );
}

/** Shown once: after this page the codes exist only as hashes. */
function RecoveryCodes({ codes, done }: { codes: string[]; done: string }) {
  const { t } = useTranslation();
  return (
    <section className="narrow">
      <h1>{done === "enrolled" ? t("twoStep.enrolled") : t("twoStep.renewed")}</h1>
      <p className="lead">{t("twoStep.codesIntro")}</p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>{t("twoStep.codesOnce")}</p>
      <p>
        <Link to="/account" className="button">
          {t("twoStep.codesSaved")}
        </Link>
      </p>
    </section>
  );
}
