/**
 * Targets that compare the outcome with an earlier one: ">föregående år", "ska inte minska under
 * 2025 jämfört med 2024", "öka med 3 procentenheter", "Lägre än 2021", "Ökning".
 */
import { relationOf } from './meaning.ts';
import { readAmount } from './numbers.ts';
import { NUM, OP, SP, UNIT, whole, YEAR } from './patterns.ts';
import { COMPARATIVES, negate } from './words.ts';
import type { ComparativeWording, Direction, NounWording, Operator, Relation, RelativeToLastYearTarget, SignWording, Space, WordsWording } from './types.ts';

const SINCE = `(?: jämfört med (?:(föregående år)|${YEAR}))?`;
const SIGN = whole(`${OP}${SP}(?:föregående år|${YEAR} års nivå)`);
const WORDS = whole(`(?:([Ss])ka (inte )?)?([Öö]ka|[Mm]inska)(?: med ${NUM}${SP}${UNIT})?(?: under ${YEAR})?${SINCE}`);
const COMPARATIVE = whole(`(?:([Ii])nte )?(\\p{L}+) än (?:(föregående år)|${YEAR}( års nivå)?)`);
const NOUN = whole(`([Öö]kning|[Mm]inskning)${SINCE}`);

/** Reads any wording of a comparison with an earlier outcome, or null. */
export function readRelativeToLastYear(text: string): RelativeToLastYearTarget | null {
  return readSign(text) ?? readWords(text) ?? readComparative(text) ?? readNoun(text);
}

function readSign(text: string): RelativeToLastYearTarget | null {
  const match = SIGN.exec(text);
  if (!match) return null;
  const operator = match[1] as Operator;
  const mathSigns = operator === '≥' || operator === '≤';
  const wording: SignWording = { form: 'sign', operatorSpace: match[2] as Space, mathSigns };
  return { kind: 'relative-to-last-year', direction: DIRECTIONS[relationOf(operator)], ...baselineOf(match[3]), wording };
}

function readWords(text: string): RelativeToLastYearTarget | null {
  const match = WORDS.exec(text);
  if (!match) return null;
  const [, ska, negation, verb, by, bySpace, byUnit, during, previous, year] = match;
  const modal = ska !== undefined;
  // Without "ska" the verb starts the text and carries the capital; with it, "ska" does.
  if (modal && verb![0] !== verb![0]!.toLowerCase()) return null;
  const capitalized = modal ? ska === 'S' : verb![0] !== verb![0]!.toLowerCase();
  const wording: WordsWording = { form: 'words', capitalized, namesPreviousYear: !!previous };
  if (!modal) wording.modal = false;
  if (during) wording.during = Number(during);
  const increase = verb!.toLowerCase() === 'öka';
  const direction: Direction = increase ? (negation ? 'not-increase' : 'increase') : negation ? 'not-decrease' : 'decrease';
  const target: RelativeToLastYearTarget = { kind: 'relative-to-last-year', direction, ...baselineOf(year), wording };
  if (by !== undefined) {
    const amount = readAmount(by, bySpace, byUnit);
    if (!amount || negation) return null;
    target.by = amount;
  }
  return target;
}

function readComparative(text: string): RelativeToLastYearTarget | null {
  const match = COMPARATIVE.exec(text);
  if (!match) return null;
  const [, inte, printed, previous, year, level] = match;
  const word = printed!.toLowerCase();
  const moves = COMPARATIVES[word];
  if (!moves || (level && !year)) return null;
  const capitalized = inte ? inte === 'I' : printed !== word;
  const wording: ComparativeWording = { form: 'comparative', capitalized, word, negated: !!inte, yearLevel: !!level };
  // "föregående år" is the default baseline, so it is the absence of a year; nothing else to keep.
  if (!previous && !year) return null;
  return { kind: 'relative-to-last-year', direction: inte ? negate(moves) : moves, ...baselineOf(year), wording };
}

function readNoun(text: string): RelativeToLastYearTarget | null {
  const match = NOUN.exec(text);
  if (!match) return null;
  const [, noun, previous, year] = match;
  const wording: NounWording = { form: 'noun', capitalized: noun![0] !== noun![0]!.toLowerCase(), namesPreviousYear: !!previous };
  const direction: Direction = noun!.toLowerCase() === 'ökning' ? 'increase' : 'decrease';
  return { kind: 'relative-to-last-year', direction, ...baselineOf(year), wording };
}

function baselineOf(year: string | undefined): { baselineYear?: number } {
  return year === undefined ? {} : { baselineYear: Number(year) };
}

const DIRECTIONS: Record<Relation, Direction> = {
  above: 'increase',
  'at-least': 'not-decrease',
  below: 'decrease',
  'at-most': 'not-increase',
};
