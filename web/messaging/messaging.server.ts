import { data, type AppLoadContext } from "@remix-run/cloudflare";
import type { Actor } from "../../core/messaging/ports.ts";
import { originOf, requirePermission } from "../kernel/auth.server.ts";
import { dateTimeFormat } from "../kernel/i18n/format.server.ts";

/**
 * What the message pages share on the server: the guard (signed in, then the tenant's messages
 * feature), the messaging deps for the signed-in person, and times on the viewer's own clock.
 */
export function requireMessaging(context: AppLoadContext, request: Request) {
  const user = requirePermission(context, request, "portal:use");
  if (!user.tenant.features.includes("messages")) throw data(null, { status: 404 });
  const actor: Actor = { id: user.account.id, role: user.account.role };
  const when = dateTimeFormat(context.language, user.account.timeZone);
  return {
    ...user,
    actor,
    deps: context.services.messagingFor(user.tenant),
    origin: originOf(request),
    zone: user.account.timeZone,
    /** "23 nov 2026 14:05" on the viewer's clock. */
    at: (instant: string) => when.format(new Date(instant)),
  };
}

/** A fresh id for one message, carried in its form so that pressing twice stores it once. */
export const newClientMessageId = () => crypto.randomUUID();
