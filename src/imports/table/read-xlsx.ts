/**
 * Excel workbooks (.xlsx) as table rows, streamed with exceljs's streaming reader
 * (`ExcelJS.stream.xlsx.WorkbookReader`): one sheet (the first, or the one named), its rows with
 * their row numbers, cells as Excel holds them — text, numbers, dates, booleans; a formula gives
 * its cached result, rich text its plain text. A file that is no .xlsx is named for what it is.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { isStyrkortError } from '../../domain/errors.ts';
import { reading, type ByteSource, type Reading } from '../reading.ts';
import { ProblemCollector } from '../report.ts';
import type { Cell, TableInfo, TableRow } from './table.ts';

export interface XlsxReadOptions {
  /** The sheet to read: its name, or its number counted from 1; the first sheet by default. */
  sheet?: string | number;
  /** How messages name the file ("Filen" by default). */
  fileLabel?: string;
}

const BATCH = 1024;
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Reads one sheet of an .xlsx workbook as rows of cells. */
export function readXlsxTable(source: ByteSource, options: XlsxReadOptions = {}): Reading<TableRow, TableInfo> {
  const info: TableInfo = { format: 'xlsx', decode: null, delimiter: null, sheet: null, rows: 0 };
  return reading(info, () => generate(source, options, info));
}

async function* generate(source: ByteSource, options: XlsxReadOptions, info: TableInfo): AsyncGenerator<TableRow[]> {
  const fileLabel = options.fileLabel ?? 'Filen';
  const problems = new ProblemCollector(fileLabel);
  const { head, rest } = await readHead(source, 8);
  if (!ZIP.every((byte, i) => head[i] === byte)) problems.fail({ line: null, reason: `${fileLabel} ${notXlsx(head)}` });
  // Loaded when a workbook is read: exceljs and its zip libraries hold some 20 MB a server at rest does not need.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from(prepend(head, rest)), {
    sharedStrings: 'cache',
    styles: 'cache', // dates are numbers with a date format; without the styles they stay numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let index = 0;
  try {
    for await (const worksheet of reader) {
      index++;
      const name = sheetName(worksheet, index);
      if (!isWanted(options.sheet, name, index) || info.sheet !== null) continue;
      info.sheet = name;
      yield* rowsOf(worksheet, info);
    }
  } catch (error) {
    if (isStyrkortError(error)) throw error;
    problems.fail({ line: null, reason: `${fileLabel} är skadad eller avkortad och kan inte läsas som .xlsx (${describe(error)}).` });
  }
  if (index === 0) problems.fail({ line: null, reason: `${fileLabel} innehåller inget kalkylblad; är den en .xlsx-fil?` });
  if (info.sheet === null) {
    problems.fail({ line: null, reason: `${fileLabel} har inget blad ${typeof options.sheet === 'number' ? `nummer ${options.sheet}` : `"${options.sheet}"`}.` });
  }
}

async function* rowsOf(worksheet: AsyncIterable<ExcelJS.Row>, info: TableInfo): AsyncGenerator<TableRow[]> {
  let batch: TableRow[] = [];
  for await (const row of worksheet) {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    // exceljs counts columns from 1: values[0] is always empty.
    for (let column = 1; column < values.length; column++) cells.push(toCell(values[column]));
    if (cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''))) continue;
    info.rows++;
    batch.push({ line: row.number, cells });
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** An exceljs cell value as a Cell: formulas by their result, rich text and links by their text. */
export function toCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value && value.result !== undefined ? toCell(value.result as ExcelJS.CellValue) : null;
  if ('error' in value) return value.error;
  if ('text' in value) return typeof value.text === 'string' ? value.text : toCell(value.text as ExcelJS.CellValue);
  return null;
}

function sheetName(worksheet: object, index: number): string {
  const name = 'name' in worksheet ? worksheet.name : undefined;
  return typeof name === 'string' ? name : `Blad${index}`;
}

function isWanted(wanted: string | number | undefined, name: string, index: number): boolean {
  if (wanted === undefined) return true;
  if (typeof wanted === 'number') return wanted === index;
  return wanted.trim().toLowerCase() === name.trim().toLowerCase();
}

function notXlsx(head: Buffer): string {
  if (head.length === 0) return 'är tom.';
  if ([0xd0, 0xcf, 0x11, 0xe0].every((byte, i) => head[i] === byte)) {
    return 'är en äldre Excel-fil (.xls), som inte kan läsas; spara den som .xlsx (Excel-arbetsbok).';
  }
  if (head.toString('latin1').startsWith('#FLAGGA') || head.toString('latin1').startsWith('#')) return 'är ingen Excel-fil utan ser ut att vara en SIE-fil.';
  if (head.toString('latin1').startsWith('%PDF')) return 'är en PDF-fil, inte en Excel-fil (.xlsx).';
  return 'är ingen Excel-fil (.xlsx): den börjar inte som en sådan. En CSV-fil läses som CSV.';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readHead(source: ByteSource, size: number): Promise<{ head: Buffer; rest: AsyncIterator<Uint8Array | string> }> {
  const rest = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  while (length < size) {
    const next = await rest.next();
    if (next.done === true) break;
    const part = typeof next.value === 'string' ? Buffer.from(next.value, 'latin1') : Buffer.from(next.value);
    parts.push(part);
    length += part.length;
  }
  return { head: Buffer.concat(parts), rest };
}

async function* prepend(head: Buffer, rest: AsyncIterator<Uint8Array | string>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
    yield typeof next.value === 'string' ? Buffer.from(next.value, 'latin1') : Buffer.from(next.value);
  }
}
