/**
 * Ledger files of every format into entries and through the mapping into figures: the same
 * ledger as SIE 4 (vouchers), SIE 3 (period balances per object), CSV and Excel gives the same
 * aggregation. Faulty rows are reported with row, column, value and reason, and nothing is
 * returned. The amounts are the seed's: IFO, Vuxna's "Prognos 2017 aug" is 850 tkr income and
 * −32 351 tkr costs (demo/timra-ifo-2018-2020.json).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseLedgerMapping } from '../../domain/ledger/mapping.ts';
import { collect, encode, failure, stream } from '../../../tests/fixtures/ledger/streams.ts';
import { aggregateLedgerFile } from './aggregate-ledger-file.ts';
import { readLedger } from './read-ledger.ts';

const mapping = parseLedgerMapping({
  format: 'styrkort-ledger-mapping',
  formatVersion: 1,
  key: 'timra-ifo',
  name: 'Timrå IFO',
  municipality: '2262',
  sie: { responsibility: '1', activity: '2' },
  columns: { period: 'Period', account: 'Konto', amount: 'Belopp', responsibility: 'Ansvar', activity: 'Verksamhet' },
  rules: [{ match: { responsibility: '5310' }, target: { node: 'ifo-vuxna' } }],
});

const SIE4 = [
  '#FLAGGA 0',
  '#PROGRAM "Styrkort test" 1',
  '#FORMAT PC8',
  '#GEN 20170901',
  '#SIETYP 4',
  '#FNAMN "Timrå kommun"',
  '#RAR 0 20170101 20171231',
  '#DIM 1 "Ansvar"',
  '#DIM 2 "Verksamhet"',
  '#OBJEKT 1 "5310" "IFO, Vuxna"',
  '#PSALDO 0 201701 4610 {} 32351000.00',
  '#VER A 1 20170131 "Köp av HVB-placeringar"',
  '{',
  '#TRANS 4610 {1 "5310" 2 "5710"} 32351000.00',
  '#TRANS 2540 {} -32351000.00',
  '}',
  '#VER A 2 20170831 "Återsökt från Migrationsverket"',
  '{',
  '#TRANS 1930 {} 850000.00',
  '#TRANS 3140 {1 "5310" 2 "5710"} -850000.00 20170815',
  '}',
];

const SIE3 = [
  '#FLAGGA 0',
  '#SIETYP 3',
  '#DIM 1 "Ansvar"',
  '#PSALDO 0 201701 4610 {} 32351000.00',
  '#PSALDO 0 201701 4610 {1 "5310"} 32351000.00',
  '#PSALDO 0 201701 4610 {1 "5310" 6 "P1"} 1000.00',
  '#PSALDO 0 201708 3140 {1 "5310"} -850000.00',
  '#PSALDO 0 201708 3140 {} -850000.00',
];

const CSV = ['Period;Ansvar;Verksamhet;Konto;Belopp', '2017-01;5310;5710;4610;32 351 000,00', '2017-08;5310;5710;3140;-850 000,00', '2017-08;;;1930;850 000'];

async function xlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Huvudbok');
  sheet.addRow(['Period', 'Ansvar', 'Verksamhet', 'Konto', 'Belopp']);
  sheet.addRow(['jan 2017', 5310, 5710, 4610, 32351000]);
  sheet.addRow([new Date(Date.UTC(2017, 7, 15)), '5310', '5710', '3140', -850000]).getCell(1).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await book.xlsx.writeBuffer());
}

function figures(cells: Array<{ key: string; period: string; side: string; amount: { toFixed: (n: number) => string } }>): string[][] {
  return cells.map((cell) => [cell.key, cell.period, cell.side, cell.amount.toFixed(2)]);
}

const EXPECTED = [
  ['node:ifo-vuxna', '2017-01', 'costs', '-32351000.00'],
  ['node:ifo-vuxna', '2017-08', 'income', '850000.00'],
];

describe('readLedger: one ledger, four formats, the same figures', () => {
  it('SIE 4: #TRANS rows, the SIE dimensions named by the mapping', async () => {
    const reading = readLedger(stream(encode(`${SIE4.join('\r\n')}\r\n`, 'cp437')), { mapping });
    const entries = await collect(reading);
    expect(entries.map((e) => [e.line, e.period, e.account, e.codes, e.amount])).toEqual([
      [14, '2017-01', '4610', { responsibility: '5310', activity: '5710' }, 3235100000],
      [15, '2017-01', '2540', {}, -3235100000],
      [19, '2017-08', '1930', {}, 85000000],
      [20, '2017-08', '3140', { responsibility: '5310', activity: '5710' }, -85000000],
    ]);
    expect(reading.info).toMatchObject({ format: 'sie', sie: { source: 'transactions', entries: 4 } });
  });

  it('SIE 3: the #PSALDO view holding exactly the mapped dimension, other views counted', async () => {
    const reading = readLedger(stream(encode(`${SIE3.join('\n')}\n`, 'cp437')), { mapping: { ...mapping, sie: { responsibility: '1' } } });
    const entries = await collect(reading);
    expect(entries.map((e) => [e.period, e.account, e.codes, e.amount])).toEqual([
      ['2017-01', '4610', { responsibility: '5310' }, 3235100000],
      ['2017-08', '3140', { responsibility: '5310' }, -85000000],
    ]);
    expect(reading.info.sie).toMatchObject({ source: 'period-balances', otherViews: 3 });
  });

  it.each([
    ['SIE 4', async () => encode(SIE4.join('\n'), 'cp437')],
    ['CSV in Windows-1252', async () => encode(CSV.join('\r\n'), 'windows-1252')],
    ['Excel', xlsx],
  ])('%s aggregates to the same figures', async (_, bytes) => {
    const { aggregation, info } = await aggregateLedgerFile(stream(await bytes()), { mapping });
    expect(figures(aggregation.cells)).toEqual(EXPECTED);
    expect(aggregation.unmapped).toEqual([]);
    expect(info.format).not.toBeNull();
  });

  it('credit-positive exports are turned into booked amounts', async () => {
    const flipped = CSV.map((line, i) => (i === 0 ? line : line.replace(/;(-?)([\d ]+,?\d*)$/, (_, minus: string, amount: string) => `;${minus ? '' : '-'}${amount}`)));
    const { aggregation } = await aggregateLedgerFile(stream(encode(flipped.join('\n'))), { mapping: { ...mapping, amountSign: 'credit-positive' } });
    expect(figures(aggregation.cells)).toEqual(EXPECTED);
  });
});

describe('readLedger: faulty rows are reported, nothing is returned', () => {
  it('a CSV with bad cells: every fault with its row, column and value', async () => {
    const lines = [
      CSV[0],
      '2017-01;5310;5710;4610;32 351 000,00',
      'aug 2017;5310;5710;4610;12,3,4',
      '2017;5310;5710;4610;100',
      '2017-13;5310;5710;;100',
      '2017-09;5310;5710;4610',
    ];
    const report = await failure(readLedger(stream(encode(lines.join('\n'))), { mapping }));
    expect(report.problems).toEqual([
      { line: 3, column: 'Belopp', value: '12,3,4', reason: 'Inte ett belopp; skriv t.ex. -1 234,50 eller -1234.50.' },
      { line: 4, column: 'Period', value: '2017', reason: 'En huvudboksrad hör till en månad, inte ett år, halvår, tertial eller kvartal.' },
      { line: 5, column: 'Period', value: '2017-13', reason: expect.stringContaining('Ingen period') },
      { line: 5, column: 'Konto', value: '', reason: 'Kontot saknas.' },
      { line: 6, column: 'Belopp', value: '', reason: 'Beloppet saknas.' },
    ]);
    expect(report.message).toBe('CSV-filen kunde inte läsas in: 5 fel. Ingenting har lästs in.');
  });

  it('a missing column: named, with the columns the file has', async () => {
    const report = await failure(readLedger(stream(encode('Period;Ansvar;Konto;Summa\n2017-01;5310;4610;1\n')), { mapping }));
    expect(report.problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [1, 'Belopp', 'Kolumnen "Belopp" finns inte i rubrikraden. Filens kolumner: Period, Ansvar, Konto, Summa.'],
      [1, 'Verksamhet', 'Kolumnen "Verksamhet" finns inte i rubrikraden. Filens kolumner: Period, Ansvar, Konto, Summa.'],
    ]);
  });

  it('a mapping without column names cannot read a table', async () => {
    const report = await failure(readLedger(stream(encode(CSV.join('\n'))), { mapping: { ...mapping, columns: undefined } }));
    expect(report.problems[0]!.reason).toContain('Mappningen anger inte kolumnerna');
  });

  it('a SIE file of type 1 has no months', async () => {
    const report = await failure(readLedger(stream(encode('#FLAGGA 0\n#SIETYP 1\n#RES 0 3140 -850000.00\n')), { mapping }));
    expect(report.problems[0]).toMatchObject({ record: '#SIETYP', reason: expect.stringContaining('typ 1') });
  });

  it('an XLSX that is not one', async () => {
    const report = await failure(readLedger(stream(Buffer.from('PK\u0003\u0004garbage that is no zip at all', 'latin1')), { mapping }));
    expect(report.problems[0]!.reason).toMatch(/skadad eller avkortad/);
  });
});
