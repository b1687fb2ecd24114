import type { Context } from "hono";
import type { AppEnv } from "../context.ts";

/**
 * The tenant's logo from R2. Logos may be SVG, which can carry script: the response gets its own
 * locked-down, sandboxed Content-Security-Policy so opening it directly runs nothing.
 */
export async function brandLogo(c: Context<AppEnv>): Promise<Response> {
  const site = c.get("site");
  const key = site.kind === "tenant" ? site.tenant.settings.logoKey : null;
  const object = key ? await c.env.UPLOADS.get(key) : null;
  if (!object) return c.notFound();
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("ETag", object.httpEtag);
  headers.set("Cache-Control", "public, max-age=300");
  headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  headers.set("X-Content-Type-Options", "nosniff");
  // Mail shows the logo too, and webmail loads it from its own origin.
  headers.set("Cross-Origin-Resource-Policy", "cross-origin");
  return new Response(object.body, { headers });
}
