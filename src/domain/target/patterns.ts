/**
 * The shared pieces of the target grammar as regex sources: spaces, printed numbers, units and
 * qualifier words. Regexes use the u flag, so letters include å, ä, ö.
 */
import { alternation, FROM_TO_QUALIFIERS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE } from './words.ts';

export const SP = '([ \\u00a0\\u202f]?)';
export const NUM_TEXT = '[-\\u2212]?(?:\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+|\\d+)(?:,\\d+)?';
export const NUM = `(${NUM_TEXT})`;
export const OP = '(>=|<=|>|<|≥|≤)';
export const YEAR = '((?:19|20)\\d{2})';
const PER = 'per [\\p{L}\\d]+(?:[ -][\\p{L}\\d]+)*';
const KNOWN_UNIT =
  '%-enheter|%|procentenheter|procent|mnkr|mkr|tkr|kronor|kr|st|personer|invånare|elever|poäng|dagar|dygn|veckor|månader|timmar|minuter|år';
export const UNIT = `((?:${KNOWN_UNIT})(?: ${PER})?|${PER})`;
export const LIST = `${NUM_TEXT}(?:, ${NUM_TEXT})*`;

/** An alternation whose words may start with a capital letter: "Minst" as well as "minst". */
function capitalisable(words: Record<string, unknown>): string {
  return alternation(words)
    .split('|')
    .map((word) => `[${word[0]}${word[0]!.toUpperCase()}]${word.slice(1)}`)
    .join('|');
}

export const QUALIFIER_BEFORE = `(${capitalisable(QUALIFIERS_BEFORE)})`;
export const QUALIFIER_AFTER = `(${alternation(QUALIFIERS_AFTER)})`;

const FROM_TO_VERBS = Object.fromEntries(FROM_TO_QUALIFIERS.map((word) => [word.slice(0, -' till'.length), true]));

/**
 * A change from one level to another: "ökar från 67 till 77 % under 2018", "ska minska från 7,2 %
 * till 6,2 %". Groups: verb, from (number, space, unit), to (number, space, unit), year word, year.
 */
export const FROM_TO = `(${capitalisable(FROM_TO_VERBS)}) från ${NUM}(?:${SP}${UNIT})? till ${NUM}(?:${SP}${UNIT})?(?: (år|under) ${YEAR})?`;

/** A regex that must match the whole text. */
export function whole(source: string): RegExp {
  return new RegExp(`^${source}$`, 'u');
}
