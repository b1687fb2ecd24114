import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import { isLanguage, type Language } from "../../core/kernel/tenants/languages.ts";
import type { AppEnv } from "../context.ts";
import { languageCookie } from "../../web/kernel/cookies.ts";
import { safeReturnTo } from "../../core/kernel/platform/return-to.ts";

/** The language switch: a plain form post, so it works before (or without) JavaScript. */
export async function switchLanguage(c: Context<AppEnv>): Promise<Response> {
  const form = await c.req.parseBody();
  if (isLanguage(form.language)) {
    setCookie(c, languageCookie.name, form.language, languageCookie.options);
    await saveForSignedInPerson(c, form.language);
  }
  return c.redirect(safeReturnTo(form.returnTo, c.req.url), 303);
}

/**
 * A signed-in person's pages follow their saved language (middleware/session.ts), so the switch
 * saves it: their other browsers and their mail follow along, and the cookie stays in step.
 */
async function saveForSignedInPerson(c: Context<AppEnv>, language: Language): Promise<void> {
  const site = c.get("site");
  const auth = c.get("auth");
  if (!auth || site.kind !== "tenant" || auth.account.language === language) return;
  await c.get("services").identityFor(site.tenant).accounts.setLanguage(auth.account.id, language);
}
