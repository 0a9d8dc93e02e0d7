/** Periods in the forms files write them, normalised; forms that could mean two things are refused. */
import { describe, expect, it } from 'vitest';
import { monthFromName, parsePeriodText, periodOfDate, periodReason } from './period-input.ts';

describe('parsePeriodText', () => {
  it.each([
    ['2017-08', '2017-08'],
    ['2017-8', '2017-08'],
    ['201708', '2017-08'],
    ['2017/08', '2017-08'],
    ['2017-08-31', '2017-08'],
    ['20170831', '2017-08'],
    ['aug 2017', '2017-08'],
    ['Aug. 2017', '2017-08'],
    ['augusti 2017', '2017-08'],
    ['AUGUSTI 2017', '2017-08'],
    ['2017 aug', '2017-08'],
    ['maj-2017', '2017-05'],
    ['sept 2017', '2017-09'],
    ['mars 2017', '2017-03'],
    ['okt 2017', '2017-10'],
    ['2017', '2017'],
    ['  2017-12 ', '2017-12'],
    ['Q3 2017', '2017-Q3'], // the domain's forms: quarters, tertials, half-years
    ['2017-t2', '2017-T2'],
    ['första halvåret 2017', '2017-H1'],
  ])('%j → %s', (text, period) => {
    expect(parsePeriodText(text)).toBe(period);
  });

  it('takes the year of a month written without one from the caller ("Utfall jan" in a wide table)', () => {
    expect(parsePeriodText('jan', { year: 2017 })).toBe('2017-01');
    expect(parsePeriodText('dec', { year: 2017 })).toBe('2017-12');
    expect(parsePeriodText('jan')).toBeNull();
  });

  it.each(['2017-13', '201713', '2017-02-30', 'aug 17', '08/17', '8/2017', 'augustus 2017', 'Q5 2017', '17', '', 'abc'])('refuses %j', (text) => {
    expect(parsePeriodText(text)).toBeNull();
  });

  it('explains a month without a year differently from a text that is no period', () => {
    expect(periodReason('aug')).toBe('Månaden saknar år; skriv t.ex. "aug 2017" eller ange året för filen.');
    expect(periodReason('Q5 2017')).toContain('Ingen period');
  });
});

describe('month names and dates', () => {
  it.each([
    ['jan', 1],
    ['februari', 2],
    ['Maj', 5],
    ['sept.', 9],
    ['december', 12],
    ['may', null],
  ])('%s is month %s', (name, month) => {
    expect(monthFromName(name)).toBe(month);
  });

  it('reads the month of an Excel date in UTC', () => {
    expect(periodOfDate(new Date(Date.UTC(2017, 7, 31)))).toBe('2017-08');
    expect(periodOfDate(new Date('invalid'))).toBeNull();
  });
});
