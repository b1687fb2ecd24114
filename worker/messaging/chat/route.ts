import type { Context } from "hono";
import { conversationFor } from "../../../core/messaging/conversation.ts";
import type { AppEnv } from "../../context.ts";
import { takeFromBucket } from "../../kernel/middleware/rate-limit.ts";
import { admissionRequest, roomOf } from "./room-address.ts";

/**
 * `GET /chat/:conversationId` with `Upgrade: websocket`: the way into a live conversation
 * (ADR 0016). Everything is decided here, before the room sees the request: the tenant from the
 * host, the person from their session (cookie, or bearer token for apps), that they take part in
 * this conversation of this tenant. The room learns who they are from this Worker only.
 */
export async function chatUpgrade(c: Context<AppEnv>) {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket")
    return c.text("Expected a websocket upgrade", 426);
  const site = c.get("site");
  if (site.kind !== "tenant" || !site.tenant.features.includes("messages")) return c.text("Not found", 404);
  // Browsers send cookies with a websocket from any site; only a page of this host may use them.
  if (!fromThisSite(c)) return c.text("Forbidden", 403);
  const auth = c.get("auth");
  if (!auth) return c.text("Unauthorized", 401);
  const tenant = site.tenant;
  const refused = await takeFromBucket(c, `chat-connect:${tenant.id}:${auth.account.id}`, connectRule);
  if (refused) return refused;

  const conversationId = c.req.param("conversationId") ?? "";
  const actor = { id: auth.account.id, role: auth.account.role };
  const found = await conversationFor(c.get("services").messagingFor(tenant), actor, conversationId);
  if (!found) return c.text("Not found", 404);
  // An admin may know the conversation exists, never what is said in it.
  if (found.access === "existence") return c.text("Forbidden", 403);

  const after = Number(c.req.query("after") ?? 0);
  const address = { tenantId: tenant.id, cell: tenant.cell, conversationId };
  const answer = await roomOf(c.env.CHAT_ROOM, address).fetch(
    admissionRequest({
      address,
      person: { accountId: auth.account.id, displayName: auth.account.displayName, role: auth.account.role },
      after: Number.isSafeInteger(after) && after > 0 ? after : 0,
    }),
  );
  // A fetched response's headers are immutable; the middleware around this route adds its own.
  return new Response(answer.body, {
    status: answer.status,
    headers: answer.headers,
    webSocket: answer.webSocket,
  });
}

/** Reconnects come in bursts after a network change; a loop of them is stopped here. */
const connectRule = { capacity: 60, refillPerSecond: 1 };

/**
 * The upgrade's Origin is this host (cross-site websocket hijacking). A request without Origin
 * comes from an app, not a browser, and may only use a bearer token, which no other site can add.
 */
function fromThisSite(c: Context<AppEnv>): boolean {
  const origin = c.req.header("origin");
  if (!origin) return /^Bearer \S+$/.test(c.req.header("authorization") ?? "");
  const own = new URL(c.req.url);
  try {
    const claimed = new URL(origin);
    return claimed.protocol === own.protocol && claimed.host === (c.req.header("host") ?? own.host);
  } catch {
    return false;
  }
}
