import { parseArgs } from "node:util";
import i18next from "i18next";
import { messages } from "../web/kernel/i18n/catalogue.server.ts";
import { standardPlans } from "../core/kernel/tenants/plans.ts";
import { provisionTenant } from "../core/kernel/tenants/provision.ts";
import { withLocalPlatform } from "./local-platform.ts";
import { applyMigrations } from "./local-state.ts";

/**
 * Operator command: `npm run tenant -- create --slug acme --name "Acme" --cell TENANT_DB_1
 *   [--plan basis] [--hostname portal.acme.nl ...] [--language nl|en]`
 * Works on the local state of `npm start`; input is validated and duplicates are refused.
 */
const usage = `Usage:
  npm run tenant -- create --slug <slug> --name <name> --cell <TENANT_DB_n> [--plan <plan>] [--hostname <host>]... [--language nl|en]
  npm run tenant -- show --slug <slug>`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    slug: { type: "string" },
    name: { type: "string" },
    cell: { type: "string" },
    plan: { type: "string", default: "basis" },
    hostname: { type: "string", multiple: true, default: [] },
    language: { type: "string", default: "nl" },
  },
});

const command = positionals[0];
// The local databases may not exist yet (before the first `npm start`); migrating is idempotent.
if (command === "create" || command === "show") await applyMigrations();

/** The command-line flag for each field the provisioning may refuse. */
const flagOf: Record<string, string> = {
  slug: "--slug",
  name: "--name",
  cell: "--cell",
  planId: "--plan",
  hostnames: "--hostname",
  settings: "--language",
};

if (command === "create" && values.language !== "nl" && values.language !== "en") {
  console.error(`Tenant not created:\n  --language: choose nl or en`);
  process.exitCode = 1;
} else if (command === "create") {
  const language = values.language === "en" ? "en" : "nl";
  const result = await withLocalPlatform(async (context) => {
    for (const plan of standardPlans) await context.control.savePlan(plan);
    return provisionTenant(
      {
        slug: values.slug ?? "",
        name: values.name ?? "",
        cell: values.cell ?? "",
        planId: values.plan ?? "",
        hostnames: values.hostname ?? [],
        settings: { defaultLanguage: language },
      },
      context,
    );
  });
  if (!result.ok) {
    console.error("Tenant not created:");
    // The console's words for the same refusals, in English.
    const english = i18next.createInstance();
    await english.init({
      lng: "en",
      resources: { en: { translation: messages.en } },
      interpolation: { escapeValue: false },
    });
    for (const [field, error] of Object.entries(result.errors))
      if (error)
        console.error(
          `  ${flagOf[field] ?? field}: ${english.t(`operator.errors.${error.code}`, error.values ?? {})}`,
        );
    process.exitCode = 1;
  } else {
    const port = process.env.PORT ?? "8787";
    console.log(`Created ${result.tenant.name} (${result.tenant.id}) in ${result.tenant.cell}.`);
    console.log(`  http://${result.tenant.slug}.localhost:${port}/`);
    for (const hostname of result.hostnames) console.log(`  https://${hostname}/`);
  }
} else if (command === "show") {
  await withLocalPlatform(async ({ control }) => {
    const tenant = await control.tenantBySlug(values.slug ?? "");
    if (!tenant) {
      console.error(`No tenant with slug "${values.slug ?? ""}".`);
      process.exitCode = 1;
      return;
    }
    console.log(JSON.stringify({ ...tenant, hostnames: await control.hostnamesOf(tenant.id) }, null, 2));
  });
} else {
  console.error(usage);
  process.exitCode = 2;
}
