import { env } from "cloudflare:workers";
import { idPrefixes } from "../../../core/kernel/ids.ts";
import type { TenantRecord } from "../../../core/kernel/tenants/tenant.ts";
import type { Weighted } from "./schema-values.ts";

/** Ids of every table of a tenant that has them, by table, read straight from its cell. */
export async function idsByTable({ cell, id }: Pick<TenantRecord, "cell" | "id">, perTable = 4) {
  const database = env[cell as "TENANT_DB_1"];
  const { results: tables } = await database
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%`tenant_id`%' AND sql LIKE '%`id`%'",
    )
    .all<{ name: string }>();
  const byTable: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { results } = await database
      .prepare(`SELECT id FROM "${name}" WHERE tenant_id = ? ORDER BY id DESC LIMIT ?`)
      .bind(id, perTable)
      .all<{ id: string }>();
    const ids = results.map((row) => String(row.id));
    if (ids.length) byTable[name] = ids;
  }
  return byTable;
}

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A well-formed id of every kind that names nothing. */
const unknownIds = idPrefixes.map((prefix, index) => `${prefix}_${"0".repeat(25)}${crockford[index % 32]}`);

/** Ids that are almost right, and ids that are nothing like one. */
const malformedIds = [
  "usr_",
  "usr_0",
  "USR_01M81KHY2MQ3GQP3J33NFN6DFN",
  "gol_01M81KHY2MQ3GQP3J33NFN6DFI",
  "doc_01M81KHY2MQ3GQP3J33NFN6DFN ",
  "cnv_01M81KHY2MQ3GQP3J33NFN6DFN\u200b",
  "0",
  "-1",
  "null",
  "undefined",
  "%",
  "*",
  "x".repeat(40),
  "𝕏".repeat(20),
];

/** The words a field or path names a kind of object by: `staffUserId` names users, `/goals/{id}` goals. */
const wordsOf = (name: string, path: string) =>
  [...name.split(/(?=[A-Z])|[^A-Za-z]+/), ...path.split("/").filter((part) => part && !part.startsWith("{"))]
    .map((word) => word.toLowerCase().replace(/s$/, ""))
    .filter((word) => word.length > 2 && word !== "id");

/**
 * Values for a field called `name` of the operation at `path`: most often real ids of this
 * tenant from the tables the name points at (people for any field), else any id of this tenant,
 * another tenant's ids, unknown ids of every kind, malformed ids, and the values `known` gives
 * for that name (the tenant's e-mail addresses, a password).
 */
export function idPools(
  own: Record<string, string[]>,
  elsewhere: Record<string, string[]>,
  known: Record<string, readonly string[]>,
) {
  const everyOwn = Object.values(own).flat();
  const everyElsewhere = Object.values(elsewhere).flat();
  return (name: string, path: string): Weighted[] => {
    const words = wordsOf(name, path);
    const pointedAt = Object.entries(own)
      .filter(([table]) => table === "users" || words.some((word) => table.startsWith(word)))
      .flatMap(([, ids]) => ids);
    return [
      { weight: 4, values: [...pointedAt, ...(known[name] ?? [])] },
      { weight: 1, values: everyOwn },
      { weight: 1, values: everyElsewhere },
      { weight: 1, values: unknownIds },
      { weight: 1, values: malformedIds },
    ];
  };
}
