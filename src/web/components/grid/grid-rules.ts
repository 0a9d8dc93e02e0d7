/**
 * The pure rules every grid editor (volume table, budget table, investment budget) shares: which
 * columns may be changed in a plan of a given status, and how a block pasted from a spreadsheet
 * splits into cells.
 */
import type { Column, PlanFile } from '../../../domain/plan.ts';

type Status = PlanFile['plan']['status'];

/** Whether a column's cells may be changed in a plan of this status (the server's rule, shown ahead). */
export function columnEditable(status: Status, column: Pick<Column, 'kind'>): boolean {
  if (status === 'draft' || status === 'submitted') return true;
  // An adopted (antagen) plan takes only follow-up: the actual (utfall) and forecast (prognos) columns.
  if (status === 'adopted') return column.kind === 'actual' || column.kind === 'forecast';
  return false;
}

/** Text pasted from a spreadsheet as rows of cells (tab between cells, a line break between rows). */
export function parsePastedGrid(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Excel ends a copied block with a line break: that is no empty last row.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}
