import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatPercent, formatPeriod, monthLabel, type AmountFormat } from './format.ts';

const d = (value: string | number): Decimal => new Decimal(value);

describe('formatAmount', () => {
  // Values as the 2018 plan prints them (IFO income statement, volumes, population).
  it.each([
    [d(3258), {}, '3 258'],
    [d(-68851), {}, '-68 851'],
    [d(-65594), {}, '-65 594'],
    [d(5.3), {}, '5,3'],
    [d('0.5'), {}, '0,5'],
    [d(0), {}, '0'],
    [d(18000), {}, '18 000'],
    [d(449380), {}, '449 380'],
    [d(1000), {}, '1 000'],
    [d(999), {}, '999'],
    [d(1234567.891), {}, '1 234 567,891'],
    [null, {}, '–'],
    [null, { missing: '' }, ''],
    [null, { unit: 'tkr' }, '–'],
    [d(-68851), { minus: 'unicode' }, '\u221268 851'],
    [d(-68851), { thousands: 'nbsp' }, '-68\u00a0851'],
    [d(18100), { thousands: 'none' }, '18100'],
    [d(3258), { unit: 'tkr' }, '3 258 tkr'],
    [d(3258), { unit: 'tkr', thousands: 'nbsp' }, '3\u00a0258\u00a0tkr'],
    [d(-70.97), { unit: 'mkr', decimals: 1 }, '-71,0 mkr'],
    [d(5.3), { decimals: 2 }, '5,30'],
    [d(2.5), { decimals: 0 }, '3'],
    [d(-2.5), { decimals: 0 }, '-3'],
    [d(-0.4), { decimals: 0 }, '0'],
    [d(-0), {}, '0'],
  ] as Array<[Decimal | null, AmountFormat, string]>)('%s %j → %j', (value, opts, expected) => {
    expect(formatAmount(value, opts)).toBe(expected);
  });

  it('prints without any option object', () => {
    expect(formatAmount(d(-31960))).toBe('-31 960');
  });
});

describe('formatPercent', () => {
  it.each([
    [d(90), undefined, '90 %'],
    [d(77), undefined, '77 %'],
    [d('12.345'), 1, '12,3 %'],
    [null, undefined, '–'],
  ] as Array<[Decimal | null, number | undefined, string]>)('%s (%s decimals) → %j', (value, decimals, expected) => {
    expect(formatPercent(value, decimals)).toBe(expected);
  });
});

describe('formatPeriod and monthLabel', () => {
  it.each([
    ['2017-08', 'aug 2017'],
    ['2018-01', 'jan 2018'],
    ['2018-05', 'maj 2018'],
    ['2018-10', 'okt 2018'],
    ['2018-12', 'dec 2018'],
    ['2017', '2017'],
    ['2017-13', '2017-13'],
    ['aug 2017', 'aug 2017'],
  ])('%s → %s', (period, expected) => {
    expect(formatPeriod(period)).toBe(expected);
  });

  it('names every month the Swedish short way', () => {
    const months = Array.from({ length: 12 }, (_, index) => monthLabel(index + 1));
    expect(months.join(' ')).toBe('jan feb mar apr maj jun jul aug sep okt nov dec');
  });

  it.each([0, 13, 1.5])('refuses month %s', (month) => {
    expect(() => monthLabel(month)).toThrow(RangeError);
  });
});
