/**
 * The pure rules every grid editor (volume table, budget table, investment budget) shares: which
 * columns may be changed in a plan of a given status, and how a block pasted from a spreadsheet
 * splits into cells over the cells to the right and below.
 */
import { isFollowUpColumn } from '../../../domain/follow-up-changes.ts';
import type { PlanFile } from '../../../domain/plan.ts';

type Status = PlanFile['plan']['status'];

/** A column of any grid: a volume table's or investment budget's (kind) or an economic table's (measure). */
export type GridColumn = { key: string; label: string; kind?: string; measure?: string; basis?: string; period?: string; asOf?: string };

/** Whether a column's cells may be changed in a plan of this status (the server's rule, shown ahead). */
export function columnEditable(status: Status, column: Pick<GridColumn, 'kind' | 'measure' | 'basis'>): boolean {
  if (status === 'draft' || status === 'submitted') return true;
  // An adopted (antagen) plan takes only follow-up: outcome (utfall) and forecast (prognos) columns.
  if (status === 'adopted') return isFollowUpColumn(column);
  return false;
}

/** Text pasted from a spreadsheet as rows of cells (tab between cells, a line break between rows). */
export function parsePastedGrid(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Excel ends a copied block with a line break: that is no empty last row.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

/** The id of a cell in a grid's edits: its row key and column key. */
export const cellId = (row: string, column: string) => `${row}\u0000${column}`;

/** Unsaved texts by cell id (row and column key); an empty text clears the cell. */
export type CellEdits = Record<string, string>;

/** Values pasted from a spreadsheet laid over the cells from (rowIndex, columnIndex), right and down. */
export function pasteEdits(options: { grid: string[][]; rows: Array<{ key: string }>; columns: GridColumn[]; rowIndex: number; columnIndex: number; editable: (column: GridColumn) => boolean }): { edits: CellEdits; skipped: number } {
  const { grid, rows, columns, rowIndex, columnIndex, editable } = options;
  const edits: CellEdits = {};
  let skipped = 0;
  grid.forEach((values, i) => {
    values.forEach((value, j) => {
      const row = rows[rowIndex + i];
      const column = columns[columnIndex + j];
      if (!row || !column || !editable(column)) skipped += 1;
      else edits[cellId(row.key, column.key)] = value.trim();
    });
  });
  return { edits, skipped };
}
