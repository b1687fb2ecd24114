import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import { isLanguage } from "../../core/kernel/tenants/languages.ts";
import type { AppEnv } from "../context.ts";
import { languageCookie } from "../../web/kernel/cookies.ts";
import { safeReturnTo } from "../../core/kernel/platform/return-to.ts";

/** The language switch: a plain form post, so it works before (or without) JavaScript. */
export async function switchLanguage(c: Context<AppEnv>): Promise<Response> {
  const form = await c.req.parseBody();
  if (isLanguage(form.language)) {
    setCookie(c, languageCookie.name, form.language, languageCookie.options);
  }
  return c.redirect(safeReturnTo(form.returnTo, c.req.url), 303);
}
