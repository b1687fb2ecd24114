import type { LiveRoom, MessagingStore, NewMessage, Published } from "../../../core/messaging/ports.ts";
import { D1MessagingStore } from "../../../db/messaging/store.ts";
import type { TenantScope } from "../../../db/kernel/scope.ts";
import { stepsOf } from "./cell-steps.ts";
import type { ChatRoom } from "./chat-room.ts";
import { roomOf, type RoomAddress } from "./room-address.ts";

/**
 * The tenant's messaging store for pages and the API: the cell, except that a message is written
 * by its conversation's chat room, the one writer that numbers the conversation (ADR 0016). One
 * call to the room numbers it after what the room sent on before, writes it to the cell and sends
 * it on to everyone who has the conversation open, so it is in the cell when this returns.
 */
export function roomWrittenStore(
  scope: TenantScope,
  rooms: DurableObjectNamespace<ChatRoom>,
  cell: string,
): MessagingStore {
  const tenant: Pick<RoomAddress, "tenantId" | "cell"> = { tenantId: scope.tenantId, cell };

  return {
    // Everything but writing a message is the cell's.
    ...stepsOf(new D1MessagingStore(scope)),

    publish(draft: NewMessage): Promise<Published | null> {
      const address = { ...tenant, conversationId: draft.conversationId };
      return roomOf(rooms, address).publish(address, draft);
    },
  };
}

/**
 * The live room of pages and the API: the chat room sent the message on when it wrote it, in the
 * same call (the `publish` of `roomWrittenStore`), so the messaging core's announcement has nothing
 * left to do.
 */
export const announcedWhenWritten: LiveRoom = { announce: () => Promise.resolve() };
