/**
 * The cells an import writes, addressed as the figure table stores them (item type, item key, row
 * key, column key), and their application to a plan:
 * - a volume row's actual for a period goes into the table's actual column of that period;
 * - an economic table's outcome is found by its address (row identity × measure × period, the
 *   economy's findCell/setCell: a unit's income, costs or net outcome of a month);
 * - an indicator's actual is its outcome for the period.
 * A table without a column for the period gets one ("Utfall aug 2017") — a follow-up column, which
 * an adopted plan takes (decision 0004). A write with no text empties the cell (the actual is
 * removed): missing, never zero. Pure: returns a new plan and the changes.
 */
import { findCell, setCell, type CellAddress } from '../economy/table.ts';
import { StyrkortError } from '../errors.ts';
import { comparePeriods, formatPeriod, periodKeyPart, type Period } from '../period.ts';
import type { BudgetTable, Column, EconomicColumn, PlanFile, VolumeTable } from '../plan.ts';

/** The plan parts an import writes into. */
export type ImportItemType = 'volume-table' | 'budget-table' | 'indicator';

/** A cell as stored: indicators' actuals are row "actual", column = the period. */
export interface CellRef {
  itemType: ImportItemType;
  itemKey: string;
  rowKey: string;
  columnKey: string;
}

/** What an import puts in a cell. */
export interface CellWrite {
  itemType: ImportItemType;
  itemKey: string;
  /** A volume row's key, an economic row's key, or "actual" for an indicator; ignored when `address` is given. */
  rowKey: string;
  period: Period;
  /** The figure as it is to be printed; null empties the cell. */
  text: string | null;
  /** A table column by its key (undo, emptying a cell an earlier import wrote); else the column of the period. */
  columnKey?: string;
  /** An economic table's cell by its meaning (a ledger's outcome); the column is made when missing. */
  address?: CellAddress;
}

/** A cell as an import found and left it. */
export interface CellChange extends CellRef {
  period: Period;
  before: string | null;
  after: string | null;
}

/** A column an import added to a table. */
export interface AddedColumn {
  itemType: 'volume-table' | 'budget-table';
  itemKey: string;
  column: Column | EconomicColumn;
}

export interface AppliedWrites {
  plan: PlanFile;
  changes: CellChange[];
  addedColumns: AddedColumn[];
}

/** The same cell's identity as text, for maps: "volume-table|ifo-matt-2017|hvb|utfall-2017-08". */
export function cellId(cell: Pick<CellRef, 'itemKey' | 'rowKey' | 'columnKey'> & { itemType: string }): string {
  return `${cell.itemType}|${cell.itemKey}|${cell.rowKey}|${cell.columnKey}`;
}

/** Applies writes to a copy of the plan; every write's row must exist (the caller resolved them). */
export function applyCellWrites(plan: PlanFile, writes: readonly CellWrite[]): AppliedWrites {
  const next: PlanFile = { ...plan, volumeTables: [...plan.volumeTables], budgetTables: [...plan.budgetTables], indicators: [...plan.indicators] };
  const changes: CellChange[] = [];
  const addedColumns: AddedColumn[] = [];
  for (const write of writes) {
    if (write.itemType === 'indicator') changes.push(writeIndicator(next, write));
    else if (write.itemType === 'volume-table') changes.push(writeVolume(next, write, addedColumns));
    else changes.push(writeEconomic(next, write, addedColumns));
  }
  return { plan: next, changes, addedColumns };
}

function writeIndicator(plan: PlanFile, write: CellWrite): CellChange {
  const index = plan.indicators.findIndex((indicator) => indicator.key === write.itemKey);
  if (index === -1) throw new StyrkortError('not-found', `Styrtalet "${write.itemKey}" finns inte i planen`);
  const indicator = plan.indicators[index]!;
  const existing = indicator.actuals.find((actual) => actual.period === write.period);
  const before = existing?.text ?? null;
  const others = indicator.actuals.filter((actual) => actual.period !== write.period);
  const entry = write.text === null ? null : { ...(existing ?? {}), period: write.period, text: write.text };
  const actuals = entry === null ? others : [...others, entry].sort((a, b) => comparePeriods(a.period, b.period));
  plan.indicators[index] = { ...indicator, actuals };
  return { itemType: 'indicator', itemKey: write.itemKey, rowKey: 'actual', columnKey: write.period, period: write.period, before, after: write.text };
}

function writeVolume(plan: PlanFile, write: CellWrite, added: AddedColumn[]): CellChange {
  const index = plan.volumeTables.findIndex((table) => table.key === write.itemKey);
  if (index === -1) throw new StyrkortError('not-found', `Volymtabellen "${write.itemKey}" finns inte i planen`);
  let table: VolumeTable = plan.volumeTables[index]!;
  const rowIndex = table.rows.findIndex((row) => row.key === write.rowKey);
  if (rowIndex === -1) throw new StyrkortError('not-found', `Raden "${write.rowKey}" finns inte i volymtabellen ${write.itemKey}`);
  let column = write.columnKey === undefined ? actualColumn(table.columns, write.period) : table.columns.find((candidate) => candidate.key === write.columnKey);
  const change = { itemType: write.itemType, itemKey: write.itemKey, rowKey: write.rowKey, period: write.period };
  if (column === undefined) {
    if (write.text === null) return { ...change, columnKey: '', before: null, after: null };
    column = newActualColumn(table.columns, write.period);
    table = { ...table, columns: insertByPeriod(table.columns, column) };
    added.push({ itemType: 'volume-table', itemKey: write.itemKey, column });
  }
  const row = table.rows[rowIndex]!;
  const before = row.cells[column.key] ?? null;
  const rows = [...table.rows];
  rows[rowIndex] = { ...row, cells: withText(row.cells, column.key, write.text) };
  plan.volumeTables[index] = { ...table, rows };
  return { ...change, columnKey: column.key, before, after: write.text };
}

function writeEconomic(plan: PlanFile, write: CellWrite, added: AddedColumn[]): CellChange {
  const index = plan.budgetTables.findIndex((table) => table.key === write.itemKey);
  if (index === -1) throw new StyrkortError('not-found', `Budgettabellen "${write.itemKey}" finns inte i planen`);
  const table: BudgetTable = plan.budgetTables[index]!;
  const change = { itemType: write.itemType, itemKey: write.itemKey, period: write.period };
  if (write.address === undefined) {
    // By stored address: the row and column exist (undo, emptying an earlier import's cell).
    const rowIndex = table.rows.findIndex((row) => row.key === write.rowKey);
    if (rowIndex === -1 || !table.columns.some((column) => column.key === write.columnKey)) return { ...change, rowKey: write.rowKey, columnKey: write.columnKey ?? '', before: null, after: null };
    const row = table.rows[rowIndex]!;
    const before = row.cells[write.columnKey!] ?? null;
    const rows = [...table.rows];
    rows[rowIndex] = { ...row, cells: withText(row.cells, write.columnKey!, write.text) };
    plan.budgetTables[index] = { ...table, rows };
    return { ...change, rowKey: row.key, columnKey: write.columnKey!, before, after: write.text };
  }
  const found = findCell(table, write.address);
  if (found === null && write.text === null) return { ...change, rowKey: write.rowKey, columnKey: '', before: null, after: null };
  const next = found === null ? setCell(table, write.address, write.text!) : null;
  if (found === null && next === null) throw new StyrkortError('not-found', `Budgettabellen ${write.itemKey} har ingen rad för ${describeAddress(write.address)}`);
  const target = next ?? table;
  const cell = findCell(target, write.address)!;
  if (next !== null) {
    const column = next.columns.find((candidate) => !table.columns.some((old) => old.key === candidate.key));
    if (column) added.push({ itemType: 'budget-table', itemKey: write.itemKey, column });
  }
  const before = found === null ? null : (found.row.cells[found.column.key] ?? null);
  const rows = target.rows.map((row) => (row.key === cell.row.key ? { ...row, cells: withText(row.cells, cell.column.key, write.text) } : row));
  plan.budgetTables[index] = { ...target, rows };
  return { ...change, rowKey: cell.row.key, columnKey: cell.column.key, before, after: write.text };
}

function describeAddress(address: CellAddress): string {
  const row = 'key' in address.row ? `raden ${address.row.key}` : 'node' in address.row ? `enheten ${address.row.node}` : `kontona ${address.row.accounts}`;
  return `${row} (${address.line ?? address.measure}, ${formatPeriod(address.period)})`;
}

function withText(cells: Record<string, string>, column: string, text: string | null): Record<string, string> {
  const copy = { ...cells };
  if (text === null) delete copy[column];
  else copy[column] = text;
  return copy;
}

/** A volume table's actual column for exactly this period. */
export function actualColumn(columns: readonly Column[], period: Period): Column | undefined {
  return columns.find((column) => column.kind === 'actual' && column.period === period);
}

function newActualColumn(columns: readonly Column[], period: Period): Column {
  let key = `utfall-${periodKeyPart(period)}`;
  while (columns.some((column) => column.key === key)) key = `${key}-x`;
  return { key, label: `Utfall ${formatPeriod(period)}`, kind: 'actual', period };
}

/** The columns with one more, after the last column of an earlier or equal period (columns without a period stay where they are). */
function insertByPeriod(columns: readonly Column[], column: Column): Column[] {
  let at = 0;
  columns.forEach((candidate, i) => {
    if (candidate.period !== undefined && column.period !== undefined && comparePeriods(candidate.period, column.period) <= 0) at = i + 1;
  });
  return [...columns.slice(0, at), column, ...columns.slice(at)];
}

type ColumnRef = { itemType: string; itemKey: string; columnKey: string };

/** The plan without the columns named, where they hold no cell any more (an undone import's own columns). */
export function dropEmptyColumns(plan: PlanFile, columns: readonly ColumnRef[]): PlanFile {
  const emptyOf = (itemType: string, key: string, rows: ReadonlyArray<{ cells: Record<string, string> }>): Set<string> =>
    new Set(columns.filter((c) => c.itemType === itemType && c.itemKey === key && rows.every((row) => row.cells[c.columnKey] === undefined)).map((c) => c.columnKey));
  return {
    ...plan,
    volumeTables: plan.volumeTables.map((table) => {
      const empty = emptyOf('volume-table', table.key, table.rows);
      return empty.size === 0 ? table : { ...table, columns: table.columns.filter((column) => !empty.has(column.key)) };
    }),
    budgetTables: plan.budgetTables.map((table) => {
      const empty = emptyOf('budget-table', table.key, table.rows);
      return empty.size === 0 ? table : { ...table, columns: table.columns.filter((column) => !empty.has(column.key)) };
    }),
  };
}

/** Puts texts back into cells by their stored address (undo): the rows and columns exist. */
export function restoreCells(plan: PlanFile, cells: ReadonlyArray<CellRef & { period: Period; text: string | null }>): PlanFile {
  const writes: CellWrite[] = cells.map((cell) => ({ itemType: cell.itemType, itemKey: cell.itemKey, rowKey: cell.rowKey, period: cell.itemType === 'indicator' ? cell.columnKey : cell.period, text: cell.text, columnKey: cell.columnKey }));
  return applyCellWrites(plan, writes).plan;
}
