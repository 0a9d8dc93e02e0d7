/** Money in whole öre: read exactly, summed exactly, given back as exact kronor. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { addOre, kronorToOre, oreFromText, oreToKronor } from './ore.ts';

describe('oreFromText', () => {
  it.each([
    ['-1234.50', -123450],
    ['-1234.5', -123450],
    ['1234', 123400],
    ['0.10', 10],
    ['-0', 0],
    ['-0.00', 0],
    ['9999999999999.99', 999999999999999],
  ])('%s is %i öre', (text, ore) => {
    expect(oreFromText(text)).toBe(ore);
  });

  it.each(['1,5', '1 234', '1.234', '+5', '', '12.', '.5', '99999999999999'])('refuses %j', (text) => {
    expect(oreFromText(text)).toBeNull();
  });
});

describe('kronor and öre', () => {
  it('gives exact kronor back', () => {
    expect(oreToKronor(-6885100000).toFixed(2)).toBe('-68851000.00');
    expect(oreToKronor(1).toFixed()).toBe('0.01');
  });

  it('takes kronor with at most two decimals', () => {
    expect(kronorToOre(new Decimal('1234.5'))).toBe(123450);
    expect(kronorToOre(new Decimal('0.305'))).toBeNull();
  });

  it('adds a million amounts of 0.10 exactly to 100 000 kronor', () => {
    let sum = 0;
    for (let i = 0; i < 1_000_000; i++) sum = addOre(sum, 10);
    expect(oreToKronor(sum).toFixed()).toBe('100000');
  });

  it('refuses a sum beyond the exact range', () => {
    expect(() => addOre(Number.MAX_SAFE_INTEGER, 1)).toThrow('för stort');
  });
});
