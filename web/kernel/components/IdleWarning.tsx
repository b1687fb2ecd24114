import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { keepUnsavedText, restoreUnsavedText } from "./unsaved-text.ts";

/** Minutes of warning before the tenant's inactivity timeout signs the person out (seed 000). */
const warnMinutes = 2;

/**
 * Warns before the inactivity timeout ends the session, and offers to stay. Every page the
 * person opens counts as activity on the server; so does "stay signed in". When time runs out,
 * what was typed in this page's forms is kept in this tab and put back after signing in again.
 */
export function IdleWarning({ idleMinutes }: { idleMinutes: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  // Each page opened and each "stay signed in" starts the count again.
  const [stays, setStays] = useState(0);
  const contact = `${location.key}/${stays}`;
  const [warnedFor, setWarnedFor] = useState<string | null>(null);
  const warning = warnedFor === contact;
  const [restored, setRestored] = useState(false);
  const stay = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // After the page's fields are drawn.
    const frame = requestAnimationFrame(() => setRestored(restoreUnsavedText(location.pathname)));
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);
  useEffect(() => {
    const idleMillis = idleMinutes * 60_000;
    const warnTimer = setTimeout(() => setWarnedFor(contact), idleMillis - warnMinutes * 60_000);
    // A moment after the server's own timeout: if another tab kept the session alive, the
    // sign-in page sends the person straight back here.
    const endTimer = setTimeout(() => {
      keepUnsavedText(location.pathname);
      const returnTo = encodeURIComponent(location.pathname + location.search);
      window.location.assign(`/login?idle=1&returnTo=${returnTo}`);
    }, idleMillis + 2_000);
    return () => {
      clearTimeout(warnTimer);
      clearTimeout(endTimer);
    };
  }, [contact, idleMinutes, location.pathname, location.search]);
  useEffect(() => {
    if (warning) stay.current?.focus();
  }, [warning]);

  async function stayActive() {
    const answer = await fetch("/session/keepalive", { method: "POST" });
    if (answer.ok) setStays((count) => count + 1);
  }

  return (
    <>
      {restored ? (
        <p className="notice notice--success" role="status">
          {t("idle.restored")}
        </p>
      ) : null}
      {warning ? (
        <div className="idle-warning" role="alertdialog" aria-labelledby="idle-warning-text">
          <p id="idle-warning-text">{t("idle.warning", { minutes: warnMinutes })}</p>
          <button ref={stay} type="button" className="button" onClick={() => void stayActive()}>
            {t("idle.stay")}
          </button>
        </div>
      ) : null}
    </>
  );
}
