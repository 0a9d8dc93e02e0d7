/**
 * How an audit event (ändringshistorik) reads, pure: a value before or after a change as one short
 * line, and a figure table's changed cells in words ("Kostnader, Budget 2021: -1 000 → -1 200").
 * Cell saves (PATCH …/cells) are audited as the changed `rows` (or the `total`) before and after (a
 * whole-item save as all its rows), so the cells that changed are found by comparing the two.
 */
import { diffCells, rowKeyOf, rowLabelOf, type CellRow, type StoredRow } from '../domain/figure-table.ts';
import { formatPeriod } from '../domain/format.ts';
import { summarizeAuditValue } from './content-editor-view.ts';

/** Values dated by year or period ("2021: 50 %"), as targets and outcomes are stored. */
function isDatedList(value: unknown): value is Array<{ year?: number; period?: string; text: unknown }> {
  return Array.isArray(value) && value.length > 0 && value.every((entry) => entry && typeof entry === 'object' && 'text' in entry && ('year' in entry || 'period' in entry));
}

const shorten = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** An audit value as one short line; '' for nothing (the caller says "(tomt)"). */
export function auditValueText(value: unknown): string {
  if (isDatedList(value)) {
    return shorten(value.map((entry) => `${entry.year ?? (entry.period ? formatPeriod(entry.period) : '')}: ${String(entry.text)}`).join('; '));
  }
  return summarizeAuditValue(value);
}

/** A row of a figure table as the audit stores it: keyed by key (volumes, investments) or line (budget). */
type AuditRow = Partial<StoredRow>;

/** One changed cell: where (row and column as printed) and its text before and after ('' = empty). */
export interface CellChange {
  row: string;
  column: string;
  before: string;
  after: string;
}

/** An audited `rows` (or the investment total, one row of its own) as the domain's cell rows. */
function rowsOf(value: unknown): CellRow[] {
  const rows: AuditRow[] = Array.isArray(value) ? value.filter((row): row is AuditRow => !!row && typeof row === 'object') : value && typeof value === 'object' ? [value as AuditRow] : [];
  return rows.map((row) => {
    const stored = { ...row, cells: row.cells ?? {} };
    return { key: rowKeyOf(stored), label: rowLabelOf(stored), cells: stored.cells };
  });
}

/**
 * The cells that differ between two versions of a table's rows, in row order (rows added or
 * removed count their filled cells) — the domain's cell difference (domain/figure-table.ts).
 * Columns are named by `columns` (the table as saved now); a column no longer there keeps its key.
 */
export function changedCells(before: unknown, after: unknown, columns: Array<{ key: string; label: string }>): CellChange[] {
  return diffCells(rowsOf(before), rowsOf(after), columns)
    .filter((difference) => difference.kind === 'cell')
    .map(({ row, column, before: was, after: is }) => ({ row, column, before: was, after: is }));
}

/** The changed cells in words, one line each: "Kostnader, Budget 2021: -1 000 → -1 200"; [] when no cell changed. */
export function cellChangeLines(changes: CellChange[], empty: string): string[] {
  return changes.map((change) => `${change.row}, ${change.column}: ${change.before || empty} → ${change.after || empty}`);
}
