import type { LiveRoom, Message, MessagingStore, NewMessage } from "../../../core/messaging/ports.ts";
import { D1MessagingStore } from "../../../db/messaging/store.ts";
import type { TenantScope } from "../../../db/kernel/scope.ts";
import type { ChatRoom } from "./chat-room.ts";
import { roomOf, type RoomAddress } from "./room-address.ts";

type Stored = { message: Message; created: boolean };
type Steps = MessagingStore;

/**
 * The tenant's messaging store for pages and the API: the cell, except that a message is written
 * by its conversation's chat room, the one writer that numbers the conversation (ADR 0016). One
 * call to the room numbers it after what the room sent on before, writes it to the cell and sends
 * it on to everyone who has the conversation open, so it is in the cell when this returns.
 */
export class RoomWrittenStore implements MessagingStore {
  readonly #cell: D1MessagingStore;
  readonly #rooms: DurableObjectNamespace<ChatRoom>;
  readonly #tenant: Pick<RoomAddress, "tenantId" | "cell">;

  constructor(scope: TenantScope, rooms: DurableObjectNamespace<ChatRoom>, cell: string) {
    this.#cell = new D1MessagingStore(scope);
    this.#rooms = rooms;
    this.#tenant = { tenantId: scope.tenantId, cell };
  }

  publish(draft: NewMessage): Promise<Stored> {
    const address = { ...this.#tenant, conversationId: draft.conversationId };
    return roomOf(this.#rooms, address).publish(address, draft);
  }

  // Everything else is the cell's.
  find(...args: Parameters<Steps["find"]>) {
    return this.#cell.find(...args);
  }
  participants(...args: Parameters<Steps["participants"]>) {
    return this.#cell.participants(...args);
  }
  create(...args: Parameters<Steps["create"]>) {
    return this.#cell.create(...args);
  }
  startedWith(...args: Parameters<Steps["startedWith"]>) {
    return this.#cell.startedWith(...args);
  }
  sentFile(...args: Parameters<Steps["sentFile"]>) {
    return this.#cell.sentFile(...args);
  }
  sent(...args: Parameters<Steps["sent"]>) {
    return this.#cell.sent(...args);
  }
  messagesAfter(...args: Parameters<Steps["messagesAfter"]>) {
    return this.#cell.messagesAfter(...args);
  }
  latest(...args: Parameters<Steps["latest"]>) {
    return this.#cell.latest(...args);
  }
  message(...args: Parameters<Steps["message"]>) {
    return this.#cell.message(...args);
  }
  edits(...args: Parameters<Steps["edits"]>) {
    return this.#cell.edits(...args);
  }
  edit(...args: Parameters<Steps["edit"]>) {
    return this.#cell.edit(...args);
  }
  markRead(...args: Parameters<Steps["markRead"]>) {
    return this.#cell.markRead(...args);
  }
  draft(...args: Parameters<Steps["draft"]>) {
    return this.#cell.draft(...args);
  }
  saveDraft(...args: Parameters<Steps["saveDraft"]>) {
    return this.#cell.saveDraft(...args);
  }
  conversationsFor(...args: Parameters<Steps["conversationsFor"]>) {
    return this.#cell.conversationsFor(...args);
  }
  allConversations(...args: Parameters<Steps["allConversations"]>) {
    return this.#cell.allConversations(...args);
  }
  repliesTo(...args: Parameters<Steps["repliesTo"]>) {
    return this.#cell.repliesTo(...args);
  }
  clientsOf(...args: Parameters<Steps["clientsOf"]>) {
    return this.#cell.clientsOf(...args);
  }
  staff() {
    return this.#cell.staff();
  }
}

/**
 * The live room of pages and the API: the chat room sent the message on when it wrote it, in the
 * same call (`RoomWrittenStore.publish`), so the messaging core's announcement has nothing left to do.
 */
export const announcedWhenWritten: LiveRoom = { announce: () => Promise.resolve() };
