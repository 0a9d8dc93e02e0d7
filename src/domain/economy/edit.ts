/**
 * Changing the shape of an economic table (issue 13): rows and columns added, removed and moved,
 * a row's kind and unit set. Pure functions of the table, used by the web editor and tested here;
 * whether the result holds together is said by structure.ts, the same rule the server applies.
 * Removing a row or column takes it out of the sums and relations that named it, so a removal
 * never leaves a reference to nothing behind.
 */
import type { EconomicRowKind } from '../plan-constants.ts';
import type { BudgetTable, EconomicColumn, EconomicRow } from '../plan.ts';

/** A key for a new row or column from its label, unique in the table ("socialnamnd", "budget-2021-2"). */
export function newKey(label: string, taken: ReadonlyArray<{ key: string }>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'rad';
  const keys = new Set(taken.map((item) => item.key));
  let key = base;
  for (let n = 2; keys.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

/** The table with a row added after `after` (or last): a line, unless another kind is given. */
export function addRow(table: BudgetTable, row: { label: string; kind?: EconomicRowKind; node?: string; after?: string }): BudgetTable {
  const added: EconomicRow = { key: newKey(row.label, table.rows), label: row.label, kind: row.kind ?? 'line', cells: {} };
  if (row.node) added.node = row.node;
  if (added.kind === 'subtotal' || added.kind === 'total') added.parts = [];
  const at = row.after === undefined ? table.rows.length : table.rows.findIndex((candidate) => candidate.key === row.after) + 1;
  return { ...table, rows: [...table.rows.slice(0, at), added, ...table.rows.slice(at)] };
}

/** The table without the row; sums no longer count it, and relations that named it are gone with it. */
export function removeRow(table: BudgetTable, key: string): BudgetTable {
  const rows = table.rows
    .filter((row) => row.key !== key)
    .map((row) => {
      const next = { ...row };
      if (row.parts) next.parts = row.parts.filter((part) => part !== key);
      if (row.partOf === key) {
        delete next.partOf;
        next.kind = 'line';
      }
      return next;
    });
  const relations = table.relations.filter((relation) => {
    if (relation.kind === 'unit-total') return relation.row !== key;
    if (relation.axis !== 'rows') return true;
    return relation.kind === 'net' ? ![relation.target, relation.income, relation.costs].includes(key) : ![relation.target, relation.outcome, relation.budget].includes(key);
  });
  return { ...table, rows, relations };
}

/** The table with a row moved one place up (-1) or down (1); at the edge it stays. */
export function moveRow(table: BudgetTable, key: string, by: -1 | 1): BudgetTable {
  return { ...table, rows: moved(table.rows, key, by) };
}

/**
 * The table with a row of another kind: a subtotal or total sums the lines under it up to the next
 * heading, subtotal or total when it names none yet; a "varav" part belongs to the row above it.
 */
export function setRowKind(table: BudgetTable, key: string, kind: EconomicRowKind): BudgetTable {
  const index = table.rows.findIndex((row) => row.key === key);
  if (index < 0) return table;
  const rows = table.rows.map((row, i) => {
    if (i !== index) return row;
    const { parts: _parts, partOf: _partOf, ...rest } = row;
    const next: EconomicRow = { ...rest, kind };
    if (kind === 'heading') next.cells = {};
    if (kind === 'subtotal' || kind === 'total') next.parts = row.parts?.length ? row.parts : linesAround(table.rows, index, kind);
    if (kind === 'part') {
      const whole = table.rows.slice(0, index).reverse().find((candidate) => candidate.kind !== 'part' && candidate.kind !== 'heading');
      if (whole) next.partOf = whole.key;
    }
    return next;
  });
  return { ...table, rows };
}

/**
 * The rows a new sum counts: a subtotal the lines below it up to the next heading or sum (the
 * committee row above its activities, as Västervik prints it), or above it when none follow (a
 * "Summa" below its block, as Sjöbo prints it); a total every subtotal, else every line.
 */
function linesAround(rows: EconomicRow[], index: number, kind: 'subtotal' | 'total'): string[] {
  if (kind === 'total') {
    const subtotals = rows.filter((row) => row.kind === 'subtotal');
    return (subtotals.length ? subtotals : rows.filter((row, i) => i !== index && row.kind === 'line')).map((row) => row.key);
  }
  const block = (from: EconomicRow[]) => {
    const out: string[] = [];
    for (const row of from) {
      if (row.kind !== 'line' && row.kind !== 'part') break;
      if (row.kind === 'line') out.push(row.key);
    }
    return out;
  };
  const below = block(rows.slice(index + 1));
  return below.length ? below : block(rows.slice(0, index).reverse()).reverse();
}

/** The table with a row's unit (organisation node) set, or cleared with undefined. */
export function setRowNode(table: BudgetTable, key: string, node: string | undefined): BudgetTable {
  return {
    ...table,
    rows: table.rows.map((row) => {
      if (row.key !== key) return row;
      const { node: _node, ...rest } = row;
      return node === undefined ? rest : { ...rest, node };
    }),
  };
}

/** The table with a row's printed label changed. */
export function setRowLabel(table: BudgetTable, key: string, label: string): BudgetTable {
  return { ...table, rows: table.rows.map((row) => (row.key === key ? { ...row, label } : row)) };
}

/** The table with a column added last, keyed from its heading. */
export function addColumn(table: BudgetTable, column: Omit<EconomicColumn, 'key'>): BudgetTable {
  return { ...table, columns: [...table.columns, { key: newKey(column.label, table.columns), ...column }] };
}

/** The table without the column: its cells go, and relations that named it are gone with it. */
export function removeColumn(table: BudgetTable, key: string): BudgetTable {
  const rows = table.rows.map((row) => {
    if (!(key in row.cells)) return row;
    const { [key]: _gone, ...cells } = row.cells;
    return { ...row, cells };
  });
  const relations = table.relations.filter((relation) => {
    if (relation.kind === 'unit-total' || relation.axis !== 'columns') return true;
    return relation.kind === 'net' ? ![relation.target, relation.income, relation.costs].includes(key) : ![relation.target, relation.outcome, relation.budget].includes(key);
  });
  return { ...table, columns: table.columns.filter((column) => column.key !== key), rows, relations };
}

/** The table with a column moved one place left (-1) or right (1). */
export function moveColumn(table: BudgetTable, key: string, by: -1 | 1): BudgetTable {
  return { ...table, columns: moved(table.columns, key, by) };
}

/** The table with a column's heading, measure or period changed. */
export function setColumn(table: BudgetTable, key: string, change: Partial<Pick<EconomicColumn, 'label' | 'measure' | 'period' | 'asOf'>>): BudgetTable {
  return {
    ...table,
    columns: table.columns.map((column) => {
      if (column.key !== key) return column;
      const next: EconomicColumn = { ...column, ...change };
      for (const field of ['period', 'asOf'] as const) if (next[field] === undefined || next[field] === '') delete next[field];
      return next;
    }),
  };
}

function moved<T extends { key: string }>(items: T[], key: string, by: -1 | 1): T[] {
  const from = items.findIndex((item) => item.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return items;
  const next = [...items];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
