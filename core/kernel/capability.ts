import type { z } from "zod";
import type { Role } from "./auth/roles.ts";
import type { KindRules } from "./notifications/channels.ts";

/** The plans Portaal sells; each capability says in which it is included ("compleet" has all). */
export const planNames = {
  basis: "Basis",
  begeleiding: "Begeleiding",
  zorg: "Zorg thuis",
  zakelijk: "Zakelijk",
  compleet: "Compleet",
} as const;
export type PlanId = keyof typeof planNames;

/**
 * What a capability brings to the kernel, declared once in `core/<capability>/capability.ts` and
 * registered in `core/capabilities.ts`; the kernel's shared places (ids, notification kinds,
 * settings, features, plans, permissions) loop over the registered declarations. A declaration
 * imports nothing that reads the registry, so the registry has no cycles.
 */
export type CapabilityDeclaration = {
  /** The capability's folder name in every layer; also its key in the tenant settings. */
  name: string;
  /** A part of the portal a plan grants and a tenant toggles; none for a capability always present. */
  feature?: {
    key: string;
    /** Where it lives in the app: the navigation entry and the start-page tile. */
    path: string;
    /** A client has their own; staff open it inside one client's dossier, not from the menu. */
    perClient?: boolean;
    /** The plans that include it. */
    plans: readonly PlanId[];
  };
  /** Id prefixes of its objects: kind -> three letters, unique over the kernel and all capabilities. */
  ids: Readonly<Record<string, string>>;
  /** Its notification kinds; they are offered only in tenants that have its feature. */
  notificationKinds: Readonly<Record<string, KindRules>>;
  /** Its part of the tenant settings, under its name. */
  settings?: { schema: z.ZodType; defaults: unknown };
  /** Its permissions and the roles that have them. */
  permissions: Readonly<Record<string, readonly Role[]>>;
  /** The codes of its audit lines ("<area>.<what was done>"), unique over the kernel and all capabilities. */
  auditActions?: readonly string[];
};

/** Checks a declaration against the shape while keeping its literal types for the registry. */
export const declareCapability = <const C extends CapabilityDeclaration>(capability: C): C => capability;

type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void
  ? I
  : never;

/**
 * One record of the kernel's and every capability's entries (id prefixes, notification kinds),
 * typed as all of them together; a key declared twice is a mistake that must not shadow another.
 */
export function mergeDeclared<const P extends readonly object[]>(
  what: string,
  parts: P,
): Intersection<P[number]> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (Object.hasOwn(merged, key)) throw new Error(`${what} "${key}" is declared twice`);
      merged[key] = value;
    }
  }
  return merged as Intersection<P[number]>;
}
