/**
 * Column widths of a table, worked out once for the paged formats (PDF, Word): figure columns as
 * wide as their widest figure, the longest label column takes what is left, running text shares it
 * and keeps at least a third of the width. Widths are content widths in points, without padding.
 */
import { longestWord, textWidth } from './theme.ts';
import { spanGrid, type Cell, type TableBlock } from './view-model.ts';

export interface WidthOptions {
  fontSize: number;
  /** The width of the page's text area, in points. */
  available: number;
  /** Horizontal padding of one cell (both sides), in points. */
  padding: number;
}

/** Content widths of the table's columns, in points; they add up to the available width. */
export function columnWidths(table: TableBlock, options: WidthOptions): number[] {
  const { fontSize, available, padding } = options;
  // Room for fonts wider than the estimate (Word documents may be shown in a substitute for Calibri).
  const slack = fontSize * 0.6;
  const hasText = table.columns.some((column) => column.kind === 'text');
  const body = spanGrid(table.body.map((row) => row.cells), table.columns.length);
  const header = spanGrid(table.header, table.columns.length);
  const cellsOf = (index: number, rows: Array<Array<Cell | null>>) => rows.map((row) => row[index]).filter((cell): cell is Cell => !!cell && !cell.colSpan);
  const contentWidth = (index: number) => Math.max(0, ...cellsOf(index, body).map((cell) => textWidth(cell.text, fontSize, cell.bold)));
  const wordWidth = (index: number, rows: Array<Array<Cell | null>>) => Math.max(0, ...cellsOf(index, rows).map((cell) => textWidth(longestWord(cell.text) + (cell.mark ?? ''), fontSize, true)));
  const labels = table.columns.flatMap((column, index) => (column.kind === 'label' ? [index] : []));
  const widestLabel = labels.reduce((best, index) => (contentWidth(index) > contentWidth(best) ? index : best), labels[0] ?? -1);
  const minimum = table.columns.map((_, index) => Math.ceil(Math.max(wordWidth(index, body), wordWidth(index, header)) + 3));

  // null: shares what is left
  const fixed: Array<number | null> = table.columns.map((column, index) => {
    const headerWidth = wordWidth(index, header);
    if (column.kind === 'text') return cellsOf(index, body).some((cell) => cell.text !== '') ? null : Math.ceil(headerWidth + slack);
    if (column.kind === 'figure') return Math.ceil(Math.max(headerWidth, contentWidth(index), fontSize * 2.5) + slack);
    if (hasText) return Math.ceil(Math.min(Math.max(contentWidth(index), headerWidth) + 3, available * (index === 0 ? 0.22 : 0.16)));
    return index === widestLabel ? null : Math.ceil(Math.max(contentWidth(index), headerWidth) + 3);
  });
  const room = available - padding * table.columns.length;
  const shrunk = hasText ? leaveRoomForText(fixed, minimum, table, room) : fixed;
  const used = shrunk.reduce<number>((sum, width) => sum + (width ?? 0), 0);
  const shares = shrunk.filter((width) => width === null).length;
  const share = shares > 0 ? Math.max(40, (room - used) / shares) : 0;
  return shrunk.map((width) => width ?? Math.floor(share));
}

function leaveRoomForText(widths: Array<number | null>, minimum: number[], table: TableBlock, room: number): Array<number | null> {
  const fixed = widths.reduce<number>((sum, width) => sum + (width ?? 0), 0);
  const labels = table.columns.flatMap((column, index) => (column.kind === 'label' && widths[index] !== null ? [index] : []));
  const labelWidth = labels.reduce((sum, index) => sum + widths[index]!, 0);
  const excess = fixed - room * 0.66;
  if (excess <= 0 || labelWidth === 0) return widths;
  const scale = Math.max(0, (labelWidth - excess) / labelWidth);
  return widths.map((width, index) => (labels.includes(index) ? Math.min(width!, Math.max(minimum[index]!, Math.floor(width! * scale))) : width));
}

/** The text width of a portrait A4 page in both paged formats (PDF margins 56 pt each side), and the font size of its tables. */
const portrait = { available: 595.28 - 2 * 56, fontSize: 8.5, padding: 8 };

/**
 * Whether a table needs a landscape page: its label column, after the figure columns have taken
 * their width on a portrait page, would be narrower than its longest word (a label would break
 * inside a word: "resultatutjämningsfon-d").
 */
export function needsLandscape(table: TableBlock): boolean {
  const widths = columnWidths(table, portrait);
  const body = spanGrid(table.body.map((row) => row.cells), table.columns.length);
  return table.columns.some((column, index) => {
    if (column.kind !== 'label') return false;
    const words = body.map((row) => row[index]).filter((cell): cell is Cell => !!cell && !cell.colSpan);
    const longest = Math.max(0, ...words.map((cell) => textWidth(longestWord(cell.text), portrait.fontSize, cell.bold)));
    return widths[index]! < longest + 3;
  });
}
