/** The grid editors' shared rules: which columns a plan's status lets change, and pasted blocks. */
import { describe, expect, it } from 'vitest';
import { columnEditable, parsePastedGrid } from './grid-rules.ts';

describe('columnEditable: the server rule shown ahead', () => {
  it.each([
    ['draft', 'budget', true],
    ['submitted', 'plan', true],
    // an adopted plan (antagen) takes only follow-up: actuals (utfall) and forecasts (prognos)
    ['adopted', 'actual', true],
    ['adopted', 'forecast', true],
    ['adopted', 'budget', false],
    ['adopted', 'plan', false],
    ['archived', 'actual', false],
  ] as const)('%s plan, %s column → %s', (status, kind, expected) => {
    expect(columnEditable(status, { kind })).toBe(expected);
  });
});

describe('parsePastedGrid: a block copied from Excel', () => {
  it.each([
    ['one value', '194(-9)', [['194(-9)']]],
    ['tabs and CRLF, trailing line break dropped', '5,3\t-\r\n12\t\r\n', [['5,3', '-'], ['12', '']]],
    ['a lone CR between rows', '1\r2', [['1'], ['2']]],
    ['an empty row inside the block is kept', '1\n\n2', [['1'], [''], ['2']]],
  ])('%s', (_name, text, expected) => {
    expect(parsePastedGrid(text)).toEqual(expected);
  });
});
