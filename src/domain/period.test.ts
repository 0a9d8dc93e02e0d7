import { describe, expect, it } from 'vitest';
import { PeriodField } from './period-field.ts';
import {
  comparePeriodEnds,
  comparePeriods,
  describePeriod,
  firstMonth,
  formatPeriod,
  isMonthPeriod,
  isPeriod,
  isYearPeriod,
  lastMonth,
  monthOf,
  monthsCovered,
  parsePeriod,
  parseYearRange,
  periodBegunBy,
  periodCode,
  periodContains,
  periodKind,
  periodProblem,
  periodsOverlap,
  readPeriod,
  yearOf,
  yearsBefore,
} from './period.ts';

// The kinds Swedish municipalities follow up by: Timrå's seeds by year and month ("Prognos 2017
// aug"), tertial reports (tertialrapport T1/T2, e.g. Region Stockholm, Uppsala kommun), half-year
// and quarter reports (delårsrapport per 30 juni, kvartalsuppföljning).
const kinds: Array<[string, ReturnType<typeof periodKind>, number, string, string, string, string]> = [
  // code, kind, year, printed, in words, first month, last month
  ['2025', 'year', 2025, '2025', '2025', '2025-01', '2025-12'],
  ['2025-H1', 'half-year', 2025, 'H1 2025', 'första halvåret 2025', '2025-01', '2025-06'],
  ['2025-H2', 'half-year', 2025, 'H2 2025', 'andra halvåret 2025', '2025-07', '2025-12'],
  ['2025-T1', 'tertial', 2025, 'T1 2025', 'första tertialet 2025', '2025-01', '2025-04'],
  ['2025-T2', 'tertial', 2025, 'T2 2025', 'andra tertialet 2025', '2025-05', '2025-08'],
  ['2025-T3', 'tertial', 2025, 'T3 2025', 'tredje tertialet 2025', '2025-09', '2025-12'],
  ['2025-Q1', 'quarter', 2025, 'Q1 2025', 'första kvartalet 2025', '2025-01', '2025-03'],
  ['2025-Q3', 'quarter', 2025, 'Q3 2025', 'tredje kvartalet 2025', '2025-07', '2025-09'],
  ['2025-Q4', 'quarter', 2025, 'Q4 2025', 'fjärde kvartalet 2025', '2025-10', '2025-12'],
  ['2025-08', 'month', 2025, 'aug 2025', 'augusti 2025', '2025-08', '2025-08'],
  ['2017-01', 'month', 2017, 'jan 2017', 'januari 2017', '2017-01', '2017-01'],
  ['2017-12', 'month', 2017, 'dec 2017', 'december 2017', '2017-12', '2017-12'],
];

describe('period kinds', () => {
  it.each(kinds)('%s is a %s of %i, printed "%s", in words "%s", %s–%s', (code, kind, year, printed, words, first, last) => {
    expect(isPeriod(code)).toBe(true);
    expect(periodKind(code)).toBe(kind);
    expect(yearOf(code)).toBe(year);
    expect(formatPeriod(code)).toBe(printed);
    expect(describePeriod(code)).toBe(words);
    expect(firstMonth(code)).toBe(first);
    expect(lastMonth(code)).toBe(last);
    expect(periodCode(parsePeriod(code)!)).toBe(code);
    expect(PeriodField.safeParse(code).success).toBe(true);
    // The printed form and the words read back to the code.
    expect(readPeriod(printed)).toBe(code);
    expect(readPeriod(words)).toBe(code);
  });

  it.each(['2025-H3', '2025-T4', '2025-Q5', '2025-Q0', '2025-13', '2025-00', '2025-8', '25', '2025-', '2025-t2', 'augusti', '2021-2023', ''])('%j is no period code', (text) => {
    expect(isPeriod(text)).toBe(false);
    expect(periodKind(text)).toBeNull();
    expect(periodProblem(text)).toBe(`Perioden "${text}" anges som ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM`);
    const parsed = PeriodField.safeParse(text);
    expect(parsed.success ? null : parsed.error.issues[0]!.message).toBe('Period anges som ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM');
    // What is not a period prints as given.
    expect(formatPeriod(text)).toBe(text);
  });

  it('keeps year and month as before: month numbers, year and month tests', () => {
    expect([monthOf('2017-08'), monthOf('2017'), monthOf('2017-T2')]).toEqual([8, null, null]);
    expect([isMonthPeriod('2017-08'), isMonthPeriod('2017-Q3'), isMonthPeriod('2017')]).toEqual([true, false, false]);
    expect([isYearPeriod('2017'), isYearPeriod('2017-H1'), isYearPeriod('2017-01')]).toEqual([true, false, false]);
    expect(periodProblem('2017-08')).toBeNull();
  });
});

describe('months, containment and order', () => {
  it.each([
    ['2025-T2', ['2025-05', '2025-06', '2025-07', '2025-08']],
    ['2025-Q3', ['2025-07', '2025-08', '2025-09']],
    ['2025-H1', ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']],
    ['2025-08', ['2025-08']],
  ])('%s covers %j', (period, months) => {
    expect(monthsCovered(period)).toEqual(months);
  });

  it('a year covers its twelve months', () => {
    expect(monthsCovered('2024')).toHaveLength(12);
  });

  it.each([
    ['2025', '2025-T2', true, true],
    ['2025-H1', '2025-Q2', true, true],
    ['2025-H1', '2025-T2', false, true], // May–August: June is in H1, July is not
    ['2025-T2', '2025-08', true, true],
    ['2025-T2', '2025-09', false, false],
    ['2025-Q3', '2025-T2', false, true],
    ['2024', '2025-01', false, false],
    ['2025-08', '2025', false, true],
  ])('%s contains %s: %s; they overlap: %s', (outer, inner, contains, overlaps) => {
    expect(periodContains(outer, inner)).toBe(contains);
    expect(periodsOverlap(outer, inner)).toBe(overlaps);
    expect(periodsOverlap(inner, outer)).toBe(overlaps);
  });

  it('orders by first month, a longer period first; years and months as their codes sort', () => {
    const periods = ['2025-08', '2025-T2', '2026', '2025-01', '2025', '2025-Q1', '2025-H1', '2024-12'];
    expect([...periods].sort(comparePeriods)).toEqual(['2024-12', '2025', '2025-H1', '2025-Q1', '2025-01', '2025-T2', '2025-08', '2026']);
    const yearsAndMonths = ['2018', '2017-12', '2017', '2017-08', '2017-01'];
    expect([...yearsAndMonths].sort(comparePeriods)).toEqual([...yearsAndMonths].sort());
  });

  it('orders by last month, a shorter period first: a year after its December', () => {
    expect(['2025', '2025-T3', '2025-12', '2025-08', '2025-T2', '2026-01'].sort(comparePeriodEnds)).toEqual(['2025-08', '2025-T2', '2025-12', '2025-T3', '2025', '2026-01']);
  });

  it.each([
    ['2020-08', '2020', true],
    ['2020', '2020-08', true],
    ['2020-09', '2020-08', false],
    ['2020-T3', '2020-08', false],
    ['2020-T2', '2020-08', true],
  ])('%s has begun by %s: %s', (period, by, begun) => {
    expect(periodBegunBy(period, by)).toBe(begun);
  });

  it('moves a period of any kind between years', () => {
    expect([yearsBefore('2020', 1), yearsBefore('2020-08', 2), yearsBefore('2020-T2', 1)]).toEqual(['2019', '2018-08', '2019-T2']);
  });
});

describe('reading typed periods', () => {
  it.each([
    ['2025-t2', '2025-T2'],
    [' 2025 - 08 ', '2025-08'],
    ['t2 2025', '2025-T2'],
    ['Q3 2025', '2025-Q3'],
    ['aug 2025', '2025-08'],
    ['Augusti 2025', '2025-08'],
    ['första tertialet 2025', '2025-T1'],
    ['T4 2025', null],
    ['femte kvartalet 2025', null],
    ['hösten 2025', null],
  ])('%j reads as %j', (typed, code) => {
    expect(readPeriod(typed)).toBe(code);
  });
});

describe('a plan period of years', () => {
  it.each([
    ['2021-2023', { start: 2021, end: 2023 }],
    ['2021-2021', { start: 2021, end: 2021 }],
    ['2023-2021', null],
    ['2021', null],
    ['2021–2023', null], // the en dash is the web form's to normalise
  ])('%j → %j', (text, range) => {
    expect(parseYearRange(text)).toEqual(range);
  });
});
