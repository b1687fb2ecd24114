import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { Message } from "../../../core/messaging/ports.ts";
import { useLiveConversation, type LiveConversation as Live } from "./useLiveConversation.ts";

export { default as liveConversationStyles } from "./chat.css?url";

type Props = {
  conversationId: string;
  /** The sequence of the newest message the page shows; what comes later appears here. */
  after: number;
  /** The viewer's time zone, for the times of new messages. */
  timeZone: string;
  /** The id of the page's message box: typing there is shown to the others. */
  composerId: string;
};

/**
 * What makes a conversation page live (ADR 0016), placed under the page's own list of messages:
 * messages that come in appear without a reload, in the page's own bubbles, with who is here, who
 * is typing, and whether the others received and read what the viewer sent. Sending stays the
 * page's form. Without JavaScript nothing of this is rendered and the page works as before. When
 * the tab is in the background, a desktop notification says that a message came, never what it says.
 */
export function LiveConversation({ conversationId, after, timeZone, composerId }: Props) {
  const { t, i18n } = useTranslation();
  const notifications = useDesktopNotifications();
  const live = useLiveConversation({
    conversationId,
    after,
    composerId,
    onIncoming: (message) =>
      notifications.show(t("chat.notificationTitle", { name: message.senderName }), conversationId),
  });
  const time = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone }),
    [i18n.language, timeZone],
  );
  // Until the browser has spoken to the room there is nothing live to show (and without JavaScript never).
  if (!live.you) return null;
  const viewerId = live.you.accountId;
  const others = live.online.filter((person) => person.accountId !== viewerId);
  const clients = new Set(
    live.participants.filter((person) => person.role === "client").map((p) => p.accountId),
  );

  return (
    <section className="live-chat" aria-label={t("chat.title")}>
      {live.messages.length > 0 ? (
        <ol className="thread" aria-label={t("chat.messages")}>
          {live.messages.map((message) => (
            <li
              key={message.id}
              id={`message-${message.seq}`}
              className={`bubble ${clients.has(message.senderUserId) ? "bubble--client" : "bubble--coach"}`}
            >
              <p className="bubble__meta">
                {message.senderUserId === viewerId ? t("chat.you") : message.senderName} ·{" "}
                <time dateTime={message.sentAt}>{time.format(new Date(message.sentAt))}</time>
              </p>
              <p className="bubble__body">{message.body}</p>
              {message.senderUserId === viewerId ? (
                <p className="bubble__receipt">{receiptOf(message, live, viewerId, t)}</p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      <p className="live-chat__typing" aria-live="polite">
        {live.typing.length > 0
          ? t("chat.typing", { names: live.typing.map((person) => person.displayName).join(", ") })
          : null}
      </p>
      <p className="live-chat__status" role="status">
        <span className={`live-chat__dot live-chat__dot--${live.status}`} aria-hidden="true" />
        {live.status !== "open"
          ? t("chat.offline")
          : others.length > 0
            ? t("chat.online", { names: others.map((person) => person.displayName).join(", ") })
            : t("chat.onlineNobody")}
      </p>
      {notifications.canAsk ? (
        <button type="button" className="button button--secondary" onClick={notifications.ask}>
          {t("chat.notifyAsk")}
        </button>
      ) : null}
    </section>
  );
}

function receiptOf(message: Message, live: Live, viewerId: string, t: (key: string) => string): string {
  const others = Object.values(live.receipts).filter((receipt) => receipt.accountId !== viewerId);
  if (others.some((receipt) => receipt.read >= message.seq)) return t("chat.read");
  if (others.some((receipt) => receipt.delivered >= message.seq)) return t("chat.delivered");
  return t("chat.sent");
}

/** Desktop notifications: asked for only after a click, shown only while the tab is in the background. */
function useDesktopNotifications() {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<NotificationPermission | null>(null);
  const known = useSyncExternalStore(
    noSubscription,
    () => ("Notification" in window ? Notification.permission : "unsupported"),
    () => "unsupported",
  );
  const permission = answer ?? known;
  const ask = useCallback(async () => setAnswer(await Notification.requestPermission()), []);
  const show = useCallback(
    (title: string, tag: string) => {
      if (permission !== "granted" || document.visibilityState === "visible") return;
      new Notification(title, { body: t("chat.notificationBody"), tag });
    },
    [permission, t],
  );
  return { canAsk: permission === "default", ask, show };
}

const noSubscription = () => () => undefined;
