/** What a follow-up report is called by its period: a month, August (delårsrapport), a year, and a tertial or quarter in words. */
import { describe, expect, it } from 'vitest';
import { reportTitle } from '../../src/documents/report-view-model.ts';

describe('reportTitle', () => {
  it.each([
    ['2017', 'Verksamhetsberättelse 2017'],
    ['2017-08', 'Delårsrapport januari–augusti 2017'],
    ['2017-05', 'Månadsuppföljning maj 2017'],
    ['2017-T2', 'Uppföljning andra tertialet 2017'],
    ['2017-Q1', 'Uppföljning första kvartalet 2017'],
  ])('a report for %s is titled "%s"', (period, title) => {
    expect(reportTitle(period)).toBe(title);
  });
});
