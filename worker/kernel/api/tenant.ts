import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { featureKeys } from "../../../core/kernel/tenants/features.ts";
import { languages } from "../../../core/kernel/tenants/languages.ts";
import { termKeys, terminologyFor } from "../../../core/kernel/tenants/terminology.ts";
import type { AppEnv } from "../../context.ts";
import { errorSchema, refuse } from "./errors.ts";

const tenantProfileSchema = z
  .object({
    slug: z.string().openapi({ example: "coaching" }),
    name: z.string().openapi({ example: "Koers Coaching" }),
    defaultLanguage: z.enum(languages),
    language: z.enum(languages).openapi({ description: "Language of `terminology`" }),
    primaryColour: z.string().openapi({ example: "#0f5f5c" }),
    accentColour: z.string(),
    logoUrl: z.string().nullable().openapi({ example: "/brand/logo" }),
    features: z.array(z.enum(featureKeys)),
    terminology: z.record(z.enum(termKeys), z.string()),
  })
  .openapi("TenantProfile");

const getTenantProfile = createRoute({
  method: "get",
  path: "/tenant",
  operationId: "getTenantProfile",
  summary: "The public profile of the tenant this host belongs to",
  description: "Name, brand, language, enabled features and the tenant's own words. No client data.",
  request: {
    query: z.object({ language: z.enum(languages).optional() }),
  },
  responses: {
    200: { description: "The tenant", content: { "application/json": { schema: tenantProfileSchema } } },
    404: { description: "No tenant on this host", content: { "application/json": { schema: errorSchema } } },
  },
});

export function registerTenantRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(getTenantProfile, (c) => {
    const site = c.get("site");
    if (site.kind !== "tenant") return refuse(c, "notFound", "No tenant on this host");
    const { tenant } = site;
    const language = c.req.valid("query").language ?? c.get("language");
    return c.json(
      {
        slug: tenant.slug,
        name: tenant.name,
        defaultLanguage: tenant.settings.defaultLanguage,
        language,
        primaryColour: tenant.settings.primaryColour,
        accentColour: tenant.settings.accentColour,
        logoUrl: tenant.settings.logoKey ? "/brand/logo" : null,
        features: tenant.features,
        terminology: terminologyFor(tenant.settings.terminology, language),
      },
      200,
    );
  });
}
