/** The pure parts of "Importera utfall": the ledger's table per unit and month, the changed cells per item, dates. */
import { describe, expect, it } from 'vitest';
import type { ImportOutcomeBody } from '../contract/imports.ts';
import { changedItems, isoDate, kronor, ledgerTable } from './imports-view.ts';

const outcome = (cells: ImportOutcomeBody['cells'], ledger: ImportOutcomeBody['ledger'] = null): ImportOutcomeBody => ({
  status: 'dry-run',
  fileName: 'f.csv',
  checksum: 'x',
  rows: cells.length,
  periods: [],
  import: null,
  counts: null,
  cells,
  cellCount: cells.length,
  ledger,
});

describe('kronor', () => {
  it.each([
    ['-1000', '-1 000'],
    ['-250.5', '-251'],
    ['1234567.49', '1 234 567'],
    ['-0.4', '0'],
  ])('%s → %s', (text, printed) => expect(kronor(text)).toBe(printed));
});

describe('ledgerTable', () => {
  it('puts every month of the file in order, a unit without a month as missing, and the year’s total', () => {
    const table = ledgerTable({
      entries: 3,
      booked: '0',
      units: [
        { target: 'ifo-vuxna', label: 'IFO, Vuxna', table: 'rr-ifo-vuxna', months: [{ period: '2017-02', income: '0', costs: '100', net: '-100' }, { period: '2017-01', income: '10', costs: '0', net: '10' }] },
        { target: 'ekb', label: 'EKB', table: null, months: [{ period: '2017-02', income: '5', costs: '0', net: '5' }] },
      ],
      unmapped: [],
      excluded: [],
      outside: [],
    });
    expect(table.months).toEqual([{ period: '2017-01', label: 'jan 2017' }, { period: '2017-02', label: 'feb 2017' }]);
    expect(table.rows).toEqual([
      { target: 'ifo-vuxna', label: 'IFO, Vuxna', table: 'rr-ifo-vuxna', net: ['10', '-100'], total: '-90' },
      { target: 'ekb', label: 'EKB', table: null, net: ['–', '5'], total: '5' },
    ]);
  });
});

describe('changedItems', () => {
  it('counts cells per item by effect and shows the first written or emptied ones', () => {
    const items = changedItems(
      outcome([
        { itemType: 'volume-table', itemKey: 'ifo-matt-2017', rowKey: 'a', columnKey: 'utfall-2017-08', period: '2017-08', before: '47', after: '44', effect: 'written' },
        { itemType: 'volume-table', itemKey: 'ifo-matt-2017', rowKey: 'b', columnKey: 'utfall-2017-08', period: '2017-08', before: '3', after: '3', effect: 'confirmed' },
        { itemType: 'indicator', itemKey: 'st-1', rowKey: '', columnKey: '2018', period: '2018', before: '5', after: null, effect: 'emptied' },
      ]),
    );
    expect(items).toEqual([
      { itemType: 'volume-table', itemKey: 'ifo-matt-2017', written: 1, confirmed: 1, emptied: 0, examples: [{ rowKey: 'a', period: '2017-08', before: '47', after: '44' }] },
      { itemType: 'indicator', itemKey: 'st-1', written: 0, confirmed: 0, emptied: 1, examples: [{ rowKey: '', period: '2018', before: '5', after: null }] },
    ]);
  });
});

describe('isoDate', () => {
  it('gives the date in Sweden, also just after midnight there', () => {
    expect(isoDate('2026-03-04T23:30:00Z')).toBe('2026-03-05');
    expect(isoDate('2026-03-05T10:00:00Z')).toBe('2026-03-05');
  });
});
