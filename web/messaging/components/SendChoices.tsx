import { useEffect, type RefObject } from "react";
import { useTranslation } from "react-i18next";

/**
 * Whether the others get a mail about the message (never its content). Only staff choose: a
 * client's message always tells their care team, so clients are not asked.
 */
export function NotifyChoice({ staff, defaultChecked }: { staff: boolean; defaultChecked: boolean }) {
  const { t } = useTranslation();
  if (!staff) return <input type="hidden" name="notify" value="yes" />;
  return (
    <div className="field">
      <label className="choice">
        <input
          type="checkbox"
          name="notify"
          value="yes"
          defaultChecked={defaultChecked}
          aria-describedby="notify-hint"
        />
        {t("messaging.composer.notify")}
      </label>
      <p id="notify-hint" className="field__hint">
        {t("messaging.composer.notifyHint")}
      </p>
    </div>
  );
}

/** The keys that send from the text box, as chat apps do: Ctrl+Enter, or Cmd+Enter on a Mac. */
export const sendShortcut = "Control+Enter Meta+Enter";

/** Ctrl/Cmd+Enter in the form's text box presses its send button (`data-send`). */
export function useSendShortcut(form: RefObject<HTMLFormElement | null>): void {
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const pressed = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      if (!(event.target instanceof HTMLTextAreaElement)) return;
      const send = element.querySelector<HTMLButtonElement>("button[data-send]");
      if (!send) return;
      event.preventDefault();
      element.requestSubmit(send);
    };
    element.addEventListener("keydown", pressed);
    return () => element.removeEventListener("keydown", pressed);
  }, [form]);
}
