/**
 * Printed numbers and amounts in targets: reads a number together with how it was printed
 * (decimals, thousands separator, minus sign) so it prints back exactly as the plan had it.
 */
import { parseSwedishNumber } from '../figure.ts';
import { formatAmount, type ThousandsSeparator } from '../format.ts';
import type { Amount, NumberStyle, PrintedNumber, Space } from './types.ts';

/** Reads one printed number with its style, or null when it would not print back the same. */
export function readNumber(token: string): PrintedNumber | null {
  const value = parseSwedishNumber(token);
  if (value === null) return null;
  const number: PrintedNumber = { value, style: styleOf(token) };
  return printNumber(number) === token ? number : null;
}

/** Reads a number with the unit printed after it, or null when the number would not print back the same. */
export function readAmount(token: string, space: string | undefined, unit: string | undefined): Amount | null {
  const number = readNumber(token);
  return number && { ...number, unit: unit ?? '', unitSpace: (space ?? '') as Space };
}

function styleOf(token: string): NumberStyle {
  const [integer = '', fraction] = token.replace(/^[-\u2212]/, '').split(',');
  const separator = /[ \u00a0\u202f]/.exec(integer)?.[0];
  // Under 1 000 no separator shows, so the house default is as good as any.
  const ungrouped: ThousandsSeparator = integer.length > 3 ? 'none' : 'space';
  const thousands = separator === undefined ? ungrouped : THOUSANDS_BY_CHARACTER[separator]!;
  return { decimals: fraction?.length ?? 0, thousands, minus: token.startsWith('\u2212') ? 'unicode' : 'hyphen' };
}

const THOUSANDS_BY_CHARACTER: Record<string, ThousandsSeparator> = {
  ' ': 'space',
  '\u00a0': 'nbsp',
  '\u202f': 'narrow-nbsp',
};

/** Prints a number in the style it was read with, so the text comes back unchanged. */
export function printNumber(number: PrintedNumber): string {
  return formatAmount(number.value, number.style);
}

/** Prints an amount with its unit and the space before the unit as they were read. */
export function printAmount(amount: Amount): string {
  return printNumber(amount) + (amount.unit ? amount.unitSpace + amount.unit : '');
}
