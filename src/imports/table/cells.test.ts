/**
 * Cells into values: amounts in the ways Swedish exports write them (the seed's "-68 851", Excel's
 * "1 234,50" with a no-break space, a point-decimal export), figures kept as printed with their
 * exact values ("5,3", "0,5", "194(-9)", "-" as missing), and why anything else is refused.
 */
import { describe, expect, it } from 'vitest';
import { readAmount, readCode, readFigure, readPeriod } from './cells.ts';

describe('readAmount', () => {
  it.each([
    ['-68 851', 'auto', -6885100],
    ['3 258', 'auto', 325800],
    ['1\u00a0234,50', 'auto', 123450],
    ['1\u202f234,5', ',', 123450],
    ['-1234.50', 'auto', -123450],
    ['−75 000', 'auto', -7500000], // U+2212
    ['+12', 'auto', 1200],
    ['0,1', ',', 10],
    [1234.5, 'auto', 123450], // an Excel number
    [0.1 + 0.2, 'auto', 30], // Excel shows 15 digits: 0.3
  ] as const)('%j (%s) is %i öre', (cell, decimal, ore) => {
    expect(readAmount(cell, decimal)).toEqual({ value: ore });
  });

  it.each([
    ['1.234,50', 'auto', 'Både komma och punkt i talet; tusental grupperas med mellanslag, t.ex. 1 234,50.'],
    ['1234.50', ',', 'Filens decimaltecken är komma, men talet har punkt.'],
    ['1,234', 'auto', 'Ett belopp har högst två decimaler (öre).'], // not a thousands separator
    ['12 34', 'auto', 'Inte ett belopp; skriv t.ex. -1 234,50 eller -1234.50.'],
    ['12 kr', 'auto', 'Inte ett belopp; skriv t.ex. -1 234,50 eller -1234.50.'],
    ['', 'auto', 'Beloppet saknas.'],
    [null, 'auto', 'Beloppet saknas.'],
    [0.305, 'auto', 'Ett belopp har högst två decimaler (öre).'],
    [true, 'auto', 'Inte ett belopp.'],
  ] as const)('refuses %j (%s)', (cell, decimal, reason) => {
    expect(readAmount(cell, decimal)).toEqual({ reason });
  });
});

describe('readFigure', () => {
  it.each([
    ['5,3', 'number', '5.3'],
    ['0,5', 'number', '0.5'],
    ['13 752', 'number', '13752'],
    ['77 %', 'number', '77'],
    ['194(-9)', 'annotated', '194'],
    ['90 + 45', 'sum', '135'],
    ['5.3', 'number', '5.3'], // a point-decimal file
  ] as const)('%j is a %s worth %s, kept as printed', (text, form, value) => {
    const read = readFigure(text, 'auto');
    expect(read).toMatchObject({ value: { text, form } });
    expect('value' in read && read.value.value?.toFixed()).toBe(value);
  });

  it.each(['', '-', '–', null])('%j is missing, which is not zero', (cell) => {
    expect(readFigure(cell, 'auto')).toEqual({ value: { text: cell ?? '', form: 'missing', value: null } });
  });

  it('prints an Excel number the Swedish way and keeps its exact value', () => {
    const read = readFigure(5.3, 'auto');
    expect('value' in read && [read.value.text, read.value.value?.toFixed()]).toEqual(['5,3', '5.3']);
  });

  it('refuses words and a point where the file says comma', () => {
    expect(readFigure('Tre årsplaceringar', 'auto')).toEqual({ reason: 'Inte ett tal; ett saknat värde skrivs tomt eller "-".' });
    expect(readFigure('5.3', ',')).toEqual({ reason: 'Inte ett tal; ett saknat värde skrivs tomt eller "-".' });
  });
});

describe('readPeriod and readCode', () => {
  it('reads periods of text, numbers and dates', () => {
    expect(readPeriod('aug 2017')).toEqual({ value: '2017-08' });
    expect(readPeriod(201708)).toEqual({ value: '2017-08' });
    expect(readPeriod(new Date(Date.UTC(2017, 0, 31)))).toEqual({ value: '2017-01' });
    expect(readPeriod('')).toEqual({ reason: 'Perioden saknas.' });
  });

  it('reads codes as text, Excel integers without decimals', () => {
    expect(readCode(4610)).toBe('4610');
    expect(readCode(' 0310 ')).toBe('0310');
    expect(readCode(null)).toBe('');
  });
});
