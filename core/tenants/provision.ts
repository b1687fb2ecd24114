import { z } from "zod";
import { newId } from "../ids.ts";
import { isValidHostname, normaliseHost, reservedSlugs, slugPattern } from "./hosts.ts";
import { defaultTenantSettings, tenantSettingsSchema, type TenantSettings } from "./settings.ts";
import type { TenantRecord, TenantServices } from "./tenant.ts";

/**
 * Setting up a tenant: the operator's command and the demo seed both come through here, so a
 * tenant always starts with valid settings in an existing cell and unique hostnames.
 */
export const provisionInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(slugPattern, {
      message: "a slug is 2 to 40 lower-case letters, digits or hyphens, starting with a letter",
    })
    .refine((slug) => !reservedSlugs.has(slug), { message: "this slug is reserved" }),
  name: z.string().trim().min(2, { message: "a name has at least 2 characters" }).max(80),
  cell: z.string().trim().min(1, { message: "choose the data cell" }),
  planId: z.string().trim().min(1, { message: "choose a plan" }),
  hostnames: z
    .array(z.string().transform(normaliseHost).refine(isValidHostname, { message: "not a valid hostname" }))
    .max(10)
    .refine((names) => new Set(names).size === names.length, {
      message: "a hostname is listed twice",
    })
    .default([]),
  settings: tenantSettingsSchema.partial().default({}),
});

export type ProvisionInput = z.input<typeof provisionInputSchema>;

export type ProvisionErrors = Partial<
  Record<"slug" | "name" | "cell" | "planId" | "hostnames" | "settings", string>
>;

export type ProvisionResult =
  { ok: true; tenant: TenantRecord; hostnames: string[] } | { ok: false; errors: ProvisionErrors };

export type ProvisionContext = TenantServices & {
  /** Names of the data cells this Worker has. */
  cells: readonly string[];
  platformDomain: string;
};

export async function provisionTenant(
  input: ProvisionInput,
  context: ProvisionContext,
): Promise<ProvisionResult> {
  const parsed = provisionInputSchema.safeParse(input);
  if (!parsed.success) {
    const errors: ProvisionErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "slug") as keyof ProvisionErrors;
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const { slug, name, cell, planId, hostnames, settings } = parsed.data;
  const platform = normaliseHost(context.platformDomain);

  const errors: ProvisionErrors = {};
  if (!context.cells.includes(cell)) {
    errors.cell = `unknown cell; choose one of ${context.cells.join(", ")}`;
  }
  const [existing, plan, taken] = await Promise.all([
    context.control.tenantBySlug(slug),
    context.control.plan(planId),
    context.control.takenHostnames(hostnames),
  ]);
  if (existing) errors.slug = `a tenant with slug "${slug}" already exists`;
  if (!plan) errors.planId = `unknown plan "${planId}"`;
  const onPlatform = hostnames.filter((host) => host === platform || host.endsWith(`.${platform}`));
  if (onPlatform.length > 0) {
    errors.hostnames = `${onPlatform.join(", ")} is on the platform domain; the slug already gives ${slug}.${platform}`;
  } else if (taken.length > 0) {
    errors.hostnames = `already in use: ${taken.join(", ")}`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const tenant: TenantRecord = { id: newId("tenant"), slug, name, planId, cell, status: "active" };
  const fullSettings: TenantSettings = { ...defaultTenantSettings, ...settings };
  // Settings first: the tenant becomes reachable only once its control-plane row exists, so a
  // failure in between leaves at most a settings row that no tenant points at.
  await context.settingsIn(cell).write(tenant.id, fullSettings);
  await context.control.createTenant(tenant, hostnames);
  return { ok: true, tenant, hostnames };
}
