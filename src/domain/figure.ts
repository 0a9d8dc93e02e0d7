/**
 * Printed figures: a table cell is kept as the text the document printed, and its value is read
 * from that text by one rule. "Missing" (empty, "-", "–") has no value, which is not zero.
 */
import { Decimal } from 'decimal.js';

export { Decimal };

export type FigureForm =
  | 'missing' // "", "-", "–"
  | 'number' // "3 258", "-68 851", "5,3", "1000", "77 %"
  | 'annotated' // "194(-9)": a value with a printed change beside it
  | 'sum' // "90 + 45": parts printed separately; the value is their sum
  | 'text'; // "Egen tid", "Tre årsplaceringar": words, no value

export interface Figure {
  /** Exactly as printed. */
  text: string;
  form: FigureForm;
  value: Decimal | null;
  /** "(-9)" of "194(-9)". */
  annotation?: string;
  /** 90 and 45 of "90 + 45". */
  parts?: Decimal[];
  /** The printed number carried a per cent sign. */
  percent?: boolean;
}

const MINUS = /[\u2212\u2013\u2012\u2014]/g; // − – ‒ — printed as minus signs or dashes
// Some reports set the minus apart from its digits ("– 614", "– 38,1 %"): the sign still belongs to the number.
const SPACED_SIGN = /^([-+])[ \u00a0\u202f]+(?=\d)/;

function normalSign(text: string): string {
  return text.trim().replace(MINUS, '-').replace(SPACED_SIGN, '$1');
}
const NUMBER = String.raw`[-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|[-+]?\d+(?:,\d+)?`;
const PLAIN = new RegExp(`^(${NUMBER})\\s*(%)?$`);
const ANNOTATED = new RegExp(`^(${NUMBER})\\s*(\\([^)]*\\))$`);
const SUM = new RegExp(`^(${NUMBER})(?:\\s*\\+\\s*(${NUMBER}))+$`);

/** Reads a Swedish-formatted number ("−68 851", "5,3") into an exact decimal, or null. */
export function parseSwedishNumber(text: string): Decimal | null {
  const normal = normalSign(text);
  if (!new RegExp(`^(${NUMBER})$`).test(normal)) return null;
  return new Decimal(normal.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
}

/** Reads a printed cell into its value, keeping every printed detail. */
export function parseFigure(text: string): Figure {
  const trimmed = normalSign(text);
  if (trimmed === '' || trimmed === '-') return { text, form: 'missing', value: null };
  const plain = PLAIN.exec(trimmed);
  if (plain) {
    const value = parseSwedishNumber(plain[1]!);
    return plain[2] ? { text, form: 'number', value, percent: true } : { text, form: 'number', value };
  }
  const annotated = ANNOTATED.exec(trimmed);
  if (annotated) {
    return { text, form: 'annotated', value: parseSwedishNumber(annotated[1]!), annotation: annotated[2]! };
  }
  if (SUM.test(trimmed)) {
    // Pick the numbers out rather than split on "+": a part may carry its own sign ("+90 + 45").
    const parts = [...trimmed.matchAll(new RegExp(NUMBER, 'g'))].map((match) => parseSwedishNumber(match[0])!);
    return { text, form: 'sum', value: parts.reduce((a, b) => a.plus(b)), parts };
  }
  return { text, form: 'text', value: null };
}

/** The value of a printed cell, or null when it is missing or words. */
export function figureValue(text: string | undefined): Decimal | null {
  return text === undefined ? null : parseFigure(text).value;
}
