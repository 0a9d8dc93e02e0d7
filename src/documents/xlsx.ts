/**
 * The Excel renderer: one sheet per table of the view model, after a contents sheet. Figures are
 * stored as numbers, words and annotated figures ("194(-9)", "90 + 45", "Egen tid") as text, a
 * missing figure as its printed dash or an empty cell, never as zero. Header rows are frozen and
 * repeat when printed.
 *
 * Number formats: the file stores Excel's locale-independent codes ("#,##0", "#,##0.0", "0 %"),
 * and Excel or LibreOffice shows them with the reader's separators: in Swedish "3 258", "5,3",
 * "77 %". A code with a literal space ("# ##0") would print Swedish everywhere but breaks on
 * numbers under a thousand and cannot give a decimal comma, so the locale's own separators win.
 * A number printed without grouping ("1000") keeps its look with "0".
 */
import ExcelJS from 'exceljs';
import { officeFont } from './fonts.ts';
import { colors, statusColors } from './theme.ts';
import { spanGrid, type Cell, type DocumentView, type TableBlock } from './view-model.ts';
import { richPlain } from './rich.ts';

const argb = (color: string) => `FF${color.replace('#', '').toUpperCase()}`;
const font = { name: officeFont, size: 10 };

/** Renders every table of the document as a sheet of a workbook. */
export async function renderXlsx(view: DocumentView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = view.author;
  workbook.lastModifiedBy = 'Styrkort';
  workbook.title = view.title;
  workbook.subject = view.subject;
  workbook.keywords = view.keywords.join(', ');
  workbook.company = view.author;
  workbook.description = view.colophon;
  const tables = view.blocks.filter((block): block is TableBlock => block.kind === 'table');
  const names = sheetNames(tables.map((table) => table.title));
  contentsSheet(workbook, view, tables, names);
  tables.forEach((table, index) => tableSheet(workbook, table, names[index]!));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel's rules: at most 31 characters, none of []:*?/\, unique regardless of case. */
export function sheetNames(titles: string[]): string[] {
  const used = new Set<string>(['innehåll']);
  return titles.map((title) => {
    const base = title.replace(/[[\]:*?/\\]/g, '-').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Tabell';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

function contentsSheet(workbook: ExcelJS.Workbook, view: DocumentView, tables: TableBlock[], names: string[]): void {
  const sheet = workbook.addWorksheet('Innehåll');
  sheet.columns = [{ width: 48 }, { width: 70 }];
  const page = view.titlePage;
  sheet.addRow([view.title]).font = { ...font, size: 14, bold: true, color: { argb: argb(colors.heading) } };
  for (const line of [view.author, page.organisation, page.period, page.status, page.decision].filter(Boolean)) sheet.addRow([line]).font = font;
  sheet.addRow([]);
  const header = sheet.addRow(['Blad', 'Tabell']);
  header.font = { ...font, bold: true };
  tables.forEach((table, index) => {
    const row = sheet.addRow([{ text: names[index]!, hyperlink: `#'${names[index]!.replace(/'/g, "''")}'!A1` }, table.title]);
    row.font = font;
    row.getCell(1).font = { ...font, color: { argb: argb(colors.accent) }, underline: true };
  });
  sheet.addRow([]);
  sheet.addRow([view.colophon]).font = { ...font, size: 9, color: { argb: argb(colors.muted) } };
}

function tableSheet(workbook: ExcelJS.Workbook, table: TableBlock, name: string): void {
  const width = table.columns.length;
  const labelColumns = Math.max(1, table.columns.findIndex((column) => column.kind !== 'label'));
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: labelColumns, ySplit: 1 + table.header.length }],
    pageSetup: { paperSize: 9, orientation: table.wide ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = `2:${1 + table.header.length}`;
  sheet.columns = table.columns.map((column, index) => ({ width: columnWidth(table, index, column.kind) }));
  sheet.addRow([table.title]).font = { ...font, size: 12, bold: true, color: { argb: argb(colors.heading) } };

  const header = spanGrid(table.header, width);
  header.forEach((cells, r) => {
    const row = sheet.getRow(2 + r);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = row.getCell(c + 1);
      target.value = cell.mark ? `${cell.text} ${cell.mark}` : cell.text;
      target.font = { ...font, bold: true, color: { argb: argb(colors.heading) } };
      target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colors.headerFill) } };
      target.alignment = { wrapText: true, vertical: 'top', horizontal: table.columns[c]?.kind === 'figure' ? 'right' : 'left' };
      target.border = { bottom: { style: 'thin', color: { argb: argb(colors.rule) } } };
      if ((cell.colSpan ?? 1) > 1 || (cell.rowSpan ?? 1) > 1) sheet.mergeCells(2 + r, c + 1, 2 + r + (cell.rowSpan ?? 1) - 1, c + (cell.colSpan ?? 1));
    });
  });

  const first = 2 + table.header.length;
  const body = spanGrid(table.body.map((row) => row.cells), width);
  body.forEach((cells, r) => {
    const role = table.body[r]!.role;
    const row = sheet.getRow(first + r);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const target = row.getCell(c + 1);
      writeCell(target, cell, table.columns[c]?.kind ?? 'label');
      if (cell.bold || role !== 'data') target.font = { ...font, bold: true };
      if (cell.status) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(statusColors[cell.status].fill) } };
      if (role === 'group') target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colors.groupFill) } };
      if (role === 'total') target.border = { top: { style: 'thin', color: { argb: argb(colors.rule) } } };
      if ((cell.colSpan ?? 1) > 1) sheet.mergeCells(first + r, c + 1, first + r, c + (cell.colSpan ?? 1));
    });
  });

  let next = first + body.length + 1;
  for (const note of table.footnotes) sheet.getRow(next++).getCell(1).value = `${note.mark} ${note.text}`;
  const notes = richPlain(table.notes);
  if (notes) for (const line of notes.split('\n')) sheet.getRow(next++).getCell(1).value = line;
}

/** A figure as a number with a format that prints it as the plan did; anything else as its text. */
function writeCell(target: ExcelJS.Cell, cell: Cell, kind: string): void {
  target.font = font;
  if (cell.numeric && cell.value) {
    const decimals = cell.decimals ?? 0;
    const digits = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
    if (cell.percent) {
      target.value = cell.value.div(100).toNumber();
      target.numFmt = `0${digits}${cell.percentSpace ? ' ' : ''}%`;
    } else {
      target.value = cell.value.toNumber();
      const integer = cell.grouped === false ? '0' : '#,##0';
      target.numFmt = `${integer}${digits};-${integer}${digits}`;
    }
    target.alignment = { horizontal: 'right', vertical: 'top' };
    return;
  }
  const text = cell.rich ? richPlain(cell.rich) : cell.text;
  target.value = text === '' ? null : text;
  target.alignment = { vertical: 'top', wrapText: kind !== 'figure', horizontal: kind === 'figure' ? 'right' : 'left' };
}

function columnWidth(table: TableBlock, index: number, kind: string): number {
  if (kind === 'text') return 50;
  const texts = [...table.body.map((row) => row.cells[index]?.text ?? ''), ...table.header.map((row) => row[index]?.text ?? '')];
  const longest = Math.max(...texts.map((text) => text.length));
  return kind === 'figure' ? Math.min(Math.max(10, longest + 2), 24) : Math.min(Math.max(12, longest + 2), 55);
}
