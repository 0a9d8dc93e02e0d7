/**
 * Figure tables — volume tables, economic tables (budget tables: resultaträkning, driftsredovisning)
 * and investment budgets — as the cells API, the server's write path, the grids of the browser and
 * the change history all see them: rows named by one key each (every row's key; a Timrå line row
 * is keyed by its line; the investment budget's printed total row as `_total`), cell changes applied by one rule (an empty
 * text empties the cell: missing, not zero), which columns a plan in a given status lets change
 * (on an adopted plan its follow-up columns: a volume or investment column of kind actual or
 * forecast, an economic table's outcome, forecast or printed deviation; decision 0004), and the
 * cells that differ between two versions of a table.
 */
import { columnScenario } from './economy/table.ts';
import type { Problem } from './errors.ts';
import type { BudgetTable, CapitalBudget, EconomicColumn, VolumeTable } from './plan.ts';
import { mayChangeContent, mayChangeFollowUp } from './plan-lifecycle.ts';

/** The plan parts that are figure tables, by their API segment. */
export const figureTableSegments = ['volume-tables', 'budget-tables', 'capital-budgets'] as const;
export type FigureTableSegment = (typeof figureTableSegments)[number];

/** Whether a plan part (by its API segment) is a figure table, with cells to change one by one. */
export function isFigureTableSegment(segment: string): segment is FigureTableSegment {
  return (figureTableSegments as readonly string[]).includes(segment);
}

/** Any figure table of a plan. */
export type FigureTable = VolumeTable | BudgetTable | CapitalBudget;

/** A column of any figure table: a volume table's or investment budget's (by kind) or an economic table's (by measure). */
export type FigureColumn = FigureTable['columns'][number];

/** What the follow-up rule reads of a column: its kind (volume table, investment budget) or its measure and basis (economic table). */
export type ColumnMeaning = { kind: string } | Pick<EconomicColumn, 'measure' | 'basis'>;

/** The key of an investment budget's printed total row (summa) in the cells API and the history. */
export const TOTAL_ROW = '_total';

/** A row as stored in any figure table: every row has a key (a budget row of plan file version 1 had only its line). */
export interface StoredRow {
  key?: string;
  line?: string;
  label?: string;
  text?: string;
  cells: Record<string, string>;
}

/** A row of a figure table by the key the cells API knows it by, with its label as printed. */
export interface CellRow {
  key: string;
  label: string;
  cells: Record<string, string>;
}

/** The key of a stored row: its key, or (version 1) a budget row's line. */
export function rowKeyOf(row: Pick<StoredRow, 'key' | 'line'>): string {
  return row.key ?? row.line ?? '';
}

/** The label of a stored row as printed: a volume or budget row's label, an investment row's text. */
export function rowLabelOf(row: StoredRow): string {
  return row.label ?? row.text ?? rowKeyOf(row);
}

function totalOf(table: FigureTable): CapitalBudget['total'] {
  return 'total' in table ? table.total : null;
}

/** The rows of any figure table as cell rows, an investment budget's printed total row last. */
export function cellRowsOf(table: FigureTable): CellRow[] {
  const rows: readonly StoredRow[] = table.rows;
  const cellRows = rows.map((row) => ({ key: rowKeyOf(row), label: rowLabelOf(row), cells: row.cells }));
  const total = totalOf(table);
  return total ? [...cellRows, { key: TOTAL_ROW, label: total.label, cells: total.cells }] : cellRows;
}

/** One cell change: the row's key, the column's key, and the text as typed (null or blank empties the cell). */
export interface CellChange {
  row: string;
  column: string;
  text: string | null;
}

/** A table with cell changes applied, or every change that names no row or column of it. */
export type AppliedCells<T> = { ok: true; table: T } | { ok: false; problems: Problem[] };

/**
 * Applies cell changes to a table (the given table is left untouched): a text is kept trimmed, as
 * typed; null or a blank text empties the cell, which is then missing — never zero.
 */
export function applyCellChanges<T extends FigureTable>(table: T, changes: readonly CellChange[]): AppliedCells<T> {
  const copy = structuredClone(table);
  const rows: readonly StoredRow[] = copy.rows;
  const byKey = new Map<string, { cells: Record<string, string> }>(rows.map((row) => [rowKeyOf(row), row]));
  const total = totalOf(copy);
  if (total) byKey.set(TOTAL_ROW, total);
  const columns = new Set(copy.columns.map((column) => column.key));
  const problems: Problem[] = [];
  changes.forEach((change, i) => {
    const row = byKey.get(change.row);
    if (!row) return problems.push({ path: `$.cells[${i}].row`, message: `Raden "${change.row}" finns inte i tabellen` });
    if (!columns.has(change.column)) return problems.push({ path: `$.cells[${i}].column`, message: `Kolumnen "${change.column}" finns inte i tabellen` });
    const text = change.text?.trim() ?? '';
    if (text === '') delete row.cells[change.column];
    else row.cells[change.column] = text;
    return undefined;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, table: copy };
}

// An economic table's outcome, forecast and printed deviation are follow-up; its budget and plan years are not.
const followUpScenarios: ReadonlySet<string> = new Set(['actual', 'forecast', 'deviation']);

/**
 * Whether a column holds follow-up, which an adopted plan still takes: a volume or investment
 * column of kind actual or forecast; an economic table's column by what its measure holds — the
 * outcome ("Nettokostnad 2021", "Utfall"), a forecast, or the printed deviation (avvikelse).
 */
export function isFollowUpColumn(column: ColumnMeaning): boolean {
  if ('measure' in column) return followUpScenarios.has(columnScenario(column));
  return column.kind === 'actual' || column.kind === 'forecast';
}

/**
 * Whether a column's cells may change in a plan of this status: every column before adoption, the
 * follow-up columns of an adopted plan, none of an archived one. The same rule for volume, budget
 * and investment tables, on the server and in the browser.
 */
export function isColumnEditable(status: string, column: ColumnMeaning): boolean {
  return mayChangeContent(status) || (mayChangeFollowUp(status) && isFollowUpColumn(column));
}

/** A figure table as any version of it may look (a stored item is not yet parsed). */
export interface TableShape {
  columns: Array<{ key: string } & ColumnMeaning>;
  rows: StoredRow[];
  total?: { cells: Record<string, string> } | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether changing a table from `before` into `after` changes follow-up only: the cells of actual
 * and forecast columns (the total row's too) and new actual or forecast columns at the end; rows,
 * labels, other columns and every other cell stay as they were.
 */
export function isFollowUpTableChange(before: TableShape, after: TableShape): boolean {
  const { columns: beforeColumns, rows: beforeRows, total: beforeTotal, ...beforeRest } = before;
  const { columns: afterColumns, rows: afterRows, total: afterTotal, ...afterRest } = after;
  if (!same(beforeRest, afterRest)) return false;
  if (!same(afterColumns.slice(0, beforeColumns.length), beforeColumns)) return false;
  if (!afterColumns.slice(beforeColumns.length).every(isFollowUpColumn)) return false;
  const followUp = new Set(afterColumns.filter(isFollowUpColumn).map((column) => column.key));
  const onlyFollowUpCells = (a: { cells: Record<string, string> }, b: { cells: Record<string, string> }) => {
    const { cells: cellsA, ...restA } = a;
    const { cells: cellsB, ...restB } = b;
    if (!same(restA, restB)) return false;
    const keys = new Set([...Object.keys(cellsA), ...Object.keys(cellsB)]);
    return [...keys].every((key) => cellsA[key] === cellsB[key] || followUp.has(key));
  };
  if (beforeRows.length !== afterRows.length || !beforeRows.every((row, i) => onlyFollowUpCells(row, afterRows[i]!))) return false;
  if (!beforeTotal || !afterTotal) return same(beforeTotal ?? null, afterTotal ?? null);
  return onlyFollowUpCells(beforeTotal, afterTotal);
}

/** The rows (or the investment total) a change of cells changed, before and after, as the audit keeps them. */
export type ChangedRows = Partial<Record<'rows' | 'total', { before: unknown; after: unknown }>>;

/**
 * What a change of cells (applyCellChanges) changed, for the audit: the rows whose cells differ,
 * before and after in table order, and the investment total when its cells differ. The change
 * history names the changed cells by comparing the two (web/item-history.ts).
 */
export function changedRows(before: FigureTable, after: FigureTable): ChangedRows {
  const out: ChangedRows = {};
  const beforeRows: readonly StoredRow[] = before.rows;
  const afterRows: readonly StoredRow[] = after.rows;
  const changed = afterRows.flatMap((row, i) => (same(row, beforeRows[i]) ? [] : [i]));
  if (changed.length > 0) out.rows = { before: changed.map((i) => beforeRows[i] ?? null), after: changed.map((i) => afterRows[i]) };
  const [totalBefore, totalAfter] = [totalOf(before) ?? null, totalOf(after) ?? null];
  if (!same(totalBefore, totalAfter)) out.total = { before: totalBefore, after: totalAfter };
  return out;
}

/** One difference between two versions of a table: a row's own text, or one cell's. */
export interface CellDifference {
  /** 'row': the row itself differs (its label, or only one version has it); 'cell': one cell's text. */
  kind: 'row' | 'cell';
  rowKey: string;
  /** The row's label as printed (the later version's when both have it). */
  row: string;
  /** '' for a row difference. */
  columnKey: string;
  /** The column's label, or its key when `columns` no longer has it. */
  column: string;
  /** Texts as printed; '' is an empty cell (or no such row). */
  before: string;
  after: string;
}

/**
 * Every difference between two versions of a table's rows, rows in the order of `after` and then
 * those only `before` has, cells in the order of `columns` and then cells of columns no longer
 * there. Used by the change history (before → after of a save) and the conflict view (the saved
 * version → mine).
 */
export function diffCells(before: readonly CellRow[], after: readonly CellRow[], columns: ReadonlyArray<{ key: string; label: string }>): CellDifference[] {
  const old = new Map(before.map((row) => [row.key, row]));
  const now = new Map(after.map((row) => [row.key, row]));
  const keys = [...now.keys(), ...[...old.keys()].filter((key) => !now.has(key))];
  const columnLabel = (key: string) => columns.find((column) => column.key === key)?.label ?? key;
  return keys.flatMap((rowKey) => {
    const was = old.get(rowKey);
    const is = now.get(rowKey);
    const row = (is ?? was)!.label;
    const differences: CellDifference[] = [];
    if (!was || !is || was.label !== is.label) {
      differences.push({ kind: 'row', rowKey, row, columnKey: '', column: '', before: was?.label ?? '', after: is?.label ?? '' });
    }
    const cellKeys = new Set([...Object.keys(was?.cells ?? {}), ...Object.keys(is?.cells ?? {})]);
    const ordered = [...columns.map((column) => column.key).filter((key) => cellKeys.has(key)), ...[...cellKeys].filter((key) => !columns.some((column) => column.key === key))];
    for (const columnKey of ordered) {
      const beforeText = was?.cells[columnKey] ?? '';
      const afterText = is?.cells[columnKey] ?? '';
      if (beforeText !== afterText) differences.push({ kind: 'cell', rowKey, row, columnKey, column: columnLabel(columnKey), before: beforeText, after: afterText });
    }
    return differences;
  });
}
