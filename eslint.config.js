import { readdirSync } from "node:fs";
import { fileURLToPath, URL } from "node:url";
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The layers from the bottom up: each may import the ones below it, never the ones above.
const layers = ["core", "db", "web", "worker"];
const kernel = "kernel";
// A capability reaches another only through this file at the top of that capability's folder.
const publicEntry = "index.ts";

// Paths are read from the folder of this file, whatever folder ESLint runs in.
const root = fileURLToPath(new URL(".", import.meta.url));

const capabilitiesIn = (layer) =>
  readdirSync(new URL(layer, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== kernel)
    .map((entry) => `${layer}/${entry.name}`);
const capabilityFolders = layers.flatMap(capabilitiesIn);
const capabilityOf = (folder) => folder.slice(folder.indexOf("/") + 1);

const listed = (folders) => folders.map((folder) => `${folder}/`).join(", ");
const layerZones = layers.slice(0, -1).map((layer, index) => ({
  target: layer,
  from: layers.slice(index + 1),
  message: `${layer}/ imports only ${listed(layers.slice(0, index + 1))}: the direction is core <- db <- web <- worker.`,
}));

// Every layer's folder of one capability may import the other layers' folders of the same capability.
const capabilityZones = capabilityFolders.map((folder) => ({
  target: folder,
  from: capabilityFolders.filter((other) => capabilityOf(other) !== capabilityOf(folder)),
  except: [publicEntry],
  message: `${folder}/ reaches another capability only through its ${publicEntry}.`,
}));

const kernelZones = layers.map((layer) => ({
  target: `${layer}/${kernel}`,
  from: capabilityFolders,
  message: "The kernel is shared by every capability and imports none of them.",
}));

// Tests and testing fixtures exercise the whole Worker, so they may import any layer.
const wholeWorker = ["**/*.test.ts", "**/*.test.tsx", "worker/kernel/testing/**", "worker/*/testing.ts"];
const boundaries = (zones) => ({
  plugins: { "import-x": importX },
  settings: { "import-x/resolver-next": [createNodeResolver()] },
  rules: { "import-x/no-restricted-paths": ["error", { basePath: root, zones }] },
});

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
  {
    // Import direction between the layers and between capabilities (the design's "Layout").
    files: layers.map((layer) => `${layer}/**`),
    ignores: wholeWorker,
    ...boundaries([...layerZones, ...capabilityZones, ...kernelZones]),
  },
  {
    files: wholeWorker,
    ...boundaries(capabilityZones),
  },
);
