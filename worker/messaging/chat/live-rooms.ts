import type { LiveRoom, Message } from "../../../core/messaging/ports.ts";
import type { ChatRoom } from "./chat-room.ts";
import { roomName, type RoomAddress } from "./room-address.ts";

/** The chat room of one conversation of a tenant. */
export const roomOf = (
  rooms: DurableObjectNamespace<ChatRoom>,
  address: Pick<RoomAddress, "tenantId" | "conversationId">,
) => rooms.get(rooms.idFromName(roomName(address)));

/**
 * The messaging core's live room (core/messaging/ports.ts) as the tenant's chat room objects: a
 * message published through a page or the API reaches whoever has the conversation open.
 */
export class DurableLiveRooms implements LiveRoom {
  constructor(
    private readonly rooms: DurableObjectNamespace<ChatRoom>,
    private readonly tenantId: string,
  ) {}

  async announce(conversationId: string, message: Message): Promise<void> {
    try {
      await roomOf(this.rooms, { tenantId: this.tenantId, conversationId }).announce(message);
    } catch (error) {
      // The message is stored; whoever missed the announcement gets it with the next history.
      console.error("A message was stored but its live announcement failed", error);
    }
  }
}
