import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/cell/schema.ts",
  out: "./migrations/cell",
});
