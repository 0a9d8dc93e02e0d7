/**
 * The record splitter gives what csv-parse gives for the whole file: lines without quotes split at
 * the delimiter, quoted records through csv-parse. Checked on random files (fast-check prints the
 * seed of a failing case so that it replays) and on the faults a user meets.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvFault, CsvRecords, type CsvDelimiter } from './csv-records.ts';
import type { TableRow } from './table.ts';

function split(text: string, delimiter: CsvDelimiter): TableRow[] {
  const records = new CsvRecords(delimiter);
  const lines = text.split('\n');
  // In batches of three lines, so that records also span batches.
  const rows = [];
  for (let at = 0; at < lines.length; at += 3) rows.push(...records.take(lines.slice(at, at + 3)));
  records.end();
  return rows;
}

const field = fc.string({ unit: fc.constantFrom('a', 'ö', ' ', ';', ',', '"', '\n', '1', '-', '\t'), maxLength: 6 });

function serialise(records: string[][], delimiter: CsvDelimiter, quoteAll: boolean): string {
  return records
    .map((cells) =>
      cells
        .map((cell) => (quoteAll || /[";,\t\n]/.test(cell) || cell.trim() !== cell ? `"${cell.replaceAll('"', '""')}"` : cell))
        .join(delimiter),
    )
    .join('\n');
}

describe('CsvRecords', () => {
  it('gives the records csv-parse gives, for random files', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom<CsvDelimiter>(';', ',', '\t'),
        fc.boolean(),
        (records, delimiter, quoteAll) => {
          const text = serialise(records, delimiter, quoteAll);
          const expected = (parse(text, { delimiter, record_delimiter: '\n', relax_column_count: true, skip_empty_lines: false }) as string[][]).filter(
            (cells) => !cells.every((cell) => cell.trim() === ''),
          );
          expect(split(text, delimiter).map((row) => row.cells)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('numbers each record by the line it starts on', () => {
    expect(split('a;b\n\n"c\nd";e\nf;g', ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['c\nd', 'e'] },
      { line: 5, cells: ['f', 'g'] },
    ]);
  });

  it.each([
    ['a quote never closed', 'a;b\n"c;d\ne;f', 2, 'Ett citattecken (") öppnas men stängs aldrig; filen är avkortad eller felaktigt citerad.'],
    ['text after a closing quote', 'a;b\n"c"x;d', 2, 'Efter ett avslutande citattecken (") står annat än en avgränsare eller radslut.'],
    ['a quote inside an unquoted field', 'a;b\nc;d"x"', 2, 'Ett citattecken (") står mitt i ett fält som inte börjar med citattecken.'],
  ])('reports %s with the line its record starts on', (_, text, line, reason) => {
    expect(() => split(text, ';')).toThrow(new CsvFault(line, reason));
    try {
      split(text, ';');
    } catch (error) {
      expect((error as CsvFault).line).toBe(line);
    }
  });

  it('stops a quoted record at 1 MiB', () => {
    const records = new CsvRecords(';');
    expect(() => records.take(['"start', ...Array.from({ length: 1100 }, () => 'x'.repeat(1000))])).toThrow('längre än 1 MiB');
  });
});
