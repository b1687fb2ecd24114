import type { MessagingServices } from "../../web/messaging/services.ts";
import type { ServicesOf } from "../capabilities.ts";
import { messagingOn } from "./chat/messaging-deps.ts";
import { announcedWhenWritten, roomWrittenStore } from "./chat/room-written-store.ts";

/** Messaging's services of one request: messages are written through the conversation's chat room. */
export const messagingServices: ServicesOf<MessagingServices> = ({ env, data }) => ({
  messagingFor(tenant) {
    const scope = data.scopeIn(tenant.cell, tenant.id);
    return messagingOn(env, scope, tenant, {
      store: roomWrittenStore(scope, env.CHAT_ROOM, tenant.cell),
      live: announcedWhenWritten,
    });
  },
});
