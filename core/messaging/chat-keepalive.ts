/**
 * Keepalive text the room answers without waking (WebSocket auto-response). Apart from the frame
 * schemas, so the browser's live conversation reads it without zod.
 */
export const keepalive = { ping: "ping", pong: "pong" } as const;
