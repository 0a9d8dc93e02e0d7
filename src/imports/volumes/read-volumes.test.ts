/**
 * Volume actuals from the seed's own table, "MÅTT" of IFO's plan 2018–2020 (demo/
 * timra-ifo-2018-2020.json, ifo-matt-2017): written back as the wide sheet it was printed as
 * (Bokslut 2015 | Bokslut 2016 | Plan 2017 | Utfall jan … Utfall dec) and as a long file, and read
 * again: every printed value comes back as printed ("5,3", "0,5", "-"), in its period.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { collect, encode, failure, stream } from '../../../tests/fixtures/ledger/streams.ts';
import { readVolumes } from './read-volumes.ts';
import { readColumnHeader } from './read-wide.ts';
import { resolveMeasures } from './resolve-measures.ts';

interface SeedTable {
  key: string;
  columns: Array<{ key: string; label: string; kind: string; period: string }>;
  rows: Array<{ key: string; measure: string; label: string; cells: Record<string, string> }>;
}

const plan = JSON.parse(readFileSync(new URL('../../../demo/timra-ifo-2018-2020.json', import.meta.url), 'utf8')) as { volumeTables: SeedTable[] };
const table = plan.volumeTables.find((candidate) => candidate.key === 'ifo-matt-2017')!;

/** The printed actuals of the seed: [measure key, period, text]. */
const printedActuals = table.rows.flatMap((row) =>
  table.columns.filter((column) => column.kind === 'actual').map((column) => [row.measure, column.period, row.cells[column.key] ?? ''] as const),
);

function wideRows(): string[][] {
  return [['Mått', ...table.columns.map((column) => column.label)], ...table.rows.map((row) => [row.label, ...table.columns.map((column) => row.cells[column.key] ?? '')])];
}

describe('readVolumes: the wide layout of the seed', () => {
  it('reads every actual of the printed table from CSV, passing over the plan column', async () => {
    const csv = wideRows()
      .map((cells) => cells.map((cell) => (cell.includes(';') ? `"${cell}"` : cell)).join(';'))
      .join('\r\n');
    const reading = readVolumes(stream(encode(csv, 'windows-1252')), { wide: { year: 2017 } });
    const actuals = await collect(reading);
    const byLabel = new Map(table.rows.map((row) => [row.label, row.measure]));
    expect(actuals.map((a) => [byLabel.get(a.measure), a.period, a.figure.text])).toEqual(printedActuals);
    expect(reading.info).toMatchObject({ format: 'csv', layout: 'wide', actuals: printedActuals.length });
    expect(reading.info.skipped).toEqual([{ header: 'Plan 2017', reason: 'Kolumnen är en plan, inte ett utfall.' }]);
  });

  it('keeps values as printed with their exact value; missing is not zero', async () => {
    const csv = wideRows().map((cells) => cells.join(';')).join('\n');
    const actuals = await collect(readVolumes(stream(encode(csv)), { wide: { year: 2017 } }));
    const placements = actuals.filter((a) => a.measure === 'Antal Klienter Skyddat boende Vård i nära relationer' && a.period.startsWith('2017-'));
    expect(placements.map((a) => [a.period, a.figure.text, a.figure.value?.toFixed() ?? null])).toEqual([
      ['2017-01', '1', '1'],
      ['2017-02', '1', '1'],
      ['2017-03', '1', '1'],
      ['2017-04', '1', '1'],
      ['2017-05', '0', '0'],
      ['2017-06', '0,5', '0.5'],
      ['2017-07', '0,5', '0.5'],
      ['2017-08', '1', '1'],
      ['2017-09', '1', '1'],
      ['2017-10', '6', '6'],
      ['2017-11', '6', '6'],
      ['2017-12', '6', '6'],
    ]);
    const hvb = actuals.find((a) => a.measure === 'Antal Klienter HVB missbruksvård (årsplaceringar)' && a.period === '2015');
    expect([hvb?.figure.text, hvb?.figure.value?.toFixed()]).toEqual(['5,3', '5.3']);
    const notPrinted = actuals.find((a) => a.measure === 'Antal brukare Daglig sysselsättning SoL' && a.period === '2015');
    expect(notPrinted?.figure).toEqual({ text: '', form: 'missing', value: null });
  });

  it('reads the same table from an Excel sheet with numbers as numbers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Mått');
    for (const [index, cells] of wideRows().entries()) {
      sheet.addRow(index === 0 ? cells : cells.map((cell, i) => (i > 0 && /^\d+(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : cell)));
    }
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const actuals = await collect(readVolumes(stream(bytes), { wide: { year: 2017 } }));
    const byLabel = new Map(table.rows.map((row) => [row.label, row.measure]));
    expect(actuals.map((a) => [byLabel.get(a.measure), a.period, a.figure.text])).toEqual(printedActuals);
  });

  it('stops at a month without a year, and at a header that is no period', async () => {
    const report = await failure(readVolumes(stream(encode('Mått;Utfall jan;Kommentar\nHVB;7;ok\n'))));
    expect(report.problems).toEqual([
      { line: 1, column: 'Utfall jan', value: 'Utfall jan', reason: expect.stringContaining('Månaden saknar år') },
      { line: 1, column: 'Kommentar', value: 'Kommentar', reason: expect.stringContaining('Rubriken är ingen period') },
    ]);
  });

  it('passes over a column named to be ignored, and lists it', async () => {
    const reading = readVolumes(stream(encode('Mått;Enhet;aug 2017\nHVB;st;7\n')), { wide: { ignoreColumns: ['Enhet'] } });
    expect((await collect(reading)).map((a) => [a.measure, a.period, a.figure.text])).toEqual([['HVB', '2017-08', '7']]);
    expect(reading.info.skipped).toEqual([{ header: 'Enhet', reason: 'Kolumnen är angiven att hoppas över.' }]);
  });

  it('reports values that are no numbers with their row and column', async () => {
    const report = await failure(readVolumes(stream(encode('Mått;2017-01;2017-02\nHVB;7;sju\n;1;2\n'))));
    expect(report.problems).toEqual([
      { line: 2, column: '2017-02', value: 'sju', reason: 'Inte ett tal; ett saknat värde skrivs tomt eller "-".' },
      { line: 3, column: 'mått', value: '', reason: 'Måttet saknas.' },
    ]);
  });
});

describe('readVolumes: the long layout', () => {
  const long = ['mått;period;värde;uppdelning', ...printedActuals.map(([measure, period, text]) => `${measure};${period};${text};`)];

  it('reads measure;period;value rows back as printed', async () => {
    const reading = readVolumes(stream(encode(long.join('\n'))));
    const actuals = await collect(reading);
    expect(actuals.map((a) => [a.measure, a.period, a.figure.text])).toEqual(printedActuals);
    expect(reading.info.layout).toBe('long');
  });

  it('reads a breakdown and English headers', async () => {
    const actuals = await collect(readVolumes(stream(encode('measure,period,value,breakdown\nhushall-forsorjningsstod,aug 2017,189,kvinnor\n'))));
    expect(actuals).toEqual([
      { line: 2, measure: 'hushall-forsorjningsstod', period: '2017-08', figure: { text: '189', form: 'number', value: expect.anything() }, breakdown: 'kvinnor' },
    ]);
  });

  it('reports bad periods and values with their row and column', async () => {
    const report = await failure(readVolumes(stream(encode('mått;period;värde\nHVB;2017-13;7\nHVB;2017-08;7.5.1\n'))));
    expect(report.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [2, 'period', '2017-13'],
      [3, 'värde', '7.5.1'],
    ]);
  });

  it('refuses a SIE file', async () => {
    const report = await failure(readVolumes(stream(encode('#FLAGGA 0\n#SIETYP 4\n'))));
    expect(report.problems[0]!.reason).toContain('SIE-fil');
  });
});

describe('column headers and measure names', () => {
  it.each([
    ['Utfall jan', 2017, { period: '2017-01' }],
    ['Bokslut 2015', undefined, { period: '2015' }],
    ['aug 2017', undefined, { period: '2017-08' }],
    ['2017-08', undefined, { period: '2017-08' }],
    ['Plan 2017', 2017, { skip: 'Kolumnen är en plan, inte ett utfall.' }],
    ['Prognos 2017 aug', undefined, { skip: 'Kolumnen är en prognos, inte ett utfall.' }],
  ] as const)('%j → %j', (header, year, expected) => {
    expect(readColumnHeader(header, year)).toEqual(expected);
  });

  it('finds a plan row by key, measure key or label; lists the rest', () => {
    const rows = table.rows.map((row) => ({ table: table.key, key: row.key, measure: row.measure, label: row.label }));
    const resolution = resolveMeasures(
      [
        { measure: 'hvb-missbruk-klienter', line: 2 },
        { measure: 'antal hushåll med  försörjningsstöd', line: 3 },
        { measure: 'Antal placerade katter', line: 4 },
        { measure: 'Antal placerade katter', line: 9 },
      ],
      rows,
    );
    expect(resolution.rows.get('hvb-missbruk-klienter')?.key).toBe('hvb-missbruk-klienter');
    expect(resolution.rows.get('antal hushåll med  försörjningsstöd')?.key).toBe('hushall-forsorjningsstod');
    expect(resolution.unknown).toEqual([{ name: 'Antal placerade katter', firstLine: 4, count: 2 }]);
  });
});
