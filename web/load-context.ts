import type { Account } from "../core/kernel/auth/accounts.ts";
import type { SessionRecord } from "../core/kernel/auth/sessions.ts";
import type { Membership } from "../core/kernel/organisations/organisations.ts";
import type { Language } from "../core/kernel/tenants/languages.ts";
import type { Site } from "../core/kernel/tenants/resolve.ts";
import type { CapabilityServices } from "./capabilities.ts";
import type { KernelServices } from "./kernel/services.ts";

/**
 * The signed-in person of this request, if any, with the client organisations they belong to
 * (the session names the one they act for).
 */
export type Auth = { account: Account; session: SessionRecord; memberships: Membership[] } | null;

/** What pages may use: the kernel's services and each capability's. */
export type PageServices = KernelServices & CapabilityServices;

/** What every Remix loader and action receives as `context`; the Worker builds it (worker/remix.ts). */
export type PortaalLoadContext = {
  ctx: Pick<ExecutionContext, "waitUntil" | "passThroughOnException">;
  site: Site;
  language: Language;
  auth: Auth;
  services: PageServices;
  cspNonce: string;
};

declare module "@remix-run/cloudflare" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- module augmentation
  interface AppLoadContext extends PortaalLoadContext {}
}
