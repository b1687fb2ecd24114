import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["build/", ".wrangler/", "node_modules/", "test-results/", "playwright-report/", "migrations/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Tenant data is reached only through db/ (TenantScope), which always adds the tenant.
    files: ["core/**", "web/**", "worker/**", "scripts/**", "bench/**", "e2e/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "drizzle-orm/d1",
              message: "Query tenant data through db/ (TenantScope), never the driver.",
            },
          ],
        },
      ],
    },
  },
  {
    // The domain stays plain TypeScript: no Hono, Remix or Workers runtime inside core/.
    files: ["core/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["hono", "hono/*", "@remix-run/*", "cloudflare:*", "drizzle-orm", "drizzle-orm/*"] },
      ],
    },
  },
);
