import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import { isLanguage } from "../core/tenants/languages.ts";
import type { AppEnv } from "./context.ts";
import { languageCookie } from "./cookies.ts";

/** Only a path on this host may be the way back, never another site (open redirect). */
function safeReturnPath(value: unknown): string {
  return typeof value === "string" &&
    value.startsWith("/") &&
    !value.startsWith("//") &&
    !value.includes("\\")
    ? value
    : "/";
}

/** The language switch: a plain form post, so it works before (or without) JavaScript. */
export async function switchLanguage(c: Context<AppEnv>): Promise<Response> {
  const form = await c.req.parseBody();
  if (isLanguage(form.language)) {
    setCookie(c, languageCookie.name, form.language, languageCookie.options);
  }
  return c.redirect(safeReturnPath(form.returnTo), 303);
}
