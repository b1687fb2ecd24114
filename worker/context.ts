import type { Language } from "../core/tenants/languages.ts";
import type { Site } from "../core/tenants/resolve.ts";
import type { Env } from "./env.ts";
import type { Services } from "./services.ts";

export type AppEnv = {
  Bindings: Env;
  Variables: {
    services: Services;
    site: Site;
    language: Language;
    secureHeadersNonce?: string;
  };
};

/** What every Remix loader and action receives as `context`. */
export type PortaalLoadContext = {
  env: Env;
  ctx: Pick<ExecutionContext, "waitUntil" | "passThroughOnException">;
  site: Site;
  language: Language;
  services: Services;
  cspNonce: string;
};
