import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { looksLikeApiKey } from "../../../core/kernel/auth/api-keys.ts";
import { validateSession } from "../../../core/kernel/auth/sessions.ts";
import type { AppEnv } from "../../context.ts";
import { sessionCookieName } from "../../../web/kernel/cookies.ts";

/**
 * Who is signed in: a live session of this tenant whose account is still active, or nobody. The
 * browser proves it with the session cookie; the app and integrations with the same token as a
 * bearer token (from the API's `login`). An API key is no person: it signs nobody in, so it opens
 * no page; the API's access step (worker/kernel/api/access.ts) checks it for the operations it may use.
 */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const site = c.get("site");
  const bearer = /^Bearer (\S+)$/.exec(c.req.header("authorization") ?? "")?.[1];
  const token = bearer ?? getCookie(c, sessionCookieName);
  c.set("auth", null);
  if (site.kind === "tenant" && token && !looksLikeApiKey(token)) {
    const services = c.get("services");
    const identity = services.identityFor(site.tenant);
    const found = await validateSession(identity.sessions, token, identity.timeouts, identity.now());
    // Only clients belong to client organisations; nobody else pays for the read.
    const memberships =
      found?.account.role === "client"
        ? await services.clientsFor(site.tenant).organisations.membershipsOf(found.account.id)
        : [];
    // With one organisation there is nothing to choose: the session acts for it from the start.
    if (found && memberships.length === 1 && found.session.organisationId === null) {
      found.session.organisationId = memberships[0]!.organisationId;
      await identity.sessions.setOrganisation(found.session.id, found.session.organisationId);
    }
    c.set("auth", found ? { ...found, memberships } : null);
    // Signed in, pages speak the person's saved language, as their mail does, in every browser.
    if (found) c.set("language", found.account.language);
  }
  await next();
  // What a signed-in person sees is theirs alone: no shared or browser cache keeps it.
  if (c.get("auth") && !c.res.headers.has("cache-control")) c.res.headers.set("Cache-Control", "no-store");
});
