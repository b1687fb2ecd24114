import type { LiveRoom, Message } from "../../core/messaging/ports.ts";

/**
 * The live rooms as long as the Worker has no chat room object: nobody can be connected live, so
 * there is nobody to announce a stored message to. Those who open the conversation read it from
 * the store. The chat room's own implementation takes this one's place in worker/services.ts.
 */
export class NoLiveRooms implements LiveRoom {
  async announce(_conversationId: string, _message: Message): Promise<void> {}
}
