/**
 * The comparison with real Kolada values (demo/kolada): Timrå against "Liknande kommuner IFO,
 * Timrå, 2022" (G36671) and the country, for N31807 in 2022 and for N33816 (women) in 2019,
 * when three of the seven members have no value.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { compareWithGroup, rankOrderFor, referenceValue, type ComparisonInput } from './compare.ts';
import { competitionRanks, mean, printPrecision, quantile, sortAscending } from './statistics.ts';

const ifoMembers = [
  ['0461', 'Gnesta'],
  ['0861', 'Mönsterås'],
  ['1266', 'Hörby'],
  ['1291', 'Simrishamn'],
  ['1784', 'Arvika'],
  ['2062', 'Mora'],
  ['2481', 'Lycksele'],
] as const;

function input(values: Record<string, string | null>, own: string | null, country: string | null, overrides: Partial<ComparisonInput> = {}): ComparisonInput {
  return {
    kpi: 'N31807',
    year: 2022,
    gender: 'T',
    own: { id: '2262', title: 'Timrå', value: own },
    group: { id: 'G36671', title: 'Liknande kommuner IFO, Timrå, 2022', members: ifoMembers.map(([id, title]) => ({ id, title, value: values[id] ?? null })) },
    country,
    order: 'lowest-first',
    ...overrides,
  };
}

// ddf-raw-n31807-by-geo-year.csv, year 2022.
const n31807in2022 = { '0461': '1.997933', '0861': '2.809581', '1266': '2.443059', '1291': '2.034183', '1784': '3.004026', '2062': '2.562987', '2481': '4.631218' };

describe('compareWithGroup', () => {
  it('gives Timrå 2,900755 against the IFO group mean 2,783284 and the country 2,850348 (N31807, 2022)', () => {
    const c = compareWithGroup(input(n31807in2022, '2.900755', '2.850348'));
    expect(c.own.value?.toString()).toBe('2.900755');
    expect(c.country?.toString()).toBe('2.850348');
    const s = c.group!.statistics;
    expect(s.mean!.toFixed(6)).toBe('2.783284');
    expect([s.min, s.lowerQuartile, s.median, s.upperQuartile, s.max].map((v) => v!.toString())).toEqual(['1.997933', '2.238621', '2.562987', '2.9068035', '4.631218']);
    expect(s).toMatchObject({ members: 7, withValues: 7, missing: [] });
    // Timrå is not a member of its own comparison group: it is ranked among the 7 as an 8th.
    expect(c.group!.ownIsMember).toBe(false);
    expect(c.group!.ownPlace).toEqual({ place: 6, of: 8, tiedWith: 0 });
    expect(c.group!.ranking.map((r) => [r.place, r.title])).toEqual([
      [1, 'Gnesta'],
      [2, 'Simrishamn'],
      [3, 'Hörby'],
      [4, 'Mora'],
      [5, 'Mönsterås'],
      [6, 'Timrå'],
      [7, 'Arvika'],
      [8, 'Lycksele'],
    ]);
  });

  it('ranks from the other end when higher is better, and lets equal values share a place', () => {
    const c = compareWithGroup(input({ ...n31807in2022, '1784': '2.900755' }, '2.900755', null, { order: 'highest-first' }));
    expect(c.group!.ownPlace).toEqual({ place: 2, of: 8, tiedWith: 1 });
    expect(c.group!.ranking.slice(0, 4).map((r) => [r.place, r.title])).toEqual([
      [1, 'Lycksele'],
      [2, 'Arvika'],
      [2, 'Timrå'],
      [4, 'Mönsterås'],
    ]);
  });

  it('leaves members without a value out of every figure and names them (N33816, women, 2019)', () => {
    const women2019 = { '0861': '3.90625', '1266': '2.767017', '1784': '4.002911', '2481': '2.836879' };
    const c = compareWithGroup(input(women2019, '4.882813', '2.405441', { kpi: 'N33816', year: 2019, gender: 'K' }));
    const s = c.group!.statistics;
    expect(s).toMatchObject({ members: 7, withValues: 4 });
    expect(s.missing.map((m) => m.title)).toEqual(['Gnesta', 'Simrishamn', 'Mora']);
    expect([s.mean, s.lowerQuartile, s.median, s.upperQuartile].map((v) => v!.toString())).toEqual(['3.37826425', '2.8194135', '3.3715645', '3.93041525']);
    expect(c.group!.ownPlace).toEqual({ place: 5, of: 5, tiedWith: 0 });
  });

  it('has no figures (not zeros) when no member has a value, and no place when the own value is missing', () => {
    const c = compareWithGroup(input({}, null, null));
    expect(c.group!.statistics).toMatchObject({ withValues: 0, mean: null, min: null, median: null, max: null });
    expect(c.group!.statistics.missing).toHaveLength(7);
    expect(c.group!.ownPlace).toBeNull();
    expect(c.own.value).toBeNull();
  });

  it('counts the own municipality once when it is a member (e.g. its county group)', () => {
    const c = compareWithGroup(input(n31807in2022, '2.562987', null, { own: { id: '2062', title: 'Mora', value: '2.562987' } }));
    expect(c.group!.ownIsMember).toBe(true);
    expect(c.group!.ownPlace).toEqual({ place: 4, of: 7, tiedWith: 0 });
  });

  it('names the figures a target can refer to, and picks the ranking order from the indicator direction', () => {
    const c = compareWithGroup(input(n31807in2022, '2.900755', '2.850348'));
    expect(referenceValue(c, 'country')?.toString()).toBe('2.850348');
    expect(referenceValue(c, 'group-median')?.toString()).toBe('2.562987');
    expect(referenceValue(c, 'own')?.toString()).toBe('2.900755');
    expect(referenceValue(compareWithGroup(input(n31807in2022, null, null, { group: null })), 'group-mean')).toBeNull();
    expect([rankOrderFor('higher-better'), rankOrderFor('lower-better'), rankOrderFor(undefined)]).toEqual(['highest-first', 'lowest-first', 'lowest-first']);
  });
});

describe('statistics', () => {
  const d = (values: number[]) => values.map((v) => new Decimal(v));
  it.each([
    [[5], 0.25, '5'],
    [[1, 2], 0.5, '1.5'],
    [[1, 2, 3, 4], 0.25, '1.75'],
    [[1, 2, 3, 4], 0.75, '3.25'],
    [[7, 1, 3], 0.5, '3'],
  ])('quantile of %j at %f is %s (KVARTIL.INK)', (values, p, expected) => {
    expect(quantile(sortAscending(d(values)), p)!.toString()).toBe(expected);
  });

  it('gives no mean or quantile of nothing, competition ranks and the print precision', () => {
    expect(mean([])).toBeNull();
    expect(quantile([], 0.5)).toBeNull();
    expect(competitionRanks(d([3, 1, 3, 2]), 'lowest-first')).toEqual([3, 1, 3, 2]);
    expect(competitionRanks(d([3, 1, 3, 2]), 'highest-first')).toEqual([1, 4, 1, 3]);
    expect(printPrecision(d([1.5, 2.900755, 3]))).toBe(6);
    expect(printPrecision([new Decimal('1929.0')])).toBe(0);
  });
});
