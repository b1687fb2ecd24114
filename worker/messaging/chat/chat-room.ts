import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import {
  clientFrame,
  keepalive,
  maxFrameCharacters,
  type ChatPerson,
  type ChatReceipt,
  type ClientFrame,
  type RefusalReason,
  type ServerFrame,
} from "../../../core/messaging/chat-protocol.ts";
import { takeToken, type BucketRule, type BucketState } from "../../../core/kernel/platform/token-bucket.ts";
import type { Message, NewMessage, Participant, Published } from "../../../core/messaging/ports.ts";
import type { Env } from "../../env.ts";
import { roomBackend, type RoomBackend } from "./room-backend.ts";
import { MessageLog } from "./message-log.ts";
import { readMember, type RoomAddress } from "./room-address.ts";

/** Frames one connection may send: a burst of 20, then 5 a second (typing, receipts and messages). */
const frameRule: BucketRule = { capacity: 20, refillPerSecond: 5 };

/**
 * Receipts are written and shown together once a second. Every open tab in a busy room sends one
 * a second, and each one written at once was a write to the cell and a frame to everyone (more
 * frames than the messages themselves); a second later is soon enough to see "read".
 */
const receiptMillis = 1_000;

/**
 * A room that sent messages on writes them to the cell at once (worker/messaging/chat/room-writer.ts); an
 * alarm this long after the first of them makes sure a room that stopped before writing them
 * starts again and writes them, and a write that failed is tried again after `retryMillis`.
 */
const safetyMillis = 10_000;
const retryMillis = 2_000;

/**
 * One live conversation (ADR 0016): a partyserver `Server` named "<tenant>:<conversation>" with
 * hibernating websockets. The Worker lets a connection in only after it checked who the person is
 * and that they take part (worker/messaging/chat/route.ts); the person arrives in a header the Worker sets
 * and is kept as the connection's state, so it survives hibernation. Messages go through the
 * messaging core, whichever door they come in by; the room is the one writer of its conversation:
 * it numbers each message, keeps it in its own log and sends it on, and writes it to the tenant's
 * cell right after (worker/messaging/chat/room-writer.ts), so history survives eviction and the page shows
 * the same conversation. What else the room keeps is small: where its conversation lives and how
 * far each participant has received it; in memory, a copy of the conversation and its
 * participants (worker/messaging/chat/known-conversation.ts), so a frame costs no read.
 */
// partyserver asks for the global `Cloudflare.Env`; the Worker's own `Env` is what the room uses.
export class ChatRoom extends Server<Env & Cloudflare.Env> {
  static override options = { hibernate: true };

  #address: RoomAddress | null = null;
  #delivered = new Map<string, number>();
  #awakeSince = new Date().toISOString();
  /** Per connection, in memory only: a room that hibernated was quiet, so every bucket is full again. */
  #buckets = new Map<WebSocket, BucketState>();
  #backend: RoomBackend | null = null;
  /** Receipts not yet written: read positions per person, and who received something new. */
  #reads = new Map<string, { person: ChatPerson; sequence: number }>();
  #received = new Set<string>();
  #receiptTimer: ReturnType<typeof setTimeout> | undefined;
  /** The receipt each person's last broadcast showed, so an unchanged one is not sent again. */
  #shown = new Map<string, string>();
  /**
   * The open connections (partyserver's connection is the socket itself) and who they are.
   * partyserver reads a socket's attachment again for every frame it receives and for every
   * socket on every pass over them; with a broadcast per message and the question who is online
   * per message, that was the costliest step of a message.
   */
  #present = new Map<WebSocket, ChatPerson>();
  /** The numbers this room gave, and what it sent on but has not written to the cell yet. */
  readonly messageLog = new MessageLog(this.ctx.storage.sql);
  #alarmSet = false;

  override async onStart() {
    // Runs after every wake-up: the in-memory state comes back from storage.
    this.#awakeSince = new Date().toISOString();
    this.#address = (await this.ctx.storage.get<RoomAddress>("address")) ?? null;
    this.#delivered = new Map(
      Object.entries((await this.ctx.storage.get<Record<string, number>>("delivered")) ?? {}),
    );
    // Keepalives from browsers are answered by the runtime without waking the room.
    this.ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(keepalive.ping, keepalive.pong));
    // Connections that stayed open while the room hibernated: who they are is in their attachment.
    for (const connection of this.getConnections<ChatPerson>()) {
      const person = connection.state;
      if (person) this.#present.set(connection, person);
    }
    if (this.#address && this.#backendOf().hasUnwritten) this.#writeUnwritten();
  }

  override onAlarm() {
    this.#alarmSet = false;
    if (this.#address) this.#writeUnwritten();
  }

  /**
   * A message sent through a page or the API (worker/messaging/chat/room-written-store.ts), in one
   * call: the room numbers it after everything it sent on, writes it to the cell and sends it on
   * to everyone connected, so it is in the cell and announced when this returns. A resend writes
   * nothing and is not sent on again.
   */
  async publish(address: RoomAddress, draft: NewMessage): Promise<Published | null> {
    await this.#settle(address);
    const stored = await this.#backendOf().writeNow(draft);
    if (stored?.created) this.#announce(stored.message);
    return stored;
  }

  /** Writing what was sent on failed; the log keeps it, and the alarm tries again. */
  #writeFailed(error: unknown) {
    console.error("Messages sent on in a live conversation could not be written yet", error);
    this.#alarmSet = true;
    this.ctx.storage.setAlarm(Date.now() + retryMillis).catch(() => undefined);
  }

  #writeUnwritten() {
    this.#backendOf()
      .writeUnwritten()
      .catch((error: unknown) => this.#writeFailed(error));
  }

  /** The room learns where its conversation lives from whoever comes first, a person or a page. */
  async #settle(address: RoomAddress) {
    if (this.#address) return;
    this.#address = address;
    await this.ctx.storage.put("address", address);
  }

  override async onConnect(connection: Connection<ChatPerson>, { request }: ConnectionContext) {
    const member = readMember(request);
    if (!member) return connection.close(1008, "not admitted");
    await this.#settle(member.address);
    // The new connection has no state yet, so this is who was here before it.
    const wasOnline = this.#online().some((person) => person.accountId === member.person.accountId);
    connection.setState(member.person);
    this.#present.set(connection, member.person);
    const backend = this.#backendOf();
    // Whoever connects sees who takes part as the cell has it now.
    const [messages, participants] = await Promise.all([
      backend.history(member.person, member.after),
      backend.participants(true),
    ]);
    this.#send(connection, {
      type: "welcome",
      you: member.person,
      participants: participants.map(({ userId, displayName, role }) => ({
        accountId: userId,
        displayName,
        role,
      })),
      online: this.#online(),
      messages,
      receipts: this.#receiptsOf(participants),
      awakeSince: this.#awakeSince,
    });
    if (!wasOnline) this.#broadcast({ type: "presence", online: this.#online() }, connection);
  }

  /** A frame of a connection the room knows goes straight to `onMessage`; any other through partyserver. */
  override async webSocketMessage(socket: WebSocket, raw: WSMessage) {
    // After a wake-up the room learns its connections in `onStart`, which partyserver runs first.
    if (!this.#present.has(socket)) return super.webSocketMessage(socket, raw);
    await this.onMessage(socket as Connection<ChatPerson>, raw);
  }

  override async onMessage(connection: Connection<ChatPerson>, raw: WSMessage) {
    const person = this.#present.get(connection);
    if (!person) return;
    const frame = parseFrame(raw);
    if (!frame) return this.#refuse(connection, "invalid", null);
    const { state, decision } = takeToken(this.#buckets.get(connection), frameRule, Date.now());
    this.#buckets.set(connection, state);
    if (!decision.allowed)
      return this.#refuse(connection, "rateLimited", frame.type === "send" ? frame.clientMessageId : null);
    await this.#handle(connection, { ...person }, frame);
  }

  async #handle(connection: Connection<ChatPerson>, person: ChatPerson, frame: ClientFrame) {
    switch (frame.type) {
      case "send": {
        const backend = this.#backendOf();
        const online = new Set([...this.#present.values()].map((one) => one.accountId));
        const everyoneHere = (await backend.participants()).every((one) => online.has(one.userId));
        const outcome = await backend.publish(person, frame.clientMessageId, frame.body, !everyoneHere);
        if (!outcome.ok) return this.#refuse(connection, outcome.reason, frame.clientMessageId);
        if (!this.#alarmSet) {
          this.#alarmSet = true;
          await this.ctx.storage.setAlarm(Date.now() + safetyMillis);
        }
        // A resend of a stored message goes back to the sender only; the others have it already.
        if (!outcome.created) this.#send(connection, { type: "message", message: outcome.message });
        return;
      }
      case "typing":
        return this.#broadcast({ type: "typing", person, active: frame.active }, connection);
      case "delivered":
        await this.#receive(person, frame.sequence);
        return this.#queueReceipts();
      case "read": {
        // What someone read reached them: a page in view sends this frame alone.
        await this.#receive(person, frame.sequence);
        const waiting = this.#reads.get(person.accountId)?.sequence ?? 0;
        this.#reads.set(person.accountId, { person, sequence: Math.max(waiting, frame.sequence) });
        return this.#queueReceipts();
      }
      case "sync": {
        const messages = await this.#backendOf().history(person, frame.after);
        return this.#send(connection, { type: "history", messages, awakeSince: this.#awakeSince });
      }
      default:
        return frame satisfies never;
    }
  }

  override onClose(connection: Connection<ChatPerson>) {
    this.#buckets.delete(connection);
    const person = this.#present.get(connection);
    this.#present.delete(connection);
    if (!person) return;
    const stillHere = [...this.#present.values()].some((other) => other.accountId === person.accountId);
    if (!stillHere) this.#broadcast({ type: "presence", online: this.#online() });
  }

  override onError(connection: Connection<ChatPerson>) {
    this.onClose(connection);
  }

  /** A message stored through a page or the API, or by this room: everyone connected gets it. */
  #announce(message: Message) {
    this.#backend?.stored(message);
    this.#broadcast({ type: "message", message });
  }

  #online(): ChatPerson[] {
    const people = new Map<string, ChatPerson>();
    for (const person of this.#present.values()) people.set(person.accountId, { ...person });
    return [...people.values()];
  }

  /** Received up to here; never past the newest message. */
  async #receive(person: ChatPerson, sequence: number) {
    const upTo = Math.min(sequence, await this.#backendOf().newest());
    if (upTo <= (this.#delivered.get(person.accountId) ?? 0)) return;
    this.#delivered.set(person.accountId, upTo);
    this.#received.add(person.accountId);
  }

  #receiptsOf(participants: Participant[]): ChatReceipt[] {
    return participants.map((participant) => ({
      accountId: participant.userId,
      read: participant.readSeq,
      delivered: Math.max(participant.readSeq, this.#delivered.get(participant.userId) ?? 0),
    }));
  }

  #queueReceipts() {
    if (this.#receiptTimer !== undefined) return;
    this.#receiptTimer = setTimeout(async () => {
      try {
        await this.#writeReceipts();
      } catch (error) {
        console.error("Receipts of a live conversation could not be written", error);
      } finally {
        this.#receiptTimer = undefined;
        if (this.#reads.size > 0 || this.#received.size > 0) this.#queueReceipts();
      }
    }, receiptMillis);
  }

  /** What was received is kept in the room's storage, what was read in the cell; then everyone sees it. */
  async #writeReceipts() {
    const reads = [...this.#reads.values()];
    const received = this.#received.size > 0;
    const changed = new Set([...this.#received, ...this.#reads.keys()]);
    this.#reads.clear();
    this.#received.clear();
    const backend = this.#backendOf();
    await Promise.all([
      received && this.ctx.storage.put("delivered", Object.fromEntries(this.#delivered)),
      ...reads.map(({ person, sequence }) => backend.markRead(person, sequence)),
    ]);
    for (const accountId of changed) await this.#announceReceipt(accountId);
  }

  /** From what the room knows: its own writes and announcements keep the read positions current. */
  async #announceReceipt(accountId: string) {
    const participants = await this.#backendOf().participants();
    const receipt = this.#receiptsOf(participants).find((one) => one.accountId === accountId);
    if (!receipt || this.#shown.get(accountId) === `${receipt.delivered}:${receipt.read}`) return;
    this.#shown.set(accountId, `${receipt.delivered}:${receipt.read}`);
    this.#broadcast({ type: "receipt", receipt });
  }

  #backendOf(): RoomBackend {
    if (!this.#address) throw new Error("A chat room was used before anyone connected to it");
    this.#backend ??= roomBackend(this.env, this.#address, {
      announce: (message) => this.#announce(message),
      messageLog: this.messageLog,
      writeFailed: (error) => this.#writeFailed(error),
    });
    return this.#backend;
  }

  #refuse(connection: Connection, reason: RefusalReason, clientMessageId: string | null) {
    this.#send(connection, { type: "refused", reason, clientMessageId });
  }

  #send(connection: Connection, frame: ServerFrame) {
    connection.send(JSON.stringify(frame));
  }

  #broadcast(frame: ServerFrame, without?: WebSocket) {
    const text = JSON.stringify(frame);
    for (const socket of this.#present.keys()) {
      if (socket === without) continue;
      try {
        socket.send(text);
      } catch {
        // A socket that closed under us is out of the room; its close event may not come.
        this.#present.delete(socket);
      }
    }
  }
}

function parseFrame(raw: WSMessage): ClientFrame | null {
  if (typeof raw !== "string" || raw.length > maxFrameCharacters + 200) return null;
  try {
    const parsed = clientFrame.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
