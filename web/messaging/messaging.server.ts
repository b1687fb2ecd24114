import type { AppLoadContext } from "@remix-run/cloudflare";
import type { Access } from "../../core/kernel/auth/access.ts";
import type { Actor } from "../../core/messaging/ports.ts";
import { guard, originOf } from "../kernel/auth.server.ts";
import { dateTimeFormat } from "../kernel/i18n/format.server.ts";

/**
 * What the message pages share on the server: the guard (the access a page declares, which names
 * the messages feature), the messaging deps for the signed-in person, and times on the viewer's own clock.
 */
export function requireMessaging(
  context: AppLoadContext,
  request: Request,
  access: Access & { feature: "messages" },
) {
  const user = guard({ context, request }, access);
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
