/** Kolada reference series for targets, with Timrå's real N31807 values (demo/kolada). */
import { describe, expect, it } from 'vitest';
import { compareWithGroup } from './compare.ts';
import { koladaReferences, koladaSeriesName, readKoladaSeriesName } from './references.ts';

const members = [
  ['0461', 'Gnesta', '1.997933'],
  ['0861', 'Mönsterås', '2.809581'],
  ['1266', 'Hörby', '2.443059'],
  ['1291', 'Simrishamn', '2.034183'],
  ['1784', 'Arvika', '3.004026'],
  ['2062', 'Mora', '2.562987'],
  ['2481', 'Lycksele', '4.631218'],
].map(([id, title, value]) => ({ id: id!, title: title!, value: value! }));

const in2022 = compareWithGroup({
  kpi: 'N31807',
  year: 2022,
  gender: 'T',
  order: 'lowest-first',
  own: { id: '2262', title: 'Timrå', value: '2.900755' },
  group: { id: 'G36671', title: 'Liknande kommuner IFO, Timrå, 2022', members },
  country: '2.850348',
});

describe('Kolada reference series', () => {
  it('names series and reads the names back', () => {
    expect(koladaSeriesName('N31807', 'T', 'country')).toBe('kolada:N31807:T:country');
    expect(readKoladaSeriesName('kolada:N31807:K:group-mean')).toEqual({ kpi: 'N31807', gender: 'K', reference: 'group-mean' });
    expect(readKoladaSeriesName('kolada:N31807:T:genomsnitt')).toBeNull();
    expect(readKoladaSeriesName('st-1.2.1')).toBeNull();
  });

  it('gives the country and the group mean for 2022, and null for a year or series it does not have', () => {
    const lookup = koladaReferences([in2022]);
    expect(lookup('kolada:N31807:T:country', '2022')?.toString()).toBe('2.850348');
    expect(lookup('kolada:N31807:T:group-mean', '2022')?.toFixed(6)).toBe('2.783284');
    expect(lookup('kolada:N31807:T:own', '2022')?.toString()).toBe('2.900755');
    expect(lookup('kolada:N31807:T:country', '2021')).toBeNull();
    expect(lookup('kolada:N31807:K:country', '2022')).toBeNull();
    expect(lookup('kolada:N31807:T:country', '2022-08')).toBeNull();
  });
});
