/**
 * A file of rows and columns, whatever it came as (CSV or an Excel sheet): rows with their line
 * (row number in the file, counted from 1) and their cells as read. The ledger and volume readers
 * take their columns from a TableRow stream, so they read CSV and XLSX alike.
 */
import type { DecodeInfo } from '../text/decode.ts';

/** A cell as read: text (CSV, Excel text), a number or date or boolean (Excel), or nothing. */
export type Cell = string | number | Date | boolean | null;

export interface TableRow {
  line: number;
  cells: Cell[];
}

/** What a table reader learnt about the file. */
export interface TableInfo {
  format: 'csv' | 'xlsx';
  /** CSV: how the bytes were decoded. */
  decode: DecodeInfo | null;
  /** CSV: the field delimiter used. */
  delimiter: ';' | ',' | '\t' | null;
  /** XLSX: the sheet read. */
  sheet: string | null;
  rows: number;
}

/** A cell as text, as the user would read it in the file: trimmed, '' for nothing. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}
