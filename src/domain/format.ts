/**
 * Swedish number and period formatting in one place, for the web app, the documents and the
 * domain's own texts. Grouping is done by hand on the decimal's digits rather than with Intl:
 * Node's ICU picks U+00A0 and U+2212 on its own, and documents must print exactly what the
 * plans printed ("-68 851", "3 258", "5,3").
 */
import { Decimal } from 'decimal.js';
import { parseFigure } from './figure.ts';

// Periods print by the period module's rule; re-exported for the many modules that format figures and periods together.
export { formatPeriod, monthLabel, monthName } from './period.ts';

/** Thousands separator (tusentalsavgränsare): "18 100", "18\u00a0100" for HTML, or "18100". */
export type ThousandsSeparator = 'space' | 'nbsp' | 'narrow-nbsp' | 'none';

/** Minus sign: ASCII "-" as the seeds print, or the typographic "−" (U+2212). */
export type MinusSign = 'hyphen' | 'unicode';

export interface AmountFormat {
  /** Digits after the decimal comma; by default as many as the value has, without rounding. */
  decimals?: number;
  /** Printed after the number and a space: "tkr", "mkr", "kr", "%", or any other text. */
  unit?: string;
  /** Text for a missing value; "–" (en dash) by default. */
  missing?: string;
  minus?: MinusSign;
  thousands?: ThousandsSeparator;
}

export const MISSING = '–';

const SEPARATORS: Record<ThousandsSeparator, string> = {
  space: ' ',
  nbsp: '\u00a0',
  'narrow-nbsp': '\u202f',
  none: '',
};

const MINUS_SIGNS: Record<MinusSign, string> = { hyphen: '-', unicode: '\u2212' };

/** Formats an amount the Swedish way: "3 258", "-68 851", "5,3", "18 000 tkr"; null prints as missing. */
export function formatAmount(value: Decimal | null, opts: AmountFormat = {}): string {
  if (value === null || !value.isFinite()) return opts.missing ?? MISSING;
  const decimals = opts.decimals ?? value.decimalPlaces();
  // Rounding the absolute value half-up is the same as rounding half away from zero.
  const fixed = value.abs().toFixed(decimals, Decimal.ROUND_HALF_UP);
  const [integer = '0', fraction] = fixed.split('.');
  const separator = SEPARATORS[opts.thousands ?? 'space'];
  // A value that rounds to zero prints without sign: -0,4 with no decimals is "0", not "-0".
  const negative = value.isNegative() && !new Decimal(fixed).isZero();
  const sign = negative ? MINUS_SIGNS[opts.minus ?? 'hyphen'] : '';
  const number = sign + groupThousands(integer, separator) + (fraction === undefined ? '' : `,${fraction}`);
  return opts.unit ? number + unitSpace(opts.thousands) + opts.unit : number;
}

/** Formats a percentage (90 is ninety per cent) as "90 %", with a space as Swedish style wants. */
export function formatPercent(value: Decimal | null, decimals?: number): string {
  return formatAmount(value, decimals === undefined ? { unit: '%' } : { unit: '%', decimals });
}

function groupThousands(digits: string, separator: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(separator);
}

// In HTML the unit must not wrap away from its number, so it follows the no-break choice.
function unitSpace(thousands: ThousandsSeparator | undefined): string {
  return thousands === 'nbsp' || thousands === 'narrow-nbsp' ? '\u00a0' : ' ';
}

/**
 * A printed table cell as documents show it: the printed text kept exactly ("-68 851", "5,3",
 * "194(-9)", "90 + 45", "-", ""), plus what a spreadsheet needs to store it as a number. Only a
 * plain number ("3 258", "5,3", "90%") is numeric; an annotated or summed figure keeps its text,
 * so its annotation survives, and a missing cell is never zero.
 */
export interface PrintedCell {
  /** Exactly as printed; an absent cell is "". */
  text: string;
  value: Decimal | null;
  /** A plain number that can be stored as one. */
  numeric: boolean;
  /** Digits printed after the decimal comma. */
  decimals: number;
  /** Printed with a per cent sign; `percentSpace` when as "77 %", not "90%". */
  percent: boolean;
  percentSpace: boolean;
  /** Printed with thousands separators (or too small to need one): "1 000" but not "1000". */
  grouped: boolean;
  /** "(-9)" of "194(-9)". */
  annotation?: string;
}

/** Reads a printed cell for display: the text stays as printed, the value comes from figure.ts's rule. */
export function formatCell(printed: string | undefined): PrintedCell {
  const text = printed ?? '';
  const figure = parseFigure(text);
  const numeric = figure.form === 'number' && figure.value !== null;
  const digits = text.replace(/[^\d,]/g, '');
  const decimals = numeric && digits.includes(',') ? digits.length - digits.indexOf(',') - 1 : 0;
  const integerDigits = digits.split(',')[0] ?? '';
  const grouped = integerDigits.length <= 3 || /\d[ \u00a0\u202f]\d{3}/.test(text);
  const cell: PrintedCell = {
    text,
    value: figure.value,
    numeric,
    decimals,
    percent: figure.percent === true,
    percentSpace: figure.percent === true && /\s%$/.test(text.trim()),
    grouped,
  };
  if (figure.annotation !== undefined) cell.annotation = figure.annotation;
  return cell;
}

/** A plan period as documents print it: "2018–2020" (en dash), or one year alone. */
export function formatYearRange(start: number, end: number): string {
  return start === end ? String(start) : `${start}\u2013${end}`;
}
