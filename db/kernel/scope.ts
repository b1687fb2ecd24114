import {
  and,
  eq,
  fillPlaceholders,
  getTableColumns,
  is,
  Param,
  Placeholder,
  SQL,
  sql,
  type Query,
} from "drizzle-orm";
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { BatchItem } from "drizzle-orm/batch";

/** D1 binds at most 100 parameters per statement. */
export const maxParameters = 100;

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** A statement drizzle can prepare: every insert, update, delete and select builder. */
type Preparable = {
  prepare(): { getQuery(): Query; mapResult(response: unknown, isFromBatch?: boolean): unknown };
};

/** Placeholders named after the keys of `row` (with `prefix`), to build a statement once and fill it per run. */
export function placeholdersOf<T extends Record<string, unknown>>(row: T, prefix: string): T {
  return Object.fromEntries(Object.keys(row).map((key) => [key, sql.placeholder(prefix + key)])) as T;
}

/** The values of `row` under the names `placeholdersOf` gave them. */
export function valuesOf(row: Record<string, unknown>, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [prefix + key, value]));
}

type ListOptions = { where?: SQL; orderBy?: SQL | SQLiteColumn; limit?: number };

/** A cell table: it has an `id` and the `tenant_id` every tenant table carries. */
export type TenantTable = SQLiteTable & { id: SQLiteColumn; tenantId: SQLiteColumn };
export type Row<T extends TenantTable> = T["$inferSelect"];
export type NewRow<T extends TenantTable> = Omit<T["$inferInsert"], "tenantId">;
/** New values, or SQL computed from the row (`attempts + 1`). */
type Changes<T extends TenantTable> = { [K in keyof Omit<NewRow<T>, "id">]?: Omit<NewRow<T>, "id">[K] | SQL };

/**
 * The only door to a cell's data. It is built for one tenant and adds `tenant_id = ?` to every
 * read, write and delete, so a query without the tenant cannot be written outside db/ (the lint
 * rules forbid importing the D1 driver anywhere else). Loading by id of an object that belongs
 * to another tenant finds nothing: the caller answers 404, never 403, so ids leak nothing.
 */
export class TenantScope {
  readonly #db: DrizzleD1Database;
  readonly #d1: D1Database;
  readonly tenantId: string;

  constructor(database: D1Database, tenantId: string) {
    if (!tenantId) throw new Error("A tenant scope needs a tenant id");
    this.#d1 = database;
    this.#db = drizzle(database);
    this.tenantId = tenantId;
  }

  /** The tenant condition, joined with the caller's own conditions. */
  where(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.tenantId, this.tenantId), ...conditions) as SQL;
  }

  async findById<T extends TenantTable>(table: T, id: string): Promise<Row<T> | undefined> {
    const rows = await this.#db
      .select()
      .from(table as SQLiteTable)
      .where(this.where(table, eq(table.id, id)))
      .limit(1);
    return rows[0] as Row<T> | undefined;
  }

  async findOne<T extends TenantTable>(table: T, condition?: SQL): Promise<Row<T> | undefined> {
    const rows = await this.#db
      .select()
      .from(table as SQLiteTable)
      .where(this.where(table, condition))
      .limit(1);
    return rows[0] as Row<T> | undefined;
  }

  async list<T extends TenantTable>(table: T, options: ListOptions = {}): Promise<Row<T>[]> {
    return (await this.select(table, options)) as Row<T>[];
  }

  /** The read of `list`, not yet run: to hand to `batch` with others, so that they cost one round trip. */
  select<T extends TenantTable>(table: T, options: ListOptions = {}) {
    return this.#db
      .select()
      .from(table as SQLiteTable)
      .where(this.where(table, options.where))
      .orderBy(options.orderBy ?? table.id)
      .limit(options.limit ?? 100);
  }

  /**
   * Rows of `left` with their row of `right`, both of this tenant: the tenant condition is on
   * both sides of the join, so a foreign key pointing across tenants still finds nothing.
   */
  async joinMany<L extends TenantTable, R extends TenantTable>(
    left: L,
    right: R,
    on: SQL,
    condition: SQL | undefined,
    options: { orderBy?: SQL | SQLiteColumn; limit?: number } = {},
  ): Promise<{ left: Row<L>; right: Row<R> }[]> {
    const rows = await this.#db
      .select({ left: left as SQLiteTable, right: right as SQLiteTable })
      .from(left as SQLiteTable)
      .innerJoin(right as SQLiteTable, and(on, eq(right.tenantId, this.tenantId)))
      .where(this.where(left, condition))
      .orderBy(options.orderBy ?? left.id)
      .limit(options.limit ?? 100);
    return rows as { left: Row<L>; right: Row<R> }[];
  }

  async joinOne<L extends TenantTable, R extends TenantTable>(
    left: L,
    right: R,
    on: SQL,
    condition: SQL,
  ): Promise<{ left: Row<L>; right: Row<R> } | undefined> {
    return (await this.joinMany(left, right, on, condition, { limit: 1 }))[0];
  }

  /** An insert that stamps the tenant; await it, or hand it to `batch` with others. */
  insert<T extends TenantTable>(table: T, values: NewRow<T> | NewRow<T>[]) {
    const rows = (Array.isArray(values) ? values : [values]).map((row) => ({
      ...row,
      tenantId: this.tenantId,
    }));
    return this.#db.insert(table).values(rows as T["$inferInsert"][]);
  }

  /**
   * An insert that happens only when `condition` holds, decided by SQLite inside the one statement
   * (`INSERT ... SELECT ... WHERE`), so no other writer can slip in between the check and the
   * write; in a batch, it sees what the statements before it wrote. Its result's `meta.changes`
   * is 0 when the condition did not hold.
   */
  insertWhen<T extends TenantTable>(table: T, values: NewRow<T>, condition: SQL) {
    const row: Record<string, unknown> = { ...values, tenantId: this.tenantId };
    // Drizzle lists every column of the table, in order, for an INSERT ... SELECT.
    const selected = Object.entries(getTableColumns(table)).map(([key, column]) => {
      const value = row[key] === undefined ? column.default : row[key];
      if (value === undefined || value === null) return sql`null`;
      // A value worked out by SQLite in the statement itself (a number taken from a counter).
      return is(value, SQL) ? value : sql.param(value, column);
    });
    return this.#db.insert(table).select(sql`select ${sql.join(selected, sql`, `)} where ${condition}`);
  }

  /** An insert that happens only when no row of this tenant in `table` matches `blocker` (see insertWhen). */
  insertUnless<T extends TenantTable>(table: T, values: NewRow<T>, blocker: SQL) {
    return this.insertWhen(
      table,
      values,
      sql`not exists (select 1 from ${table} where ${this.where(table, blocker)})`,
    );
  }

  /**
   * Inserts of many rows, split so that no statement binds more than D1's 100 parameters; hand
   * them to `batch` so that they land together.
   */
  insertAll<T extends TenantTable>(table: T, values: NewRow<T>[]) {
    const perRow = Object.keys(getTableColumns(table)).length;
    return chunked(values, Math.max(1, Math.floor(maxParameters / perRow))).map((rows) =>
      this.insert(table, rows),
    );
  }

  update<T extends TenantTable>(table: T, id: string, changes: Changes<T>) {
    return this.#db
      .update(table)
      .set(changes as Partial<T["$inferInsert"]>)
      .where(this.where(table, eq(table.id, id)));
  }

  updateWhere<T extends TenantTable>(table: T, condition: SQL, changes: Changes<T>) {
    return this.#db
      .update(table)
      .set(changes as Partial<T["$inferInsert"]>)
      .where(this.where(table, condition));
  }

  /** Counts this tenant's rows that match. */
  async count<T extends TenantTable>(table: T, condition?: SQL): Promise<number> {
    return this.#db.$count(table as SQLiteTable, this.where(table, condition));
  }

  /** The sum of a numeric column over this tenant's rows that match; 0 when none do. */
  async sum<T extends TenantTable>(table: T, column: SQLiteColumn, condition?: SQL): Promise<number> {
    const rows = await this.#db
      .select({ total: sql<number>`coalesce(sum(${column}), 0)` })
      .from(table as SQLiteTable)
      .where(this.where(table, condition));
    return Number(rows[0]?.total ?? 0);
  }

  delete<T extends TenantTable>(table: T, id: string) {
    return this.#db.delete(table).where(this.where(table, eq(table.id, id)));
  }

  deleteWhere<T extends TenantTable>(table: T, condition: SQL) {
    return this.#db.delete(table).where(this.where(table, condition));
  }

  /**
   * A batch as `batch` runs it, built once with `sql.placeholder`s and then run many times with
   * their values: building a message's statements cost drizzle about 0.9 ms and made about half
   * of the garbage of a busy chat room (ADR 0016). The results come back as `batch` gives
   * them. A placeholder given `null` binds NULL, as a null value in a built statement does (the
   * column's encoder would turn it into the text "null" for a JSON column).
   */
  prepareBatch(statements: readonly Preparable[]): (values: Record<string, unknown>) => Promise<unknown[]> {
    const prepared = statements.map((statement) => {
      const query = statement.prepare();
      const { sql: text, params } = query.getQuery();
      return { query, params, d1: this.#d1.prepare(text) };
    });
    return async (values) => {
      const results = await this.#d1.batch(
        prepared.map(({ params, d1 }) => d1.bind(...fillPlaceholders(nullsKept(params, values), values))),
      );
      return results.map((result, index) => prepared[index]!.query.mapResult(result, true));
    };
  }

  /** Several writes as one atomic D1 batch: all land or none does. */
  batch<U extends BatchItem<"sqlite">, T extends Readonly<[U, ...U[]]>>(statements: T) {
    return this.#db.batch<U, T>(statements);
  }
}

function nullsKept(params: unknown[], values: Record<string, unknown>): unknown[] {
  return params.map((param) =>
    is(param, Param) && is(param.value, Placeholder) && values[param.value.name] === null ? null : param,
  );
}
