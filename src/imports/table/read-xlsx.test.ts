/**
 * Excel workbooks, written by exceljs as Excel would save them (text, numbers, dates with a date
 * format, formulas with cached results, rich text), read back through the streaming reader; and
 * files that are no .xlsx at all.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { collect, failure, stream } from '../../../tests/fixtures/ledger/streams.ts';
import { readXlsxTable } from './read-xlsx.ts';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Huvudbok');
  sheet.addRow(['Period', 'Ansvar', 'Konto', 'Belopp']);
  const dated = sheet.addRow([new Date(Date.UTC(2017, 7, 31)), '5320', 4610, 36272]);
  dated.getCell(1).numFmt = 'yyyy-mm-dd';
  sheet.addRow(['2017-09', 5320, '3140', { formula: 'D2*-0.05', result: -1813.6 }]);
  sheet.addRow([]);
  sheet.addRow([201710, { richText: [{ text: '53' }, { text: '20', font: { bold: true } }] }, 4610, 0.1 + 0.2]);
  book.addWorksheet('Volymer').addRow(['Mått', 'jan 2017']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('readXlsxTable', () => {
  it('reads the first sheet: rows with their numbers, cells as Excel holds them', async () => {
    const reading = readXlsxTable(stream(await workbook(), 1000));
    const rows = await collect(reading);
    expect(rows).toEqual([
      { line: 1, cells: ['Period', 'Ansvar', 'Konto', 'Belopp'] },
      { line: 2, cells: [new Date(Date.UTC(2017, 7, 31)), '5320', 4610, 36272] },
      { line: 3, cells: ['2017-09', 5320, '3140', -1813.6] },
      { line: 5, cells: [201710, '5320', 4610, 0.1 + 0.2] },
    ]);
    expect(reading.info).toMatchObject({ format: 'xlsx', sheet: 'Huvudbok', rows: 4 });
  });

  it('reads a sheet named, or numbered from 1', async () => {
    const bytes = await workbook();
    expect((await collect(readXlsxTable(stream(bytes), { sheet: 'volymer' })))[0]!.cells).toEqual(['Mått', 'jan 2017']);
    expect((await collect(readXlsxTable(stream(bytes), { sheet: 2 })))[0]!.cells).toEqual(['Mått', 'jan 2017']);
    const report = await failure(readXlsxTable(stream(bytes), { sheet: 'Utfall' }));
    expect(report.problems[0]!.reason).toBe('Filen har inget blad "Utfall".');
  });

  it.each([
    ['a CSV file', Buffer.from('Period;Belopp\n2017-08;12\n'), 'Filen är ingen Excel-fil (.xlsx): den börjar inte som en sådan. En CSV-fil läses som CSV.'],
    ['a SIE file', Buffer.from('#FLAGGA 0\r\n#SIETYP 4\r\n'), 'Filen är ingen Excel-fil utan ser ut att vara en SIE-fil.'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'Filen är en äldre Excel-fil (.xls), som inte kan läsas; spara den som .xlsx (Excel-arbetsbok).'],
    ['an empty file', Buffer.alloc(0), 'Filen är tom.'],
  ])('refuses %s', async (_, bytes, reason) => {
    const report = await failure(readXlsxTable(stream(bytes)));
    expect(report.problems).toEqual([{ line: null, column: null, value: null, reason }]);
  });

  it('refuses a truncated workbook', async () => {
    const bytes = await workbook();
    const report = await failure(readXlsxTable(stream(bytes.subarray(0, Math.floor(bytes.length / 2)))));
    expect(report.problems[0]!.reason).toMatch(/^Filen är skadad eller avkortad och kan inte läsas som \.xlsx/);
  });

  it('refuses a zip that holds no workbook', async () => {
    const book = new ExcelJS.Workbook();
    const empty = Buffer.from(await book.xlsx.writeBuffer());
    const report = await failure(readXlsxTable(stream(empty)));
    expect(report.problems[0]!.reason).toBe('Filen innehåller inget kalkylblad; är den en .xlsx-fil?');
  });
});
