import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { cellsOf } from "../../../db/kernel/cells.ts";

// Storage is fresh per test file: apply the real migrations to the control plane and to every cell.
await applyD1Migrations(env.CONTROL_DB, env.CONTROL_MIGRATIONS);
for (const cell of cellsOf(env).values()) await applyD1Migrations(cell, env.CELL_MIGRATIONS);
