import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  // The identity, notification and booking tables in schema.ts; each later capability keeps
  // its tables in a file of its own under schema/.
  schema: ["./db/cell/schema.ts", "./db/cell/schema/*.ts"],
  out: "./migrations/cell",
});
