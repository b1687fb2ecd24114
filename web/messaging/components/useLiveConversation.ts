import PartySocket from "partysocket";
import { useEffect, useRef, useState } from "react";
import { keepalive } from "../../../core/messaging/chat-keepalive.ts";
import type {
  ChatPerson,
  ChatReceipt,
  ClientFrame,
  ServerFrame,
} from "../../../core/messaging/chat-protocol.ts";
import type { Message } from "../../../core/messaging/ports.ts";

export type LiveStatus = "connecting" | "open" | "closed";

export type LiveConversation = {
  status: LiveStatus;
  you: ChatPerson | null;
  participants: ChatPerson[];
  /** Messages that came in after the page's newest (`after`), by sequence, each once. */
  messages: Message[];
  online: ChatPerson[];
  typing: ChatPerson[];
  receipts: Record<string, ChatReceipt>;
};

const typingShownMillis = 6_000;
const typingSentEveryMillis = 3_000;
const keepaliveMillis = 30_000;
/** The room shows receipts once a second (worker/messaging/chat/chat-room.ts); sooner would change nothing. */
const receiptDelayMillis = 1_000;

/**
 * The browser's side of a live conversation (ADR 0016): a reconnecting socket to
 * `/chat/<conversation>` that asks, on every (re)connect, for what came after the newest message
 * it has, and again after a gap. Messages are kept by id, so a second announcement shows once;
 * those the page itself shows (up to `after`, which grows when the page reloads its data after
 * its own form was sent) are left to the page. Typing in the page's composer (`composerId`) is
 * passed on.
 */
export function useLiveConversation(options: {
  conversationId: string;
  after: number;
  composerId: string;
  onIncoming?(message: Message): void;
}): LiveConversation {
  const { conversationId, after, composerId } = options;
  const [arrived, setArrived] = useState<Message[]>([]);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [you, setYou] = useState<ChatPerson | null>(null);
  const [participants, setParticipants] = useState<ChatPerson[]>([]);
  const [online, setOnline] = useState<ChatPerson[]>([]);
  const [typing, setTyping] = useState<{ person: ChatPerson; until: number }[]>([]);
  const [receipts, setReceipts] = useState<Record<string, ChatReceipt>>({});
  const newest = useRef(after);
  const onIncoming = useRef(options.onIncoming);
  useEffect(() => {
    onIncoming.current = options.onIncoming;
  });
  useEffect(() => {
    newest.current = Math.max(newest.current, after);
  }, [after]);

  useEffect(() => {
    const socket = new PartySocket({
      host: window.location.host,
      protocol: window.location.protocol === "https:" ? "wss" : "ws",
      basePath: `chat/${encodeURIComponent(conversationId)}`,
      query: () => ({ after: String(newest.current) }),
      maxEnqueuedMessages: 0,
    });
    let self: string | null = null;
    const send = (frame: ClientFrame) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    };
    // Receipts go at most once a second, for the newest message: a busy room stays within the frame limit.
    let receiptTimer: ReturnType<typeof setTimeout> | undefined;
    const acknowledge = () => {
      receiptTimer ??= setTimeout(() => {
        receiptTimer = undefined;
        // Read says delivered too: a page in view sends one frame, not two.
        const type = document.visibilityState === "visible" ? "read" : "delivered";
        send({ type, sequence: newest.current });
      }, receiptDelayMillis);
    };
    const take = (incoming: Message[]) => {
      if (incoming.length === 0) return;
      const before = newest.current;
      setArrived((known) => merge(known, incoming));
      // Whoever just sent has stopped typing.
      const senders = new Set(incoming.map((message) => message.senderUserId));
      setTyping((now) => now.filter((entry) => !senders.has(entry.person.accountId)));
      for (const message of incoming)
        if (message.seq > before && message.senderUserId !== self) onIncoming.current?.(message);
      newest.current = Math.max(before, ...incoming.map((message) => message.seq));
      // Something between what we had and what came in went missing: ask for it.
      if (Math.min(...incoming.map((message) => message.seq)) > before + 1)
        send({ type: "sync", after: before });
      acknowledge();
    };
    const onMessage = (event: MessageEvent) => {
      if (event.data === keepalive.pong) return;
      const frame = JSON.parse(String(event.data)) as ServerFrame;
      switch (frame.type) {
        case "welcome":
          self = frame.you.accountId;
          setYou(frame.you);
          setParticipants(frame.participants);
          setOnline(frame.online);
          setReceipts(Object.fromEntries(frame.receipts.map((receipt) => [receipt.accountId, receipt])));
          return take(frame.messages);
        case "message":
          return take([frame.message]);
        case "history":
          return take(frame.messages);
        case "presence":
          return setOnline(frame.online);
        case "typing":
          return setTyping((now) => [
            ...now.filter((entry) => entry.person.accountId !== frame.person.accountId),
            ...(frame.active ? [{ person: frame.person, until: Date.now() + typingShownMillis }] : []),
          ]);
        case "receipt":
          return setReceipts((now) => ({ ...now, [frame.receipt.accountId]: frame.receipt }));
        case "refused":
          // Only typing and receipts are sent from here; a refused one is simply not repeated.
          return;
        default:
          return frame satisfies never;
      }
    };
    let lastTyping = 0;
    const onInput = (event: Event) => {
      if ((event.target as HTMLElement | null)?.id !== composerId) return;
      if (Date.now() - lastTyping < typingSentEveryMillis) return;
      lastTyping = Date.now();
      send({ type: "typing", active: true });
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") acknowledge();
    };
    socket.addEventListener("open", () => setStatus("open"));
    socket.addEventListener("close", () => setStatus("closed"));
    socket.addEventListener("message", onMessage);
    document.addEventListener("visibilitychange", onVisible);
    document.addEventListener("input", onInput);
    const beat = setInterval(
      () => socket.readyState === socket.OPEN && socket.send(keepalive.ping),
      keepaliveMillis,
    );
    const expire = setInterval(
      () =>
        setTyping((now) =>
          now.some((entry) => entry.until < Date.now())
            ? now.filter((entry) => entry.until >= Date.now())
            : now,
        ),
      1_000,
    );
    return () => {
      clearInterval(beat);
      clearInterval(expire);
      clearTimeout(receiptTimer);
      document.removeEventListener("visibilitychange", onVisible);
      document.removeEventListener("input", onInput);
      socket.close();
    };
  }, [conversationId, composerId]);

  return {
    status,
    you,
    participants,
    messages: arrived.filter((message) => message.seq > after),
    online,
    typing: typing.map((entry) => entry.person),
    receipts,
  };
}

function merge(known: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(known.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}
