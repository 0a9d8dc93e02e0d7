/**
 * How an audit event (ändringshistorik) reads, pure: a value before or after a change as one short
 * line, and a figure table's changed cells in words ("Kostnader, Budget 2021: -1 000 → -1 200").
 * Cell saves (PATCH …/cells) are audited as the whole `rows` (or `total`) before and after, so the
 * cells that changed are found by comparing the two.
 */
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
interface AuditRow {
  key?: string;
  line?: string;
  label?: string;
  text?: string;
  cells?: Record<string, string>;
}

/** One changed cell: where (row and column as printed) and its text before and after ('' = empty). */
export interface CellChange {
  row: string;
  column: string;
  before: string;
  after: string;
}

const rowsOf = (value: unknown): AuditRow[] => {
  if (Array.isArray(value)) return value.filter((row): row is AuditRow => !!row && typeof row === 'object');
  // The investment total is one row of its own (field `total`).
  return value && typeof value === 'object' ? [value as AuditRow] : [];
};
const rowId = (row: AuditRow) => row.key ?? row.line ?? '';
const rowLabel = (row: AuditRow) => row.label ?? row.text ?? rowId(row);

/**
 * The cells that differ between two versions of a table's rows, in row order (rows added or
 * removed count their filled cells). Columns are named by `columns` (the table as saved now);
 * a column no longer there keeps its key.
 */
export function changedCells(before: unknown, after: unknown, columns: Array<{ key: string; label: string }>): CellChange[] {
  const old = new Map(rowsOf(before).map((row) => [rowId(row), row]));
  const now = rowsOf(after);
  const ids = [...now.map(rowId), ...[...old.keys()].filter((id) => !now.some((row) => rowId(row) === id))];
  const columnLabel = (key: string) => columns.find((column) => column.key === key)?.label ?? key;
  const order = (keys: Set<string>) => [...columns.map((column) => column.key).filter((key) => keys.has(key)), ...[...keys].filter((key) => !columns.some((column) => column.key === key))];
  return ids.flatMap((id) => {
    const was = old.get(id);
    const is = now.find((row) => rowId(row) === id);
    const label = rowLabel(is ?? was!);
    const keys = new Set([...Object.keys(was?.cells ?? {}), ...Object.keys(is?.cells ?? {})]);
    return order(keys).flatMap((key) => {
      const beforeText = was?.cells?.[key] ?? '';
      const afterText = is?.cells?.[key] ?? '';
      return beforeText === afterText ? [] : [{ row: label, column: columnLabel(key), before: beforeText, after: afterText }];
    });
  });
}

/** The changed cells in words, one line each: "Kostnader, Budget 2021: -1 000 → -1 200"; [] when no cell changed. */
export function cellChangeLines(changes: CellChange[], empty: string): string[] {
  return changes.map((change) => `${change.row}, ${change.column}: ${change.before || empty} → ${change.after || empty}`);
}
