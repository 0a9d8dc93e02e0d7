/**
 * The demo's generated actuals for Timrå's IFO 2017 (scripts/generate-demo-ledger.ts): the files
 * in demo/ are exactly what the generator makes, and read through Styrkort's own readers and the
 * demo mapping they give each cost centre's income and costs of the seed's "Prognos 2017 aug"
 * (demo/timra-ifo-2018-2020.json), from the SIE vouchers, the SIE period balances and the CSV alike.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoLedgerFiles } from '../../../scripts/generate-demo-ledger.ts';
import { collect } from '../../../tests/fixtures/ledger/streams.ts';
import type { LedgerAggregation } from '../../domain/ledger/aggregate.ts';
import { parseLedgerMapping } from '../../domain/ledger/mapping.ts';
import { readVolumes } from '../volumes/read-volumes.ts';
import { aggregateLedgerFile } from './aggregate-ledger-file.ts';

const demo = (name: string): URL => new URL(`../../../demo/${name}`, import.meta.url);
const mapping = parseLedgerMapping(JSON.parse(readFileSync(demo('timra-ifo-mappning.json'), 'utf8')));

interface SeedPlan {
  budgetTables: Array<{ node: string; columns: Array<{ key: string; label: string }>; rows: Array<{ line: string; cells: Record<string, string> }> }>;
  volumeTables: Array<{ key: string; columns: Array<{ key: string; kind: string; period: string }>; rows: Array<{ measure: string; cells: Record<string, string> }> }>;
}
const seed = JSON.parse(readFileSync(demo('timra-ifo-2018-2020.json'), 'utf8')) as SeedPlan;

/** The seed's "Prognos 2017 aug" per cost centre and side, in tkr as printed ("-36 272" → -36272). */
const forecasts = seed.budgetTables
  .filter((table) => table.columns.some((column) => column.key === 'prognos-2017' && column.label === 'Prognos 2017 aug'))
  .flatMap((table) =>
    table.rows
      .filter((row) => row.line !== 'net' && row.cells['prognos-2017'] !== '0')
      .map((row) => [`node:${table.node}`, row.line, Number(row.cells['prognos-2017']!.replace(/\s/g, ''))] as const),
  );

function yearTotals(aggregation: LedgerAggregation): Array<readonly [string, string, number]> {
  const totals = new Map<string, number>();
  for (const cell of aggregation.cells) {
    const key = `${cell.key}|${cell.side}`;
    totals.set(key, (totals.get(key) ?? 0) + cell.amount.times(100).toNumber());
  }
  return [...totals.entries()].map(([key, ore]) => {
    const [target, side] = key.split('|');
    return [target!, side!, ore / 100 / 1000] as const;
  });
}

describe('the demo ledger of IFO 2017', () => {
  it('is exactly what the generator makes (regenerate with: npm run demo:ledger)', () => {
    for (const [name, bytes] of Object.entries(demoLedgerFiles())) expect(readFileSync(demo(name)).equals(bytes), name).toBe(true);
  });

  it('covers the seed: four cost centres with a forecast for 2017 (Öppenvård o mottagning had none)', () => {
    expect(forecasts.map(([target, side]) => `${target} ${side}`).sort()).toEqual([
      'node:ekb costs',
      'node:ekb income',
      'node:forsorjningsstod-utbetaln costs',
      'node:forsorjningsstod-utbetaln income',
      'node:ifo-barn-o-familj costs',
      'node:ifo-barn-o-familj income',
      'node:ifo-vuxna costs',
      'node:ifo-vuxna income',
    ]);
  });

  it.each([
    ['SIE vouchers', 'timra-ifo-2017-huvudbok.se', mapping],
    ['SIE period balances', 'timra-ifo-2017-huvudbok.se', { ...mapping, sie: { responsibility: '1', source: 'period-balances' as const } }],
    ['CSV', 'timra-ifo-2017-huvudbok.csv', mapping],
  ])('%s add up to the seed\'s "Prognos 2017 aug" per cost centre', async (_, file, used) => {
    const { aggregation } = await aggregateLedgerFile(createReadStream(demo(file)), { mapping: used });
    expect(yearTotals(aggregation).sort()).toEqual([...forecasts].sort());
    expect(aggregation.unmapped).toEqual([]);
    expect(aggregation.periods).toEqual(['2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06', '2017-07', '2017-08', '2017-09', '2017-10', '2017-11', '2017-12']);
  });

  it('gives the same month by month figures from the SIE file and the CSV export', async () => {
    const sie = await aggregateLedgerFile(createReadStream(demo('timra-ifo-2017-huvudbok.se')), { mapping });
    const csv = await aggregateLedgerFile(createReadStream(demo('timra-ifo-2017-huvudbok.csv')), { mapping });
    const months = (a: LedgerAggregation) => a.cells.map((cell) => [cell.key, cell.period, cell.side, cell.amount.toFixed(2)]);
    expect(months(csv.aggregation)).toEqual(months(sie.aggregation));
    expect(sie.aggregation.booked.toFixed(2)).toBe('0.00'); // every voucher balances against the balance sheet
    expect(sie.aggregation.outside.map((o) => [o.account, o.class])).toEqual([
      ['1510', 'balance'],
      ['1930', 'balance'],
      ['2540', 'balance'],
      ['2910', 'balance'],
    ]);
  });

  it('has the 2017 volume actuals as the seed printed them', async () => {
    const table = seed.volumeTables.find((candidate) => candidate.key === 'ifo-matt-2017')!;
    const printed = table.rows.flatMap((row) =>
      table.columns.filter((c) => c.kind === 'actual' && c.period.startsWith('2017-') && row.cells[c.key] !== undefined).map((c) => [row.measure, c.period, row.cells[c.key]]),
    );
    const actuals = await collect(readVolumes(createReadStream(demo('timra-ifo-2017-volymer.csv'))));
    expect(actuals.map((a) => [a.measure, a.period, a.figure.text])).toEqual(printed);
    expect(printed).toHaveLength(12 * table.rows.length);
  });
});
