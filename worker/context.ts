import type { Account } from "../core/kernel/auth/accounts.ts";
import type { SessionRecord } from "../core/kernel/auth/sessions.ts";
import type { Membership } from "../core/kernel/organisations/organisations.ts";
import type { Language } from "../core/kernel/tenants/languages.ts";
import type { Site } from "../core/kernel/tenants/resolve.ts";
import type { Env } from "./env.ts";
import type { Services } from "./services.ts";

/**
 * The signed-in person of this request, if any, with the client organisations they belong to
 * (the session names the one they act for).
 */
export type Auth = { account: Account; session: SessionRecord; memberships: Membership[] } | null;

export type AppEnv = {
  Bindings: Env;
  Variables: {
    services: Services;
    site: Site;
    language: Language;
    auth: Auth;
    secureHeadersNonce?: string;
  };
};

/** What every Remix loader and action receives as `context`. */
export type PortaalLoadContext = {
  env: Env;
  ctx: Pick<ExecutionContext, "waitUntil" | "passThroughOnException">;
  site: Site;
  language: Language;
  auth: Auth;
  services: Services;
  cspNonce: string;
};
