/**
 * Data cells are D1 bindings named TENANT_DB_<n>. A tenant's row in the control plane names its
 * cell; this turns that name into the binding, refusing names the Worker does not have.
 */
export const cellBindingPattern = /^TENANT_DB_[0-9]+$/;

export type Cells = ReadonlyMap<string, D1Database>;

export function cellsOf(env: object): Cells {
  const cells = new Map<string, D1Database>();
  for (const [name, value] of Object.entries(env)) {
    if (cellBindingPattern.test(name) && value) cells.set(name, value as D1Database);
  }
  return cells;
}

export function cellDatabase(cells: Cells, cell: string): D1Database {
  const database = cells.get(cell);
  if (!database) throw new Error(`Unknown data cell ${cell}`);
  return database;
}
