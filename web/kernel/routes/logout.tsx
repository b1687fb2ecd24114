import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { clearedSessionCookie } from "../cookies.ts";
import { originOf, requireTenant } from "../auth.server.ts";

/** Signing out ends the session on the server, not only the cookie in this browser. */
export async function action({ context, request }: ActionFunctionArgs) {
  const tenant = requireTenant(context);
  if (context.auth) {
    const identity = context.services.identityFor(tenant);
    await identity.sessions.end(context.auth.session.id);
    await identity.audit.record({
      action: "auth.logout",
      result: "success",
      actorUserId: context.auth.account.id,
      ...originOf(request),
    });
  }
  return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export function loader({ context }: LoaderFunctionArgs) {
  requireTenant(context);
  return redirect("/");
}
