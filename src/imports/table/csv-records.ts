/**
 * Lines of a CSV file into records (RFC 4180). A line without a quote character is split at the
 * delimiter — which is all RFC 4180 says such a line is, and six times faster than the general
 * parser. Every record with a quote (quoted fields, doubled quotes, line breaks inside quotes) is
 * parsed by csv-parse: its lines are gathered until the quotes balance (in a well-formed record
 * they always come in pairs), then written to the parser and its record read back in the same
 * turn. A record still open at the end of the file, or longer than 1 MiB, is an unclosed quote.
 *
 * csv-parse holds a record back until a few bytes after its line end have arrived (it looks ahead
 * for multi-byte delimiters and spaces), so each record is written followed by a comment of NUL
 * characters — NUL never occurs in decoded text (the decoder refuses it) — which the next write's
 * line end closes.
 */
import { parse, type CsvError, type Parser } from 'csv-parse';
import type { TableRow } from './table.ts';

export type CsvDelimiter = ';' | ',' | '\t';

/** Enough bytes after a record for csv-parse to give it (it looks 3 bytes ahead), as a comment. */
const LOOKAHEAD = '\u0000'.repeat(8);

/** Longest quoted record accepted: a quote never closed would otherwise gather the whole file. */
const MAX_RECORD_CHARACTERS = 1 << 20;

/** A fault of the file's CSV form, with the line its record starts on. */
export class CsvFault extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export class CsvRecords {
  private readonly parser: Parser;
  private line = 0;
  private pending: string[] = [];
  private pendingQuotes = 0;
  private pendingLength = 0;
  private pendingStart = 0;
  private written = false;

  constructor(private readonly delimiter: CsvDelimiter) {
    this.parser = parse({ delimiter, record_delimiter: '\n', relax_column_count: true, skip_empty_lines: false, comment: '\u0000' });
    this.parser.on('error', () => {
      // Faults are read from parser.errored after each write; this keeps them from being unhandled.
    });
  }

  /** The records the lines complete (a record may wait for lines of the next batch). */
  take(lines: string[]): TableRow[] {
    const rows: TableRow[] = [];
    for (const text of lines) {
      const line = ++this.line;
      if (this.pending.length > 0) {
        this.gather(text);
        if (this.pendingQuotes % 2 === 0) this.emit(this.quoted(this.pending.join('\n'), this.pendingStart), this.pendingStart, rows);
        continue;
      }
      if (!text.includes('"')) {
        this.emit(text.split(this.delimiter), line, rows);
        continue;
      }
      this.pendingStart = line;
      this.gather(text);
      if (this.pendingQuotes % 2 === 0) this.emit(this.quoted(text, line), line, rows);
    }
    return rows;
  }

  /** Checks that no quoted record is left open at the end of the file. */
  end(): void {
    if (this.pending.length > 0) throw new CsvFault(this.pendingStart, unclosedQuote);
  }

  private gather(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length + 1;
    for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) this.pendingQuotes++;
    if (this.pendingLength > MAX_RECORD_CHARACTERS) throw new CsvFault(this.pendingStart, 'En post är längre än 1 MiB; troligen ett citattecken (") som aldrig stängs.');
  }

  private emit(cells: string[], line: number, rows: TableRow[]): void {
    this.pending = [];
    this.pendingQuotes = 0;
    this.pendingLength = 0;
    if (cells.every((cell) => cell.trim() === '')) return; // an empty line
    rows.push({ line, cells });
  }

  private quoted(text: string, line: number): string[] {
    this.parser.write(`${this.written ? '\n' : ''}${text}\n${LOOKAHEAD}`);
    this.written = true;
    const error = this.parser.errored as CsvError | null;
    if (error !== null) throw new CsvFault(line, reasonOf(error));
    const record = this.parser.read() as string[] | null;
    return record ?? [];
  }
}

const unclosedQuote = 'Ett citattecken (") öppnas men stängs aldrig; filen är avkortad eller felaktigt citerad.';

function reasonOf(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return unclosedQuote;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'Efter ett avslutande citattecken (") står annat än en avgränsare eller radslut.';
    case 'INVALID_OPENING_QUOTE':
      return 'Ett citattecken (") står mitt i ett fält som inte börjar med citattecken.';
    default:
      return `Raden kunde inte tolkas som CSV (${error.code}).`;
  }
}
