/**
 * CSV files as Swedish economy systems and Excel write them: semicolons and decimal commas,
 * Windows-1252 or UTF-8 with a byte-order mark, quoted fields with line breaks; and the faults a
 * user meets: an unclosed quote (a truncated file), a binary file, an Excel file saved as .csv.
 */
import { describe, expect, it } from 'vitest';
import { collect, encode, failure, stream } from '../../../tests/fixtures/ledger/streams.ts';
import { detectDelimiter, readCsvTable } from './read-csv.ts';

const LEDGER = ['Period;Ansvar;Verksamhet;Konto;Belopp;Text', '2017-08;5320;5720;4610;"36 272,00";Köp av HVB-plats', '2017-08;5320;5720;3140;-1 550,00;Återsökt från Migrationsverket'];

describe('readCsvTable', () => {
  it.each([
    ['utf-8', Buffer.alloc(0), 'utf-8', false],
    ['utf-8 with a byte-order mark', Buffer.from([0xef, 0xbb, 0xbf]), 'utf-8', true],
    ['windows-1252', Buffer.alloc(0), 'windows-1252', false],
  ] as const)('reads %s and finds the encoding', async (_, prefix, encoding, bom) => {
    const bytes = Buffer.concat([prefix, encode(`${LEDGER.join('\r\n')}\r\n`, encoding)]);
    for (const size of [1, 3, 64, bytes.length]) {
      const reading = readCsvTable(stream(bytes, size));
      const rows = await collect(reading);
      expect(rows.map((row) => row.cells[5])).toEqual(['Text', 'Köp av HVB-plats', 'Återsökt från Migrationsverket']);
      expect(reading.info.decode).toMatchObject({ encoding, byteOrderMark: bom });
      expect(reading.info).toMatchObject({ format: 'csv', delimiter: ';', rows: 3 });
    }
  });

  it('keeps line numbers right across empty lines and line breaks inside quotes', async () => {
    const text = 'Mått,Period,Värde\n\n"Antal hushåll\nmed försörjningsstöd",2017-01,190\r\n\r\nHVB,2017-01,7\n';
    const rows = await collect(readCsvTable(stream(encode(text))));
    expect(rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [1, 'Mått'],
      [3, 'Antal hushåll\nmed försörjningsstöd'],
      [6, 'HVB'],
    ]);
  });

  it('reads doubled quotes inside a quoted field and a comma-delimited file', async () => {
    const rows = await collect(readCsvTable(stream(encode('a,b\n"Sa ""Norr"", en",2\n'))));
    expect(rows[1]!.cells).toEqual(['Sa "Norr", en', '2']);
  });

  it('uses a named delimiter over the detected one', async () => {
    const reading = readCsvTable(stream(encode('a;b,c\n1;2,3\n')), { delimiter: ',' });
    expect((await collect(reading))[1]!.cells).toEqual(['1;2', '3']);
  });

  it('stops at an unclosed quote (a truncated file) with the line the record starts on', async () => {
    const report = await failure(readCsvTable(stream(encode(`${LEDGER.join('\n')}\n2017-09;5320;5720;4610;"12 000`))));
    expect(report.problems).toEqual([{ line: 4, column: null, value: null, reason: expect.stringContaining('stängs aldrig') }]);
    expect(report.message).toBe('CSV-filen kunde inte läsas in: 1 fel. Ingenting har lästs in.');
  });

  it('stops at a quote followed by more text', async () => {
    const report = await failure(readCsvTable(stream(encode('a;b\n"1"x;2\n'))));
    expect(report.problems[0]).toMatchObject({ line: 2, reason: expect.stringContaining('Efter ett avslutande citattecken') });
  });

  it.each([
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binära data'],
    ['an Excel file saved under .csv', Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1'), 'zip-fil (till exempel en Excel-fil'],
    ['an empty file', Buffer.alloc(0), 'tom'],
    ['a UTF-16 file', Buffer.from([0xff, 0xfe, 0x50, 0x00]), 'UTF-16'],
  ])('refuses %s at once', async (_, bytes, reason) => {
    const report = await failure(readCsvTable(stream(bytes)));
    expect(report.count).toBe(1);
    expect(report.problems[0]!.reason).toContain(reason);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['Period;Ansvar;Belopp', ';'],
    ['Period,Ansvar,Belopp', ','],
    ['Period\tAnsvar\tBelopp', '\t'],
    ['"Belopp, kr";Period', ';'], // the comma is inside quotes
    ['Period', ';'],
    ['a;b,c', ';'], // a tie goes to the semicolon
  ] as const)('%j → %j', (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });
});
