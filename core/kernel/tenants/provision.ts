import { z } from "zod";
import { newId } from "../ids.ts";
import { isValidHostname, normaliseHost, operatorTenantSlug, reservedSlugs, slugPattern } from "./hosts.ts";
import { defaultTenantSettings, tenantSettingsSchema, type TenantSettings } from "./settings.ts";
import type { TenantRecord, TenantServices } from "./tenant.ts";

/**
 * Setting up a tenant: the operator console, the operator's command and the demo seed all come
 * through here, so a tenant always starts with valid settings in an existing cell and unique
 * hostnames.
 *
 * Refusals are codes with values, not sentences: the console shows them in the operator's
 * language and the command in English (`operator.errors.<code>` in web/kernel/i18n/locales).
 */
export const maxHostnames = 10;

/** A custom domain as typed: lower case, without port or trailing dot, and well formed. */
export const hostnameSchema = z
  .string()
  .transform(normaliseHost)
  .refine(isValidHostname, { message: "hostnameInvalid" });

export const provisionInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(slugPattern, { message: "slugFormat" })
    .refine((slug) => !reservedSlugs.has(slug), { message: "slugReserved" }),
  name: z.string().trim().min(2, { message: "nameLength" }).max(80, { message: "nameLength" }),
  cell: z.string().trim().min(1, { message: "cellUnknown" }),
  planId: z.string().trim().min(1, { message: "planUnknown" }),
  hostnames: z
    .array(hostnameSchema)
    .max(maxHostnames, { message: "hostnamesTooMany" })
    .refine((names) => new Set(names).size === names.length, { message: "hostnameTwice" })
    .default([]),
  settings: tenantSettingsSchema.partial().default({}),
});

export type ProvisionInput = z.input<typeof provisionInputSchema>;

const errorCodes = [
  "slugFormat",
  "slugReserved",
  "slugTaken",
  "nameLength",
  "cellUnknown",
  "planUnknown",
  "hostnameInvalid",
  "hostnameTwice",
  "hostnamesTooMany",
  "hostnameOnPlatform",
  "hostnameTaken",
  "settingsInvalid",
] as const;
export type ProvisionErrorCode = (typeof errorCodes)[number];

/** A refusal at one field: what is wrong, and the values its message names. */
export type ProvisionError = { code: ProvisionErrorCode; values?: Record<string, string> };

export type ProvisionErrors = Partial<
  Record<"slug" | "name" | "cell" | "planId" | "hostnames" | "settings", ProvisionError>
>;

export type ProvisionResult =
  { ok: true; tenant: TenantRecord; hostnames: string[] } | { ok: false; errors: ProvisionErrors };

export type ProvisionContext = TenantServices & {
  /** Names of the data cells this Worker has. */
  cells: readonly string[];
  platformDomain: string;
};

type Checked =
  { ok: true; input: z.output<typeof provisionInputSchema> } | { ok: false; errors: ProvisionErrors };

/** A field's code for input zod refuses by itself (not a string, not an array, ...). */
const fallbackCode: Record<keyof ProvisionErrors, ProvisionErrorCode> = {
  slug: "slugFormat",
  name: "nameLength",
  cell: "cellUnknown",
  planId: "planUnknown",
  hostnames: "hostnameInvalid",
  settings: "settingsInvalid",
};

const codeOf = (field: keyof ProvisionErrors, message: string): ProvisionErrorCode =>
  field !== "settings" && (errorCodes as readonly string[]).includes(message)
    ? (message as ProvisionErrorCode)
    : fallbackCode[field];

/**
 * Why these custom domains cannot go to the tenant with this slug, or null: one on the platform
 * domain (the slug already gives `<slug>.<platform domain>`) or one another tenant holds.
 */
export async function hostnameProblem(
  hostnames: string[],
  slug: string,
  context: ProvisionContext,
): Promise<ProvisionError | null> {
  const platform = normaliseHost(context.platformDomain);
  const onPlatform = hostnames.filter((host) => host === platform || host.endsWith(`.${platform}`));
  if (onPlatform.length > 0) {
    return {
      code: "hostnameOnPlatform",
      values: { hostnames: onPlatform.join(", "), own: `${slug}.${platform}` },
    };
  }
  const taken = await context.control.takenHostnames(hostnames);
  return taken.length > 0 ? { code: "hostnameTaken", values: { hostnames: taken.join(", ") } } : null;
}

/** Everything provisioning would refuse, without writing anything (the console checks a whole form first). */
export async function checkProvision(
  input: ProvisionInput,
  context: ProvisionContext,
  options: { operatorTenant?: boolean } = {},
): Promise<Checked> {
  const parsed = provisionInputSchema.safeParse(input);
  if (!parsed.success) {
    const errors: ProvisionErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "slug") as keyof ProvisionErrors;
      errors[field] ??= { code: codeOf(field, issue.message) };
    }
    return { ok: false, errors };
  }
  const { slug, cell, planId, hostnames } = parsed.data;
  const errors: ProvisionErrors = {};
  // The operator tenant's slug is kept for it alone; its host is reachable on purpose (ADR 0010).
  if ((slug === operatorTenantSlug) !== Boolean(options.operatorTenant))
    errors.slug = { code: "slugReserved" };
  if (!context.cells.includes(cell)) errors.cell = { code: "cellUnknown" };
  const [existing, plan, hostnameError] = await Promise.all([
    context.control.tenantBySlug(slug),
    context.control.plan(planId),
    hostnameProblem(hostnames, slug, context),
  ]);
  if (existing) errors.slug ??= { code: "slugTaken", values: { slug } };
  if (!plan) errors.planId = { code: "planUnknown" };
  if (hostnameError) errors.hostnames = hostnameError;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: parsed.data };
}

export async function provisionTenant(
  input: ProvisionInput,
  context: ProvisionContext,
  options: { operatorTenant?: boolean } = {},
): Promise<ProvisionResult> {
  const checked = await checkProvision(input, context, options);
  if (!checked.ok) return checked;
  const { slug, name, cell, planId, hostnames, settings } = checked.input;
  const tenant: TenantRecord = { id: newId("tenant"), slug, name, planId, cell, status: "active" };
  const fullSettings: TenantSettings = { ...defaultTenantSettings, ...settings };
  // Settings first: the tenant becomes reachable only once its control-plane row exists, so a
  // failure in between leaves at most a settings row that no tenant points at.
  await context.settingsIn(cell).write(tenant.id, fullSettings);
  await context.control.createTenant(tenant, hostnames);
  return { ok: true, tenant, hostnames };
}
