/**
 * The pure rules of the one grid editor (volume table, budget table, investment budget) that are
 * the browser's own: unsaved texts by cell, what a save sends of them, the table as it stands with
 * them, and how a block pasted from a spreadsheet spreads over the cells to the right and below.
 * Rows, cell changes and which columns may change are the domain's (domain/figure-table.ts).
 */
import { applyCellChanges, cellRowsOf, type CellChange, type CellRow, type FigureColumn, type FigureTable } from '../../../domain/figure-table.ts';

/** The id of a cell in a grid's edits: its row key and column key. */
export const cellId = (row: string, column: string) => `${row}\u0000${column}`;

/** The row and column keys of a cell id. */
export function cellOfId(id: string): { row: string; column: string } {
  const [row = '', column = ''] = id.split('\u0000');
  return { row, column };
}

/** Unsaved texts by cell id (row and column key); an empty text clears the cell. */
export type CellEdits = Record<string, string>;

/** Text pasted from a spreadsheet as rows of cells (tab between cells, a line break between rows). */
export function parsePastedGrid(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Excel ends a copied block with a line break: that is no empty last row.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

/** Values pasted from a spreadsheet laid over the cells from (rowIndex, columnIndex), right and down. */
export function pasteEdits(options: { grid: string[][]; rows: Array<{ key: string }>; columns: readonly FigureColumn[]; rowIndex: number; columnIndex: number; editable: (column: FigureColumn) => boolean }): { edits: CellEdits; skipped: number } {
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

/** The cells a save sends: edits in editable columns whose text differs from the saved one. */
export function editsAsChanges(rows: readonly CellRow[], columns: readonly FigureColumn[], edits: CellEdits, editable: (column: FigureColumn) => boolean): CellChange[] {
  const changes: CellChange[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const edited = edits[cellId(row.key, column.key)];
      if (edited === undefined || !editable(column)) continue;
      const text = edited.trim();
      if (text === (row.cells[column.key] ?? '')) continue;
      changes.push({ row: row.key, column: column.key, text: text === '' ? null : text });
    }
  }
  return changes;
}

/**
 * The table as it stands with the unsaved edits, by the domain's rule for cell changes (the
 * grid's reconciliation and sums read this). Edits of cells the table no longer has are left out.
 */
export function withEdits<T extends FigureTable>(table: T, edits: CellEdits): T {
  const rows = new Set(cellRowsOf(table).map((row) => row.key));
  const columns = new Set(table.columns.map((column) => column.key));
  const changes = Object.entries(edits)
    .map(([id, text]) => ({ ...cellOfId(id), text }))
    .filter((change) => rows.has(change.row) && columns.has(change.column));
  const applied = applyCellChanges(table, changes);
  return applied.ok ? applied.table : table;
}
