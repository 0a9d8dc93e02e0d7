/**
 * CSV files as table rows, streamed: bytes are decoded by the text rule (UTF-8 with or without a
 * byte-order mark, else Windows-1252; text/decode.ts), the delimiter is named or found in the
 * header line (the most frequent of ; , and tab outside quotes; ; on a tie, as Swedish Excel
 * writes it), and csv-parse splits the records (quotes, doubled quotes, line breaks in quotes).
 * Empty lines are passed over; every row keeps the line it starts on.
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { isStyrkortError } from '../../domain/errors.ts';
import { reading, type ByteSource, type Reading } from '../reading.ts';
import { ProblemCollector } from '../report.ts';
import { decodeText, newDecodeInfo, type EncodingChoice } from '../text/decode.ts';
import type { TableInfo, TableRow } from './table.ts';

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvReadOptions {
  delimiter?: 'auto' | CsvDelimiter;
  encoding?: EncodingChoice;
  /** How messages name the file ("CSV-filen" by default). */
  fileLabel?: string;
}

/** Longest record accepted: a quote that is never closed would otherwise swallow the whole file. */
const MAX_RECORD_BYTES = 1 << 20;
const BATCH = 1024;

/** Reads a CSV file as rows of text cells. */
export function readCsvTable(source: ByteSource, options: CsvReadOptions = {}): Reading<TableRow, TableInfo> {
  const info: TableInfo = { format: 'csv', decode: newDecodeInfo(), delimiter: null, sheet: null, rows: 0 };
  return reading(info, () => generate(source, options, info));
}

async function* generate(source: ByteSource, options: CsvReadOptions, info: TableInfo): AsyncGenerator<TableRow[]> {
  const fileLabel = options.fileLabel ?? 'CSV-filen';
  const problems = new ProblemCollector(fileLabel);
  const decoded = decodeText(source, { encoding: options.encoding ?? 'auto', legacy: 'windows-1252', problems, fileLabel }, info.decode!);
  const { head, rest } = await readHead(decoded);
  if (head.trim() === '') problems.fail({ line: null, reason: `${fileLabel} är tom.` });
  const delimiter = options.delimiter === undefined || options.delimiter === 'auto' ? detectDelimiter(firstLine(head)) : options.delimiter;
  info.delimiter = delimiter;

  const text = Readable.from(withLineFeeds(head, rest));
  // Line ends are made LF first: with CR LF, csv-parse's raw text of a record lacks the LF, and
  // the raw text is what counts the lines a record spans.
  const parser = parse({ delimiter, record_delimiter: '\n', relax_column_count: true, skip_empty_lines: false, raw: true, max_record_size: MAX_RECORD_BYTES });
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);

  let line = 1;
  let batch: TableRow[] = [];
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      line += countNewlines(raw);
      if (record.every((cell) => cell.trim() === '')) continue;
      info.rows++;
      batch.push({ line: start, cells: record });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (isStyrkortError(error) || !(error instanceof CsvError)) throw error;
    // An unclosed quote is reported where its record starts, not where the file ended.
    const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE';
    problems.fail({ line: unclosed || typeof error.lines !== 'number' ? line : error.lines, reason: csvReason(error) });
  }
  if (batch.length > 0) yield batch;
  problems.throwIfAny();
}

/** Reads until the first line is complete (or the text ends). */
async function readHead(decoded: AsyncIterable<string>): Promise<{ head: string; rest: AsyncIterator<string> }> {
  const rest = decoded[Symbol.asyncIterator]();
  let head = '';
  while (!head.includes('\n')) {
    const next = await rest.next();
    if (next.done === true) break;
    head += next.value;
  }
  return { head, rest };
}

/** The head and the rest of the text, with CR LF as LF (a CR at a chunk's end waits for the next). */
async function* withLineFeeds(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  let carry = '';
  const convert = (chunk: string): string => {
    let text = carry + chunk;
    carry = '';
    if (text.endsWith('\r')) {
      carry = '\r';
      text = text.slice(0, -1);
    }
    return text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text;
  };
  if (head.length > 0) yield convert(head);
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield convert(next.value);
  if (carry.length > 0) yield carry;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

/** The delimiter of a header line: the most frequent of ; tab , outside quotes (; wins a tie). */
export function detectDelimiter(header: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === '\t' || char === ',')) counts[char]++;
  }
  let best: CsvDelimiter = ';';
  for (const candidate of ['\t', ','] as const) if (counts[candidate] > counts[best]) best = candidate;
  return best;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function csvReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'Ett citattecken (") öppnas men stängs aldrig; filen är avkortad eller felaktigt citerad.';
    case 'CSV_MAX_RECORD_SIZE':
      return 'En rad är längre än 1 MiB; troligen ett citattecken (") som aldrig stängs.';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'Efter ett avslutande citattecken (") står annat än en avgränsare eller radslut.';
    default:
      return `Filen kunde inte tolkas som CSV (${error.code}).`;
  }
}
