import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * How long a hold still lasts, counting down once the page's JavaScript runs; the page itself
 * already says until when. A timer role: screen readers do not read every second out.
 */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useTranslation();
  // Nothing before the page runs in the browser, so the server's and the browser's first
  // rendering agree.
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    const end = new Date(expiresAt).getTime();
    const tick = () => setLeft(Math.max(0, Math.round((end - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  if (left === null) return null;
  return (
    <p role="timer" className="hold__countdown">
      {left > 0
        ? t("booking.detail.countdown", {
            minutes: Math.floor(left / 60),
            seconds: String(left % 60).padStart(2, "0"),
          })
        : t("booking.detail.countdownOver")}
    </p>
  );
}
