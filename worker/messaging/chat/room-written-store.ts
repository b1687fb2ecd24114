import type { Message, NewMessage } from "../../../core/messaging/ports.ts";
import { D1MessagingStore } from "../../../db/messaging/store.ts";
import type { TenantScope } from "../../../db/kernel/scope.ts";
import type { ChatRoom } from "./chat-room.ts";
import { roomOf } from "./live-rooms.ts";

/**
 * The tenant's messaging store for pages and the API: the cell, except that a message is written
 * by its conversation's chat room, the one writer that numbers the conversation (ADR 0016). The
 * room writes it after what it sent on before, so it is in the cell when this returns.
 */
export class RoomWrittenStore extends D1MessagingStore {
  constructor(
    private readonly scope: TenantScope,
    private readonly rooms: DurableObjectNamespace<ChatRoom>,
    private readonly cell: string,
  ) {
    super(scope);
  }

  override async publish(draft: NewMessage): Promise<{ message: Message; created: boolean }> {
    const address = { tenantId: this.scope.tenantId, cell: this.cell, conversationId: draft.conversationId };
    return roomOf(this.rooms, address).write(address, draft);
  }
}
