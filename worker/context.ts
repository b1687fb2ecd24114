import type { Language } from "../core/kernel/tenants/languages.ts";
import type { Site } from "../core/kernel/tenants/resolve.ts";
import type { Auth } from "../web/load-context.ts";
import type { Env } from "./env.ts";
import type { Services } from "./services.ts";

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
