import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";

/**
 * A local outbox mail's HTML, opened from /dev/outbox/<id>. Mail HTML is foreign markup: it gets
 * a sandboxed policy of its own (no script, inline styles as mail clients allow, images from
 * anywhere) and may not be framed.
 */
export async function outboxHtml(c: Context<AppEnv>): Promise<Response> {
  const site = c.get("site");
  const outbox = site.kind === "tenant" ? c.get("services").notificationsFor(site.tenant).outbox : null;
  const message = outbox ? await outbox.find(c.req.param("id") ?? "") : null;
  if (!message?.html) return c.notFound();
  return c.html(message.html, 200, {
    "Content-Security-Policy":
      "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; sandbox; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
  });
}

/**
 * One file of a local outbox mail (a booking's calendar file), for download from /dev/outbox/<id>.
 * It is sent as a download, never shown in the page's origin.
 */
export async function outboxAttachment(c: Context<AppEnv>): Promise<Response> {
  const site = c.get("site");
  const outbox = site.kind === "tenant" ? c.get("services").notificationsFor(site.tenant).outbox : null;
  const message = outbox ? await outbox.find(c.req.param("id") ?? "") : null;
  const index = c.req.param("index") ?? "";
  const file = /^\d{1,3}$/.test(index) ? message?.attachments?.[Number(index)] : undefined;
  if (!file) return c.notFound();
  return c.body(Buffer.from(file.content, "base64"), 200, {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
    "X-Content-Type-Options": "nosniff",
  });
}
