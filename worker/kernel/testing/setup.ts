import { abortAllDurableObjects, applyD1Migrations, reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { cellsOf } from "../../../db/kernel/cells.ts";
import { forgetAllHosts } from "../middleware/site.ts";

// The test files of a vitest worker share one runtime and its loaded modules (`isolate: false` in
// vitest.config.ts), which spares each file the seconds a fresh runtime takes to load the Worker.
// Each file still starts as if it ran alone: no Durable Object of an earlier file lives on or keeps
// its storage, every database and the bucket are empty before the real migrations are applied
// again, and no host is remembered for a tenant that is gone.
await abortAllDurableObjects();
await reset();
forgetAllHosts();
await emptyBucket(env.UPLOADS);
for (const database of [env.CONTROL_DB, ...cellsOf(env).values()]) await emptyDatabase(database);
await applyD1Migrations(env.CONTROL_DB, env.CONTROL_MIGRATIONS);
for (const cell of cellsOf(env).values()) await applyD1Migrations(cell, env.CELL_MIGRATIONS);

async function emptyDatabase(database: D1Database): Promise<void> {
  // Views first, then full-text tables (which drop their own shadow tables), then the rest.
  const { results } = await database
    .prepare(
      `SELECT type, name FROM sqlite_master
       WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'
       ORDER BY type = 'table', sql NOT LIKE 'CREATE VIRTUAL%'`,
    )
    .all<{ type: "table" | "view"; name: string }>();
  if (results.length === 0) return;
  // One transaction whose foreign keys are checked at its end, when every table is gone.
  await database.batch([
    database.prepare("PRAGMA defer_foreign_keys = on"),
    ...results.map(({ type, name }) => database.prepare(`DROP ${type.toUpperCase()} IF EXISTS "${name}"`)),
  ]);
}

async function emptyBucket(bucket: R2Bucket): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ cursor, limit: 1000 });
    if (page.objects.length > 0) await bucket.delete(page.objects.map((object) => object.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
}
