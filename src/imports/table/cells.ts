/**
 * Reading the cells of a table file into values, by one set of rules for CSV and Excel:
 * - amounts in kronor as whole öre: "1 234,50", "-1234.50", "−75 000" (a space, no-break space or
 *   narrow no-break space groups thousands; the decimal mark is a comma or a point, named or taken
 *   from the cell, never both in one cell; at most two decimals); Excel numbers as Excel shows
 *   them (15 significant digits, so 0.1+0.2 is 0.3);
 * - figures (volumes, indicator values) as printed text with their exact value (domain/figure.ts);
 *   an empty cell or "-" is missing, which is not zero;
 * - periods (period-input.ts), and codes (account, responsibility) as text.
 * Each gives a value or the Swedish reason it cannot be read.
 */
import { Decimal } from 'decimal.js';
import { parseFigure, type Figure } from '../../domain/figure.ts';
import { formatAmount } from '../../domain/format.ts';
import { kronorToOre, oreFromText, type Ore } from '../../domain/ledger/ore.ts';
import type { Period } from '../../domain/period.ts';
import { parsePeriodText, periodOfDate, periodReason } from '../period-input.ts';
import { cellText, type Cell } from './table.ts';

/** The decimal mark of a file's numbers: named, or 'auto' (the one comma or point in the cell). */
export type DecimalMark = 'auto' | ',' | '.';

export type Read<T> = { value: T } | { reason: string };

const MINUS = /^[\u2212\u2013\u2012\u2014]/;
const GROUPED = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/;
const PLAIN = /^\d+$/;
const SPACES = /[ \u00a0\u202f]/g;
const SIMPLE_POINT = /^-?\d+(?:\.\d+)?$/;
const SIMPLE_COMMA = /^-?\d+,\d+$/;
const GROUPED_COMMA = /^-?\d{1,3}(?: \d{3})+(?:,\d+)?$/;

/** An amount in kronor as öre. */
export function readAmount(cell: Cell, decimal: DecimalMark): Read<Ore> {
  if (typeof cell === 'number') return excelAmount(cell);
  if (cell instanceof Date || typeof cell === 'boolean') return { reason: 'Inte ett belopp.' };
  const text = cellText(cell);
  if (text === '') return { reason: 'Beloppet saknas.' };
  // The common forms first, without the general rule's splitting: "-1234.50", "-1234,50".
  if (decimal !== ',' && SIMPLE_POINT.test(text)) return fromCanonical(text);
  if (decimal !== '.' && SIMPLE_COMMA.test(text)) return fromCanonical(text.replace(',', '.'));
  if (decimal !== '.' && GROUPED_COMMA.test(text)) return fromCanonical(text.replaceAll(' ', '').replace(',', '.'));
  const canonical = canonicalNumber(text, decimal);
  if ('reason' in canonical) return canonical;
  return fromCanonical(canonical.value);
}

function fromCanonical(text: string): Read<Ore> {
  const ore = oreFromText(text);
  if (ore !== null) return { value: ore };
  return { reason: /\.\d{3,}$/.test(text) ? 'Ett belopp har högst två decimaler (öre).' : 'Beloppet är för stort.' };
}

/** A figure as printed, with its exact value; a cell of words is refused (an actual is a number or missing). */
export function readFigure(cell: Cell, decimal: DecimalMark): Read<Figure> {
  if (typeof cell === 'number') {
    const value = excelNumber(cell);
    return value === null ? { reason: 'Inte ett ändligt tal.' } : { value: { text: formatAmount(value), form: 'number', value } };
  }
  if (cell instanceof Date || typeof cell === 'boolean') return { reason: 'Inte ett tal.' };
  const text = cell === null ? '' : cell.trim();
  const figure = parseFigure(pointAsComma(text, decimal));
  if (figure.form === 'text') return { reason: 'Inte ett tal; ett saknat värde skrivs tomt eller "-".' };
  return { value: { ...figure, text } };
}

/** A period (month 'YYYY-MM' or year 'YYYY'). */
export function readPeriod(cell: Cell, options: { year?: number } = {}): Read<Period> {
  if (cell instanceof Date) {
    const period = periodOfDate(cell);
    return period === null ? { reason: 'Ogiltigt datum.' } : { value: period };
  }
  const text = cellText(cell);
  if (text === '') return { reason: 'Perioden saknas.' };
  const period = parsePeriodText(text, options);
  return period === null ? { reason: periodReason(text, options) } : { value: period };
}

/** A code (account, responsibility, activity) as text; Excel numbers as written (4610, not 4610.0). */
export function readCode(cell: Cell): string {
  if (typeof cell === 'number' && Number.isInteger(cell)) return String(cell);
  return cellText(cell);
}

/** A Swedish- or point-formatted number as "-1234.50"; or why it is none. */
function canonicalNumber(text: string, decimal: DecimalMark): Read<string> {
  let body = text.replace(MINUS, '-');
  const sign = body.startsWith('-') ? '-' : '';
  if (body.startsWith('-') || body.startsWith('+')) body = body.slice(1).trimStart();
  const hasComma = body.includes(',');
  const hasPoint = body.includes('.');
  if (hasComma && hasPoint) return { reason: 'Både komma och punkt i talet; tusental grupperas med mellanslag, t.ex. 1 234,50.' };
  const mark = decimal === 'auto' ? (hasComma ? ',' : '.') : decimal;
  const other = mark === ',' ? '.' : ',';
  if (body.includes(other)) return { reason: `Filens decimaltecken är ${mark === ',' ? 'komma' : 'punkt'}, men talet har ${other === ',' ? 'komma' : 'punkt'}.` };
  const [integer = '', fraction, extra] = body.split(mark);
  if (extra !== undefined || !(GROUPED.test(integer) || PLAIN.test(integer)) || (fraction !== undefined && !PLAIN.test(fraction))) {
    return { reason: 'Inte ett belopp; skriv t.ex. -1 234,50 eller -1234.50.' };
  }
  return { value: `${sign}${integer.replace(SPACES, '')}${fraction === undefined ? '' : `.${fraction}`}` };
}

/** A cell with a decimal point written for figure.ts, which reads Swedish numbers ("5.3" → "5,3"). */
function pointAsComma(text: string, decimal: DecimalMark): string {
  if (decimal === ',' || text.includes(',')) return text;
  return /^[-+\u2212]?[\d \u00a0\u202f]*\.\d+\s*%?$/.test(text) ? text.replace('.', ',') : text;
}

function excelNumber(cell: number): Decimal | null {
  return Number.isFinite(cell) ? new Decimal(cell.toPrecision(15)) : null;
}

function excelAmount(cell: number): Read<Ore> {
  const value = excelNumber(cell);
  if (value === null) return { reason: 'Inte ett ändligt tal.' };
  const ore = kronorToOre(value);
  return ore === null ? { reason: 'Ett belopp har högst två decimaler (öre).' } : { value: ore };
}
