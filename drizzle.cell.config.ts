import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  // The kernel's tables (identity, notifications, files, request keys) in db/kernel; each
  // capability keeps its tables in its own db/<capability>/schema.ts.
  schema: [
    "./db/kernel/schema.ts",
    "./db/kernel/files/schema.ts",
    "./db/kernel/request-keys/schema.ts",
    "./db/*/schema.ts",
  ],
  out: "./migrations/cell",
});
