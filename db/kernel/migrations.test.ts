import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { cellsOf } from "./cells.ts";

async function tablesOf(database: D1Database): Promise<string[]> {
  const { results } = await database
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name",
    )
    .all<{ name: string }>();
  return results.map((row) => row.name);
}

async function indexedColumns(database: D1Database, table: string): Promise<string[]> {
  const { results: indexes } = await database.prepare(`PRAGMA index_list(${table})`).all<{ name: string }>();
  const columns: string[] = [];
  for (const index of indexes) {
    const { results } = await database
      .prepare(`PRAGMA index_info(${index.name})`)
      .all<{ name: string; seqno: number }>();
    const first = results.find((column) => column.seqno === 0);
    if (first) columns.push(first.name);
  }
  return columns;
}

describe("migrations", () => {
  it("gives the control plane its tables", async () => {
    expect(await tablesOf(env.CONTROL_DB)).toEqual(expect.arrayContaining(["hostnames", "plans", "tenants"]));
  });

  it("gives every cell the same tables, each with an indexed tenant_id", async () => {
    const cells = [...cellsOf(env).values()];
    expect(cells.length).toBeGreaterThanOrEqual(2);
    const expected = await tablesOf(cells[0]!);
    expect(expected).toEqual(expect.arrayContaining(["tenant_settings", "users"]));
    for (const cell of cells) {
      expect(await tablesOf(cell)).toEqual(expected);
      for (const table of expected.filter((name) => name !== "d1_migrations")) {
        const { results } = await cell.prepare(`PRAGMA table_info(${table})`).all<{ name: string }>();
        expect(
          results.map((column) => column.name),
          table,
        ).toContain("tenant_id");
        expect(await indexedColumns(cell, table), table).toContain("tenant_id");
      }
    }
  });
});
