/**
 * The cells an import writes, addressed as the figure table stores them (item type, item key, row
 * key, column key), and their application to a plan: a volume row's or a budget line's actual for
 * a period goes into the table's actual column for that period, created ("Utfall aug 2017") when
 * the table has none — a follow-up column, which an adopted plan takes (decision 0004); an
 * indicator's actual is its outcome for the period. A write with no text empties the cell (the
 * actual is removed): missing, never zero. Pure: returns a new plan and the changes.
 */
import { StyrkortError } from '../errors.ts';
import { comparePeriods, formatPeriod, periodKeyPart, type Period } from '../period.ts';
import type { Column, PlanFile } from '../plan.ts';

/** The plan parts an import writes into. */
export type ImportItemType = 'volume-table' | 'budget-table' | 'indicator';

/** A cell as stored: indicators' actuals are row "actual", column = the period. */
export interface CellRef {
  itemType: ImportItemType;
  itemKey: string;
  rowKey: string;
  columnKey: string;
}

/** What an import puts in a cell: a row (a volume row's key, a budget line, "actual") and a period. */
export interface CellWrite {
  itemType: ImportItemType;
  itemKey: string;
  rowKey: string;
  period: Period;
  /** The figure as it is to be printed; null empties the cell. */
  text: string | null;
  /** A table column named by its key (undo, emptying a cell an earlier import wrote); else the actual column of the period. */
  columnKey?: string;
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
  column: Column;
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
    else changes.push(writeTable(next, write, addedColumns));
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

type Cells = Record<string, string>;
interface AnyTable {
  key: string;
  columns: Column[];
  rows: Array<{ cells: Cells }>;
}

function writeTable(plan: PlanFile, write: CellWrite, added: AddedColumn[]): CellChange {
  const field = write.itemType === 'volume-table' ? 'volumeTables' : 'budgetTables';
  const tables = plan[field] as AnyTable[];
  const index = tables.findIndex((table) => table.key === write.itemKey);
  if (index === -1) throw new StyrkortError('not-found', `Tabellen "${write.itemKey}" finns inte i planen`);
  let table = tables[index]!;
  const rowIndex = table.rows.findIndex((row) => rowKeyOf(row) === write.rowKey);
  if (rowIndex === -1) throw new StyrkortError('not-found', `Raden "${write.rowKey}" finns inte i tabellen ${write.itemKey}`);
  let column = write.columnKey === undefined ? actualColumn(table.columns, write.period) : table.columns.find((candidate) => candidate.key === write.columnKey);
  if (column === undefined) {
    if (write.text === null) {
      return { itemType: write.itemType, itemKey: write.itemKey, rowKey: write.rowKey, columnKey: newColumnKey(table.columns, write.period), period: write.period, before: null, after: null };
    }
    column = newActualColumn(table.columns, write.period);
    table = { ...table, columns: insertByPeriod(table.columns, column) };
    added.push({ itemType: field === 'volumeTables' ? 'volume-table' : 'budget-table', itemKey: write.itemKey, column });
  }
  const row = table.rows[rowIndex]!;
  const before = row.cells[column.key] ?? null;
  const cells = { ...row.cells };
  if (write.text === null) delete cells[column.key];
  else cells[column.key] = write.text;
  const rows = [...table.rows];
  rows[rowIndex] = { ...row, cells };
  (tables as AnyTable[])[index] = { ...table, rows };
  return { itemType: write.itemType, itemKey: write.itemKey, rowKey: write.rowKey, columnKey: column.key, period: write.period, before, after: write.text };
}

/** The key of a row as the figure table stores it: a volume row's key, a budget row's line. */
export function rowKeyOf(row: object): string {
  const { key, line } = row as { key?: unknown; line?: unknown };
  return typeof key === 'string' ? key : typeof line === 'string' ? line : '';
}

/** The table's actual column for exactly this period. */
export function actualColumn(columns: readonly Column[], period: Period): Column | undefined {
  return columns.find((column) => column.kind === 'actual' && column.period === period);
}

function newColumnKey(columns: readonly Column[], period: Period): string {
  let key = `utfall-${periodKeyPart(period)}`;
  while (columns.some((column) => column.key === key)) key = `${key}-x`;
  return key;
}

function newActualColumn(columns: readonly Column[], period: Period): Column {
  return { key: newColumnKey(columns, period), label: `Utfall ${formatPeriod(period)}`, kind: 'actual', period };
}

/** The columns with one more, after the last column of an earlier or equal period (columns without a period stay where they are). */
function insertByPeriod(columns: readonly Column[], column: Column): Column[] {
  let at = 0;
  columns.forEach((candidate, i) => {
    if (candidate.period !== undefined && column.period !== undefined && comparePeriods(candidate.period, column.period) <= 0) at = i + 1;
  });
  return [...columns.slice(0, at), column, ...columns.slice(at)];
}

/** The plan without the columns named, where they hold no cell any more (an undone import's own columns). */
export function dropEmptyColumns(plan: PlanFile, columns: ReadonlyArray<{ itemType: string; itemKey: string; columnKey: string }>): PlanFile {
  const drop = (table: AnyTable, itemType: string): AnyTable => {
    const keys = new Set(columns.filter((c) => c.itemType === itemType && c.itemKey === table.key).map((c) => c.columnKey));
    const empty = [...keys].filter((key) => table.rows.every((row) => row.cells[key] === undefined));
    return empty.length === 0 ? table : { ...table, columns: table.columns.filter((column) => !empty.includes(column.key)) };
  };
  return {
    ...plan,
    volumeTables: plan.volumeTables.map((table) => drop(table as AnyTable, 'volume-table') as PlanFile['volumeTables'][number]),
    budgetTables: plan.budgetTables.map((table) => drop(table as AnyTable, 'budget-table') as PlanFile['budgetTables'][number]),
  };
}

/** Puts texts back into cells by their stored address (undo): the columns exist. */
export function restoreCells(plan: PlanFile, cells: ReadonlyArray<CellRef & { text: string | null }>): PlanFile {
  const next: PlanFile = { ...plan, volumeTables: [...plan.volumeTables], budgetTables: [...plan.budgetTables], indicators: [...plan.indicators] };
  for (const cell of cells) {
    if (cell.itemType === 'indicator') {
      writeIndicator(next, { itemType: 'indicator', itemKey: cell.itemKey, rowKey: 'actual', period: cell.columnKey, text: cell.text });
      continue;
    }
    const field = cell.itemType === 'volume-table' ? 'volumeTables' : 'budgetTables';
    const tables = next[field] as AnyTable[];
    const index = tables.findIndex((table) => table.key === cell.itemKey);
    if (index === -1) continue;
    const table = tables[index]!;
    const rows = table.rows.map((row) => {
      if (rowKeyOf(row) !== cell.rowKey) return row;
      const cells = { ...row.cells };
      if (cell.text === null) delete cells[cell.columnKey];
      else cells[cell.columnKey] = cell.text;
      return { ...row, cells };
    });
    tables[index] = { ...table, rows };
  }
  return next;
}
