import { describe, expect, it } from 'vitest';
import { figureValue, parseFigure, parseSwedishNumber, type FigureForm } from './figure.ts';

// Cells as the seeds print them: income statements, volumes (årsplaceringar, vårddygn),
// population shares and activity estimates.
const cells: Array<[text: string, form: FigureForm, value: string | null, extra?: Record<string, unknown>]> = [
  ['3 258', 'number', '3258'],
  ['-68 851', 'number', '-68851'],
  ['\u221268 851', 'number', '-68851'],
  ['5,3', 'number', '5.3'],
  ['0,5', 'number', '0.5'],
  ['-', 'missing', null],
  ['\u2013', 'missing', null],
  ['', 'missing', null],
  ['0', 'number', '0'],
  ['194(-9)', 'annotated', '194', { annotation: '(-9)' }],
  ['90 + 45', 'sum', '135', { parts: ['90', '45'] }],
  ['50+10', 'sum', '60', { parts: ['50', '10'] }],
  ['1000', 'number', '1000'],
  ['18 000', 'number', '18000'],
  ['77 %', 'number', '77', { percent: true }],
  // Other municipalities' reports (tests/fixtures/economy): a minus set apart from its digits.
  ['– 614', 'number', '-614'],
  ['– 4 646', 'number', '-4646'],
  ['– 38,1 %', 'number', '-38.1', { percent: true }],
  ['– 1,8', 'number', '-1.8'],
  ['Egen tid', 'text', null],
  ['Tre årsplaceringar', 'text', null],
];

describe('parseFigure on the seeds’ cells', () => {
  it.each(cells)('%j is %s with value %s', (text, form, value, extra) => {
    const figure = parseFigure(text);
    expect(figure.text).toBe(text);
    expect(figure.form).toBe(form);
    expect(figure.value?.toString() ?? null).toBe(value);
    if (extra?.annotation) expect(figure.annotation).toBe(extra.annotation);
    if (extra?.parts) expect(figure.parts?.map(String)).toEqual(extra.parts);
    if (extra?.percent) expect(figure.percent).toBe(true);
  });

  it('keeps zero apart from missing', () => {
    expect(parseFigure('0').value?.isZero()).toBe(true);
    expect(parseFigure('-').value).toBeNull();
  });

  // A part may carry its own sign; the parts are picked out, not split on "+".
  it('reads a sum with signed parts ("+90 + 45") without throwing', () => {
    expect(parseFigure('+90 + 45').value?.toString()).toBe('135');
  });
});

describe('parseSwedishNumber and figureValue', () => {
  it.each([
    ['3 258', '3258'],
    ['\u221268 851', '-68851'],
    ['5,3', '5.3'],
    ['18\u00a0000', '18000'],
    ['Egen tid', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(parseSwedishNumber(text)?.toString() ?? null).toBe(expected);
  });

  it('has no value for an absent cell', () => {
    expect(figureValue(undefined)).toBeNull();
    expect(figureValue('5,3')?.toString()).toBe('5.3');
  });
});
