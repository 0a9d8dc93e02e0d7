/**
 * Reading older plan files: version 1 held an operating budget as three fixed lines (income,
 * costs, net) with `kind` on each column. Version 2 holds any economic table (issue 13); a
 * version 1 table becomes rows keyed by their line, columns with a measure, and the net relation
 * the old format implied. Anything not recognised is left as it is, so the schema reports it with
 * its path. Pure: no schema import, so plan.ts can call it before it validates.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A plan file of version 1 as version 2; any other input is returned unchanged. */
export function upgradePlanFile(input: unknown): unknown {
  if (!isObject(input) || input.formatVersion !== 1) return input;
  const upgraded: Json = { ...input, formatVersion: 2 };
  if (Array.isArray(input.budgetTables)) upgraded.budgetTables = input.budgetTables.map(upgradeBudgetTable);
  return upgraded;
}

const measureOfKind: Record<string, string> = { actual: 'actual', budget: 'budget', forecast: 'forecast', plan: 'plan' };

/** Whether a budget table has the version 1 shape: rows named by `line` alone, columns with `kind`. */
export function isVersion1BudgetTable(table: unknown): table is Json {
  if (!isObject(table) || !Array.isArray(table.rows) || !Array.isArray(table.columns)) return false;
  const rowsOld = table.rows.every((row) => isObject(row) && 'line' in row && !('key' in row));
  const columnsOld = table.columns.every((column) => isObject(column) && 'kind' in column && !('measure' in column));
  return rowsOld && columnsOld && (table.rows.length > 0 || table.columns.length > 0);
}

/** A version 1 budget table in the version 2 shape; a table already in that shape is returned as it is. */
export function upgradeBudgetTable(table: unknown): unknown {
  if (!isVersion1BudgetTable(table)) return table;
  const { columns, rows, notes, ...head } = table as Json & { columns: Json[]; rows: Json[] };
  const lines = new Set(rows.map((row) => row.line));
  const relations = lines.has('income') && lines.has('costs') && lines.has('net') ? [{ kind: 'net', axis: 'rows', target: 'net', income: 'income', costs: 'costs' }] : [];
  return {
    ...head,
    costSign: 'negative',
    columns: columns.map(({ kind, ...column }) => ({
      key: column.key,
      label: column.label,
      measure: measureOfKind[String(kind)] ?? 'other',
      ...(column.period === undefined ? {} : { period: column.period }),
      ...(column.asOf === undefined ? {} : { asOf: column.asOf }),
      ...(column.indexationPercent === undefined ? {} : { indexationPercent: column.indexationPercent }),
    })),
    rows: rows.map(({ line, label, cells }) => ({ key: line, label, kind: 'line', line, cells })),
    relations,
    ...(notes === undefined ? {} : { notes }),
  };
}
