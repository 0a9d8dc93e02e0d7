/**
 * CSV files as table rows, streamed: bytes are decoded by the text rule (UTF-8 with or without a
 * byte-order mark, else Windows-1252; text/decode.ts), the delimiter is named or found in the
 * header line (the most frequent of ; , and tab outside quotes; ; on a tie, as Swedish Excel
 * writes it), and the records are split by csv-records.ts (csv-parse for every record with a
 * quote). Empty lines are passed over; every row keeps the line it starts on.
 */
import { reading, type ByteSource, type Reading } from '../reading.ts';
import { ProblemCollector } from '../report.ts';
import { decodeText, newDecodeInfo, type EncodingChoice } from '../text/decode.ts';
import { splitLines } from '../text/lines.ts';
import { CsvFault, CsvRecords, type CsvDelimiter } from './csv-records.ts';
import type { TableInfo, TableRow } from './table.ts';

export type { CsvDelimiter } from './csv-records.ts';

export interface CsvReadOptions {
  delimiter?: 'auto' | CsvDelimiter;
  encoding?: EncodingChoice;
  /** How messages name the file ("CSV-filen" by default). */
  fileLabel?: string;
}

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
  const records = new CsvRecords(delimiter);
  try {
    for await (const lines of splitLines(again(head, rest), problems)) {
      const batch = records.take(lines);
      info.rows += batch.length;
      if (batch.length > 0) yield batch;
    }
    records.end();
  } catch (error) {
    if (!(error instanceof CsvFault)) throw error;
    problems.fail({ line: error.line, reason: error.message });
  }
  problems.throwIfAny();
}

async function* again(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (head.length > 0) yield head;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
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
