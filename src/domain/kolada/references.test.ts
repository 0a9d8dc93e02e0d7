/**
 * Kolada as the reference values of targets in words, with Timrå's real N31807 values
 * (demo/kolada): the country, "Liknande kommuner IFO", and the edge of the best quarter.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../plan.ts';
import { evaluateIndicator } from '../status.ts';
import { compareWithGroup, type Comparison } from './compare.ts';
import { koladaReferenceLookup, seriesReference } from './references.ts';

const ifo = [
  ['0461', 'Gnesta', '1.997933'],
  ['0861', 'Mönsterås', '2.809581'],
  ['1266', 'Hörby', '2.443059'],
  ['1291', 'Simrishamn', '2.034183'],
  ['1784', 'Arvika', '3.004026'],
  ['2062', 'Mora', '2.562987'],
  ['2481', 'Lycksele', '4.631218'],
].map(([id, title, value]) => ({ id: id!, title: title!, value: value! }));

function comparison(members: typeof ifo, groupTitle: string): Comparison {
  return compareWithGroup({ kpi: 'N31807', year: 2022, gender: 'T', order: 'lowest-first', own: { id: '2262', title: 'Timrå', value: '2.900755' }, group: { id: 'G', title: groupTitle, members }, country: '2.850348' });
}

// Eight municipalities stand in for "all municipalities" here: the IFO group and Timrå.
const lookup = koladaReferenceLookup(new Map([['st-ekb', { group: [comparison(ifo, 'Liknande kommuner IFO, Timrå, 2022')], all: [comparison([...ifo, { id: '2262', title: 'Timrå', value: '2.900755' }], 'Alla kommuner (ovägt medel)')] }]]));
const ask = (series: string, period = '2022', indicatorKey = 'st-ekb') => lookup({ indicatorKey, series, period });

describe('Kolada reference values for targets', () => {
  it.each([
    ['riket', { reference: 'country', of: 'group' }],
    ['liknande kommuner', { reference: 'group-mean', of: 'group' }],
    ['Liknande kommuner IFO', { reference: 'group-mean', of: 'group' }],
    ['kommungenomsnittet', { reference: 'group-mean', of: 'all' }],
    ['de 25 % bästa kommunerna', { bestShare: 0.25 }],
    ['skatter och generella statsbidrag', null],
  ])('reads the series "%s"', (series, expected) => {
    expect(seriesReference(series)).toEqual(expected);
  });

  it('gives the country, the group mean, the mean of all and the edge of the best quarter for 2022', () => {
    expect(ask('riket')?.toString()).toBe('2.850348');
    expect((ask('liknande kommuner') as Decimal).toFixed(6)).toBe('2.783284');
    expect((ask('kommungenomsnittet') as Decimal).toString()).toBe('2.79796775');
    // Lowest is best for this comparison: the best quarter ends at the lower quartile.
    expect((ask('de 25 % bästa kommunerna') as Decimal).toString()).toBe('2.34084');
    expect(ask('riket', '2021')).toBeUndefined();
    expect(ask('riket', '2022', 'st-annat')).toBeUndefined();
    expect(ask('Norrlands kommuner')).toBeUndefined();
  });

  it('lets the status rules judge "bättre än riket" and "i nivå med liknande kommuner" with Kolada values', () => {
    const indicator = (target: string): Indicator => ({
      key: 'st-ekb',
      number: '1.1.1',
      name: 'Invånare med ekonomiskt bistånd, andel (%)',
      goal: null,
      direction: 'lower-better',
      unit: '%',
      measurement: null,
      targets: [{ year: 2022, text: target }],
      actuals: [{ period: '2022', text: '2,900755' }],
    });
    // Timrå 2,900755 % against the country 2,850348 %: not better (lower is better), but within the tolerance.
    const better = evaluateIndicator(indicator('bättre än riket'), '2022', { references: lookup });
    expect(better.status).toBe('yellow');
    expect(better.explanation).toBe('Utfall 2,9 % mot riket 2,85 % (målvärde bättre än riket): nära målet, 0,05 procentenheter över (tolerans 0,14)');
    // … and against the IFO group's mean 2,783284 %: level, within the tolerance.
    const level = evaluateIndicator(indicator('i nivå med liknande kommuner'), '2022', { references: lookup });
    expect(level.status).toBe('green');
    expect(level.explanation).toBe('Utfall 2,9 % mot liknande kommuner 2,78 % (målvärde i nivå med liknande kommuner): uppfyllt, 0,12 procentenheter från målet');
  });
});
