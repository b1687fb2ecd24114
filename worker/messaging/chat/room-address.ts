import type { ChatPerson } from "../../../core/messaging/chat-protocol.ts";
import type { ChatRoom } from "./chat-room.ts";

/** Which conversation a room is, and in which tenant and cell its messages live. */
export type RoomAddress = { tenantId: string; cell: string; conversationId: string };

/** Who the Worker let in, and the last message their browser already has. */
export type Member = { address: RoomAddress; person: ChatPerson; after: number };

/** The header the Worker puts on the request it hands to the room; a browser's own is never passed on. */
const memberHeader = "x-portaal-chat-member";

/** One room per conversation; the tenant is part of the name, so equal ids in two tenants never meet. */
export const roomName = (address: Pick<RoomAddress, "tenantId" | "conversationId">) =>
  `${address.tenantId}:${address.conversationId}`;

/** The chat room of one conversation of a tenant. */
export const roomOf = (
  rooms: DurableObjectNamespace<ChatRoom>,
  address: Pick<RoomAddress, "tenantId" | "conversationId">,
) => rooms.get(rooms.idFromName(roomName(address)));

/**
 * The request the room gets for an admitted person: a fresh one, carrying nothing of the browser's
 * request but the upgrade itself, so no header or query of the browser's can speak for the Worker.
 */
export function admissionRequest(member: Member): Request {
  const bytes = new TextEncoder().encode(JSON.stringify(member));
  return new Request(`https://chat-room/${encodeURIComponent(roomName(member.address))}`, {
    headers: { upgrade: "websocket", [memberHeader]: btoa(String.fromCharCode(...bytes)) },
  });
}

export function readMember(request: Request): Member | null {
  const header = request.headers.get(memberHeader);
  if (!header) return null;
  const bytes = Uint8Array.from(atob(header), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Member;
}
