import type { AppLoadContext } from "@remix-run/cloudflare";
import type { TFunction } from "i18next";
import type { ComponentType } from "react";
import type { Account } from "../../core/kernel/auth/accounts.ts";
import type { Tenant } from "../../core/kernel/tenants/tenant.ts";

/**
 * A capability's part of the start page: what it counts for the signed-in person (counts and
 * names only, never content; null when it counts nothing for them), and what its tile then says
 * is open, and a section of its own above the tiles if it has one. `load` runs on the server, only
 * for a tenant with the capability's feature; `when` writes times as the person reads them.
 */
export type HomeTile<Summary> = {
  load: (
    context: AppLoadContext,
    tenant: Tenant,
    account: Account,
    when: Intl.DateTimeFormat,
  ) => Promise<Summary | null>;
  status: (summary: Summary, t: TFunction) => string | null;
  Section?: ComponentType<{ summary: Summary }>;
  /** Strings namespaces its status and section read beyond the kernel's; the start page carries them. */
  namespaces?: readonly string[];
};

/** The registry holds tiles of different summaries; each tile reads only what its own `load` gave. */
export const homeTile = <Summary>(tile: HomeTile<Summary>) => tile as unknown as HomeTile<unknown>;
