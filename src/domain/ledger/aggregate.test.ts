/**
 * The aggregation, with amounts of the seed: IFO, Barn o familj's "Prognos 2017 aug" is 1 550 tkr
 * income and −36 272 tkr costs (demo/timra-ifo-2018-2020.json, rr-ifo-barn-o-familj). A ledger
 * books costs as debit (positive) and income as credit (negative); the statement prints income
 * positive and costs negative.
 */
import { describe, expect, it } from 'vitest';
import { aggregateLedger, LedgerAggregator } from './aggregate.ts';
import type { LedgerEntry } from './entry.ts';
import { parseLedgerMapping } from './mapping.ts';

const mapping = parseLedgerMapping({
  format: 'styrkort-ledger-mapping',
  formatVersion: 1,
  key: 'timra-ifo',
  name: 'Timrå IFO',
  municipality: '2262',
  accounts: [{ accounts: '3590', class: 'cost' }],
  rules: [
    { match: { responsibility: '5360' }, target: { exclude: true, reason: 'Socialnämndens kansli ingår inte i IFO:s plan' } },
    { match: { responsibility: '5320' }, target: { node: 'ifo-barn-o-familj' } },
    { match: { responsibility: '5310' }, target: { node: 'ifo-vuxna' } },
  ],
});

let line = 0;
function entry(period: string, account: string, responsibility: string | null, amount: number): LedgerEntry {
  return { line: ++line, period, account, codes: responsibility === null ? {} : { responsibility, activity: '5720' }, amount };
}

describe('aggregateLedger', () => {
  // A year of Barn o familj in two entries per side, whole kronor in öre.
  const entries = [
    entry('2017-01', '3140', '5320', -50_000_000), // income 500 000 kr
    entry('2017-08', '3140', '5320', -105_000_000), // income 1 050 000 kr
    entry('2017-01', '4610', '5320', 1_627_200_000), // costs 16 272 000 kr
    entry('2017-08', '5110', '5320', 2_000_000_000), // costs 20 000 000 kr
    entry('2017-01', '2540', null, -1_627_200_000), // the supplier's debt: balance sheet
    entry('2017-08', '5110', '5310', 12_345), // Vuxna, 123,45 kr
    entry('2017-08', '3590', '5310', 100), // class 3, made a cost by the override: 1 kr cost reduction
    entry('2017-08', '4610', '5360', 99_900), // excluded: 999 kr
    entry('2017-08', '4610', '5399', 5_000), // no rule: 50 kr
    entry('2017-08', '3140', '5399', -2_000), // no rule: 20 kr income
    entry('2017-12', '8410', '5320', 7_500), // class 8: interest, outside
  ];
  const result = aggregateLedger(entries, mapping);

  it('sums per target, month and side, with the statement signs', () => {
    expect(result.cells.map((cell) => [cell.key, cell.period, cell.side, cell.amount.toFixed(2), cell.entries])).toEqual([
      ['node:ifo-barn-o-familj', '2017-01', 'costs', '-16272000.00', 1],
      ['node:ifo-barn-o-familj', '2017-01', 'income', '500000.00', 1],
      ['node:ifo-barn-o-familj', '2017-08', 'costs', '-20000000.00', 1],
      ['node:ifo-barn-o-familj', '2017-08', 'income', '1050000.00', 1],
      ['node:ifo-vuxna', '2017-08', 'costs', '-124.45', 2],
    ]);
  });

  it('adds up to the seed: 1 550 tkr income and −36 272 tkr costs for the year', () => {
    const year = (side: 'income' | 'costs') =>
      result.cells.filter((cell) => cell.key === 'node:ifo-barn-o-familj' && cell.side === side).reduce((sum, cell) => sum.plus(cell.amount), result.booked.times(0));
    expect(year('income').dividedBy(1000).toFixed()).toBe('1550');
    expect(year('costs').dividedBy(1000).toFixed()).toBe('-36272');
  });

  it('lists unmapped codes with their sums, never drops them', () => {
    expect(result.unmapped).toEqual([
      {
        codes: { responsibility: '5399', activity: '5720' },
        income: expect.objectContaining({}),
        costs: expect.objectContaining({}),
        entries: 2,
        firstLine: entries[8]!.line,
        accounts: ['3140', '4610'],
      },
    ]);
    expect(result.unmapped[0]!.income.toFixed(2)).toBe('20.00');
    expect(result.unmapped[0]!.costs.toFixed(2)).toBe('-50.00');
  });

  it('lists what a rule excluded, with the rule and its reason', () => {
    expect(result.excluded.map((e) => [e.rule, e.reason, e.costs.toFixed(2), e.entries])).toEqual([
      [0, 'Socialnämndens kansli ingår inte i IFO:s plan', '-999.00', 1],
    ]);
  });

  it('lists accounts outside the operating statement as booked', () => {
    expect(result.outside.map((o) => [o.account, o.class, o.booked.toFixed(2)])).toEqual([
      ['2540', 'balance', '-16272000.00'],
      ['8410', 'financial', '75.00'],
    ]);
  });

  it('accounts for every krona of the file', () => {
    const cells = result.cells.reduce((sum, cell) => sum.minus(cell.amount), result.booked.times(0));
    const unmapped = result.unmapped.reduce((sum, u) => sum.minus(u.income).minus(u.costs), cells);
    const excluded = result.excluded.reduce((sum, e) => sum.minus(e.income).minus(e.costs), unmapped);
    const outside = result.outside.reduce((sum, o) => sum.plus(o.booked), excluded);
    expect(outside.toFixed(2)).toBe(result.booked.toFixed(2));
    expect(result.entries).toBe(entries.length);
    expect(result.periods).toEqual(['2017-01', '2017-08', '2017-12']);
  });

  it('gives the same result fed entry by entry as a stream', () => {
    const aggregator = new LedgerAggregator(mapping);
    for (const one of entries) aggregator.add(one);
    expect(aggregator.result()).toEqual(result);
  });
});
