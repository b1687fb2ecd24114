import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../../core/kernel/auth/permissions.ts";
import { endOwnSession } from "../../../core/kernel/auth/sessions.ts";
import { guard, originOf } from "../auth.server.ts";
import { endSessionForm } from "../account-forms.server.ts";
import { readForm, throwIfUnknown } from "../forms.server.ts";
import { dateTimeFormat } from "../i18n/format.server.ts";
import { device } from "../device.server.ts";
import type { Access } from "../../../core/kernel/auth/access.ts";

export const access = { permission: "account:manage-own", opensAt: "organisation-choice" } satisfies Access;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { tenant, account, session } = guard({ context, request }, access);
  const identity = context.services.identityFor(tenant);
  const [sessions, recent, secondFactor] = await Promise.all([
    identity.sessions.listOf(account.id),
    identity.audit.search({ personId: account.id, area: "auth", limit: 50 }),
    identity.factors.hasSecondFactor(account.id),
  ]);
  // Times are shown in the person's own time zone, written out on the server.
  const format = dateTimeFormat(context.language, account.timeZone);
  return {
    secondFactor,
    // Clients see who else opened their data.
    ownDossier: hasPermission(account.role, "dossier:read-own"),
    // The last sign-ins to this account, failed ones included: a stranger's guesses show here, and
    // so does a wrong second-factor code, which means someone else knows the password.
    signIns: recent
      .filter((entry) => entry.action === "auth.login" || entry.action === "auth.second-factor")
      .slice(0, 10)
      .map((entry) => ({
        id: entry.id,
        when: format.format(new Date(entry.at)),
        succeeded: entry.result === "success",
        wrongCode: entry.action === "auth.second-factor",
        device: device(entry.userAgent ?? null),
        ipAddress: entry.ipAddress ?? null,
      })),
    sessions: sessions.map((each) => ({
      id: each.id,
      current: each.id === session.id,
      device: device(each.userAgent),
      lastSeen: format.format(new Date(each.lastSeenAt)),
      createdAt: format.format(new Date(each.createdAt)),
    })),
  };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const { tenant, account, session } = guard({ context, request }, access);
  const identity = context.services.identityFor(tenant);
  const form = await readForm(request, endSessionForm);
  throwIfUnknown(form, "session");
  if (!form.ok) throw data(null, { status: 400 });
  const client = originOf(request);
  if (form.data.intent === "end-others") {
    await identity.sessions.endAllOf(account.id, session.id);
    await identity.audit.record({
      action: "auth.sessions.end-others",
      result: "success",
      actorUserId: account.id,
      ...client,
    });
    return redirect("/account?ended=others");
  }
  const target = form.data.session;
  if (!target || !(await endOwnSession(identity.sessions, account.id, target)))
    throw data(null, { status: 404 });
  await identity.audit.record({
    action: "auth.session.end",
    result: "success",
    actorUserId: account.id,
    targetType: "session",
    targetId: target,
    ...client,
  });
  return redirect(target === session.id ? "/login" : "/account?ended=one");
}

export default function AccountSecurity() {
  const { t } = useTranslation();
  const { sessions, signIns, secondFactor, ownDossier } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const ended = searchParams.get("ended");
  return (
    <section className="narrow">
      <h1>{t("account.title")}</h1>
      <p className="lead">{t("account.intro")}</p>
      {ended ? (
        <p className="notice notice--success" role="status">
          {ended === "others" ? t("account.endedOthers") : t("account.ended")}
        </p>
      ) : null}
      {searchParams.get("done") === "two-step-off" ? (
        <p className="notice notice--success" role="status">
          {t("twoStep.turnedOff")}
        </p>
      ) : null}
      <h2 className="section-title">{t("account.passwordSection")}</h2>
      <p>
        <Link to="/account/password">{t("account.changePassword")}</Link>
      </p>
      <h2 className="section-title">{t("twoStep.section")}</h2>
      <p>{secondFactor ? t("twoStep.statusOn") : t("twoStep.statusOff")}</p>
      <p>
        <Link to="/account/two-step">{secondFactor ? t("twoStep.manage") : t("twoStep.start")}</Link>
      </p>
      <p>
        <Link to="/account/passkeys">{t("passkeys.manage")}</Link>
      </p>
      {ownDossier ? (
        <>
          <h2 className="section-title">{t("account.dossierAccessSection")}</h2>
          <p>
            <Link to="/account/dossier-access">{t("account.dossierAccessLink")}</Link>
          </p>
        </>
      ) : null}
      <h2 className="section-title">{t("account.sessionsSection")}</h2>
      <p>{t("account.sessionsIntro")}</p>
      <ul className="item-list">
        {sessions.map((session) => (
          <li key={session.id} className="item-list__item">
            <div>
              <p className="item-list__title">
                {session.device ? t("account.deviceOn", session.device) : t("account.unknownDevice")}
                {session.current ? <span className="badge">{t("account.thisDevice")}</span> : null}
              </p>
              <p className="item-list__meta">{t("account.lastActive", { when: session.lastSeen })}</p>
              <p className="item-list__meta">{t("account.signedInAt", { when: session.createdAt })}</p>
            </div>
            <Form method="post">
              <input type="hidden" name="session" value={session.id} />
              <button type="submit" className="button button--secondary">
                {t("account.endSession")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      {sessions.length > 1 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end-others" />
          <button type="submit" className="button">
            {t("account.endOthers")}
          </button>
        </Form>
      ) : null}
      <h2 className="section-title">{t("account.signInsSection")}</h2>
      <ul className="item-list">
        {signIns.map((signIn) => (
          <li key={signIn.id} className="item-list__item">
            <div>
              <p className="item-list__title">
                {signIn.device ? t("account.deviceOn", signIn.device) : t("account.unknownDevice")}
                <span className="badge">
                  {signIn.succeeded
                    ? t("account.signInOk")
                    : signIn.wrongCode
                      ? t("twoStep.codeFailed")
                      : t("account.signInFailed")}
                </span>
              </p>
              <p className="item-list__meta">
                {signIn.when}
                {signIn.ipAddress ? ` · ${signIn.ipAddress}` : ""}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
