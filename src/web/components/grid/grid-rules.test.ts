/** The one grid's own rules: pasted blocks (which columns a plan's status lets change is domain/figure-table.test.ts). */
import { describe, expect, it } from 'vitest';
import { parsePastedGrid } from './grid-rules.ts';

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
