/**
 * Reading target texts: a small grammar of the wordings plans use, tried most specific first. A
 * reading counts only when it prints back to the very same text; anything else stays qualitative.
 */
import { relationOf } from './meaning.ts';
import { readAmount, readNumber } from './numbers.ts';
import { printTarget } from './print.ts';
import type {
  ComparisonTarget,
  Direction,
  EmbeddedComparison,
  ExternalGapTarget,
  Operator,
  PeerGroupTarget,
  PrintedNumber,
  Qualifier,
  QuantityTarget,
  Relation,
  RelativeToLastYearTarget,
  SignWording,
  Space,
  SurveyIndexTarget,
  Target,
  Tuple,
  TupleTarget,
  ValueTarget,
  WordsWording,
} from './types.ts';

// Pieces of the grammar. Regexes use the u flag, so letters include å, ä, ö.
const SP = '([ \\u00a0\\u202f]?)';
const NUM_TEXT = '[-\\u2212]?(?:\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+|\\d+)(?:,\\d+)?';
const NUM = `(${NUM_TEXT})`;
const OP = '(>=|<=|>|<|≥|≤)';
const QUALIFIER = '(minst|Minst|högst|Högst)';
const PER = 'per [\\p{L}\\d]+(?:[ -][\\p{L}\\d]+)*';
const KNOWN_UNIT =
  '%-enheter|%|procentenheter|procent|mnkr|mkr|tkr|kr|st|personer|dagar|dygn|veckor|månader|timmar|minuter|år';
const UNIT = `((?:${KNOWN_UNIT})(?: ${PER})?|${PER})`;
const LIST = `${NUM_TEXT}(?:, ${NUM_TEXT})*`;

const pattern = (source: string): RegExp => new RegExp(`^${source}$`, 'u');
const VALUE = pattern(`(?:${QUALIFIER} )?${NUM}(?:${SP}${UNIT})?(?: år (\\d{4}))?`);
const COMPARISON = pattern(`${OP}${SP}${NUM}(?:${SP}${UNIT})?`);
const QUANTITY = pattern(`(?:${OP}${SP})?${NUM}${SP}(%|procent) av (.+)`);
const PEER_GROUP = pattern(`(.+?) i förhållande till (.+?), differens ${OP}${SP}${NUM}${SP}${UNIT}`);
const LAST_YEAR_SIGN = pattern(`${OP}${SP}(?:föregående år|(\\d{4}) års nivå)`);
const LAST_YEAR_WORDS = pattern(`([Ss])ka (inte )?(öka|minska)(?: jämfört med (?:(föregående år)|(\\d{4})))?`);
const EXTERNAL_GAP = pattern(`([Ss])killnaden mot (.+?) ska (inte )?(öka|minska)(?: jämfört med (\\d{4}))?`);
const TUPLE = pattern(`(${LIST}(?:/${LIST})*)(?:${SP}${UNIT})?`);
const SURVEY_INDEX = pattern(`(?:${QUALIFIER} )?(\\p{Lu}{2,5}) ${NUM}`);
const EMBEDDED = new RegExp(`${OP}${SP}${NUM}(?:${SP}(%|\\p{L}+))?`, 'gu');

/** Reads a Swedish target text into a typed target; what cannot be read becomes qualitative. */
export function parseTarget(text: string): Target {
  for (const read of READERS) {
    const target = read(text);
    // A reading that does not print back to the very same text has lost something: try the next.
    if (target && printTarget(target) === text) return target;
  }
  return { kind: 'qualitative', text, comparisons: findComparisons(text) };
}

// Readers, most specific first: "1 % av …" must not be taken for a comparison with unit "%".
const READERS: Array<(text: string) => Target | null> = [
  readQuantity,
  readPeerGroup,
  readRelativeToLastYear,
  readExternalGap,
  readTuple,
  readSurveyIndex,
  readComparison,
  readValue,
];

function readValue(text: string): ValueTarget | null {
  const match = VALUE.exec(text);
  const amount = match && readAmount(match[2]!, match[3], match[4]);
  if (!match || !amount) return null;
  const target: ValueTarget = { kind: 'value', amount };
  if (match[1]) target.qualifier = readQualifier(match[1]);
  if (match[5]) target.year = Number(match[5]);
  return target;
}

function readComparison(text: string): ComparisonTarget | null {
  const match = COMPARISON.exec(text);
  const amount = match && readAmount(match[3]!, match[4], match[5]);
  if (!match || !amount) return null;
  return { kind: 'comparison', operator: match[1] as Operator, operatorSpace: match[2] as Space, amount };
}

function readQuantity(text: string): QuantityTarget | null {
  const match = QUANTITY.exec(text);
  const share = match && readAmount(match[3]!, match[4], match[5]);
  if (!match || !share) return null;
  const operatorSpace = (match[2] ?? '') as Space;
  const target: QuantityTarget = { kind: 'relative-to-quantity', operatorSpace, share, base: match[6]! };
  if (match[1]) target.operator = match[1] as Operator;
  return target;
}

function readPeerGroup(text: string): PeerGroupTarget | null {
  const match = PEER_GROUP.exec(text);
  const gap = match && readAmount(match[5]!, match[6], match[7]);
  if (!match || !gap) return null;
  return {
    kind: 'relative-to-peer-group',
    metric: match[1]!,
    peerGroup: match[2]!,
    operator: match[3] as Operator,
    operatorSpace: match[4] as Space,
    gap,
  };
}

function readRelativeToLastYear(text: string): RelativeToLastYearTarget | null {
  const sign = LAST_YEAR_SIGN.exec(text);
  if (sign) {
    const operator = sign[1] as Operator;
    const mathSigns = operator === '≥' || operator === '≤';
    const wording: SignWording = { form: 'sign', operatorSpace: sign[2] as Space, mathSigns };
    const direction = DIRECTIONS[relationOf(operator)];
    return { kind: 'relative-to-last-year', direction, ...baselineOf(sign[3]), wording };
  }
  const words = LAST_YEAR_WORDS.exec(text);
  if (!words) return null;
  const wording: WordsWording = { form: 'words', capitalized: words[1] === 'S', namesPreviousYear: !!words[4] };
  const direction = readDirection(words[2], words[3]!);
  return { kind: 'relative-to-last-year', direction, ...baselineOf(words[5]), wording };
}

function readExternalGap(text: string): ExternalGapTarget | null {
  const match = EXTERNAL_GAP.exec(text);
  if (!match) return null;
  return {
    kind: 'gap-to-external-series',
    series: match[2]!,
    direction: readDirection(match[3], match[4]!),
    ...baselineOf(match[5]),
    capitalized: match[1] === 'S',
  };
}

function readTuple(text: string): TupleTarget | null {
  const tuples: Tuple[] = [];
  for (const segment of text.split(' respektive ')) {
    const match = TUPLE.exec(segment);
    if (!match) return null;
    const parts = match[1]!.split('/').map((part) => part.split(', ').map(readNumber));
    if (parts.some((part) => part.some((number) => number === null))) return null;
    tuples.push({ parts: parts as PrintedNumber[][], unit: match[3] ?? '', unitSpace: (match[2] ?? '') as Space });
  }
  // One number alone is a value, not a tuple.
  const count = tuples.reduce((sum, tuple) => sum + tuple.parts.flat().length, 0);
  return count >= 2 ? { kind: 'tuple', tuples } : null;
}

function readSurveyIndex(text: string): SurveyIndexTarget | null {
  const match = SURVEY_INDEX.exec(text);
  const level = match && readNumber(match[3]!);
  if (!match || !level) return null;
  const target: SurveyIndexTarget = { kind: 'survey-index', index: match[2]!, level };
  if (match[1]) target.qualifier = readQualifier(match[1]);
  return target;
}

function findComparisons(text: string): EmbeddedComparison[] {
  const found: EmbeddedComparison[] = [];
  for (const match of text.matchAll(EMBEDDED)) {
    const amount = readAmount(match[3]!, match[4], match[5]);
    if (amount) found.push({ operator: match[1] as Operator, amount });
  }
  return found;
}

function readQualifier(word: string): Qualifier {
  const bound = word.toLowerCase() === 'minst' ? 'at-least' : 'at-most';
  return { bound, capitalized: word !== word.toLowerCase() };
}

function readDirection(negation: string | undefined, verb: string): Direction {
  if (verb === 'öka') return negation ? 'not-increase' : 'increase';
  return negation ? 'not-decrease' : 'decrease';
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
