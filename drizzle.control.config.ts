import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/kernel/control/schema.ts",
  out: "./migrations/control",
});
