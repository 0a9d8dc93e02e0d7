/**
 * Reading target texts: a small grammar of the wordings plans use, tried most specific first. A
 * reading counts only when it prints back to the very same text; anything else stays qualitative.
 */
import { readExternalComparison, readExternalGap, readRank } from './parse-external.ts';
import { readRelativeToLastYear } from './parse-relative.ts';
import { readInSentence, readRange, readReported } from './parse-sentence.ts';
import { readAmount, readNumber } from './numbers.ts';
import { FROM_TO, LIST, NUM, OP, QUALIFIER_AFTER, QUALIFIER_BEFORE, SP, UNIT, whole, YEAR } from './patterns.ts';
import { printTarget } from './print.ts';
import { QUALIFIERS_AFTER, QUALIFIERS_BEFORE, TARGET_LABELS } from './words.ts';
import type {
  ComparisonTarget,
  EmbeddedComparison,
  Operator,
  PeerGroupTarget,
  PrintedNumber,
  Qualifier,
  QuantityTarget,
  SurveyIndexTarget,
  Target,
  Tuple,
  TupleTarget,
  ValueTarget,
} from './types.ts';

const VALUE = whole(`(?:${QUALIFIER_BEFORE} )?${NUM}(?:${SP}${UNIT})?(?: ${QUALIFIER_AFTER})?(?: år ${YEAR})?`);
const COMPARISON = whole(`${OP}${SP}${NUM}(?:${SP}${UNIT})?`);
const QUANTITY = whole(`(?:${OP}${SP})?${NUM}${SP}(%|procent) av (.+)`);
const PEER_GROUP = whole(`(.+?) i förhållande till (.+?), differens ${OP}${SP}${NUM}${SP}${UNIT}`);
const TUPLE = whole(`(${LIST}(?:/${LIST})*)(?:${SP}${UNIT})?`);
const SURVEY_INDEX = whole(`(?:${QUALIFIER_BEFORE} )?(\\p{Lu}{2,5}|[Ii]ndex) ${NUM}`);
const FROM_TO_WHOLE = whole(FROM_TO);
const EMBEDDED = new RegExp(`${OP}${SP}${NUM}(?:${SP}(%|\\p{L}+))?`, 'gu');

/** Reads a Swedish target text into a typed target; what cannot be read becomes qualitative. */
export function parseTarget(text: string): Target {
  const target = readWhole(text) ?? readInSentence(text, readWhole) ?? readLabelled(text);
  if (target && printTarget(target) === text) return target;
  return { kind: 'qualitative', text, comparisons: findComparisons(text) };
}

/** The first reading of the whole text that prints back unchanged, or null. */
function readWhole(text: string): Target | null {
  for (const read of READERS) {
    const target = read(text);
    // A reading that does not print back to the very same text has lost something: try the next.
    if (target && printTarget(target) === text) return target;
  }
  return null;
}

// Readers, most specific first: "1 % av …" must not be taken for a comparison with unit "%", and
// "Lägre än 2021" (a baseline year) must be read before "lägre än 20" (a ceiling).
const READERS: Array<(text: string) => Target | null> = [
  readReported,
  readQuantity,
  readPeerGroup,
  readRelativeToLastYear,
  readExternalGap,
  readExternalComparison,
  readRank,
  readRange,
  readTuple,
  readSurveyIndex,
  readComparison,
  readFromTo,
  readValue,
];

/** "Mål 135", "Mål >65": a label before a value or a comparison, kept as the words before it. */
function readLabelled(text: string): Target | null {
  const label = TARGET_LABELS.find((word) => text.startsWith(word));
  const target = label && readWhole(text.slice(label.length));
  if (!label || !target || (target.kind !== 'value' && target.kind !== 'comparison')) return null;
  return { kind: 'in-sentence', before: label, target, after: '' };
}

/** "ökar från 67 till 77 % under 2018": the level to reach, with the verb's direction and the starting level. */
function readFromTo(text: string): ValueTarget | null {
  const match = FROM_TO_WHOLE.exec(text);
  const from = match && readAmount(match[2]!, match[3], match[4]);
  const amount = match && readAmount(match[5]!, match[6], match[7]);
  if (!match || !from || !amount) return null;
  const target: ValueTarget = { kind: 'value', amount, qualifier: readQualifier(`${match[1]} till`, 'before'), from };
  if (match[9]) target.year = Number(match[9]);
  if (match[8] === 'under') target.yearWord = 'under';
  return target;
}

/** "Minst 75 %", "90 procent eller högre", "ökar till 19 500 personer år 2026". */
export function readValue(text: string): ValueTarget | null {
  const match = VALUE.exec(text);
  const amount = match && readAmount(match[2]!, match[3], match[4]);
  if (!match || !amount || (match[1] && match[5])) return null;
  // "under 2018" is a period, not a ceiling: a year after "under" or "över" is no value.
  if (match[1] && /^(?:[Uu]nder|[Öö]ver)$/.test(match[1]) && !match[4] && /^(?:19|20)\d{2}$/.test(match[2]!)) return null;
  const target: ValueTarget = { kind: 'value', amount };
  if (match[1]) target.qualifier = readQualifier(match[1], 'before');
  if (match[5]) target.qualifier = readQualifier(match[5], 'after');
  if (match[6]) target.year = Number(match[6]);
  return target;
}

function readComparison(text: string): ComparisonTarget | null {
  const match = COMPARISON.exec(text);
  const amount = match && readAmount(match[3]!, match[4], match[5]);
  if (!match || !amount) return null;
  return { kind: 'comparison', operator: match[1] as Operator, operatorSpace: match[2] as ComparisonTarget['operatorSpace'], amount };
}

function readQuantity(text: string): QuantityTarget | null {
  const match = QUANTITY.exec(text);
  const share = match && readAmount(match[3]!, match[4], match[5]);
  if (!match || !share) return null;
  const operatorSpace = (match[2] ?? '') as QuantityTarget['operatorSpace'];
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
    operatorSpace: match[4] as PeerGroupTarget['operatorSpace'],
    gap,
  };
}

function readTuple(text: string): TupleTarget | null {
  const tuples: Tuple[] = [];
  for (const segment of text.split(' respektive ')) {
    const match = TUPLE.exec(segment);
    if (!match) return null;
    const parts = match[1]!.split('/').map((part) => part.split(', ').map(readNumber));
    if (parts.some((part) => part.some((number) => number === null))) return null;
    tuples.push({ parts: parts as PrintedNumber[][], unit: match[3] ?? '', unitSpace: (match[2] ?? '') as Tuple['unitSpace'] });
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
  if (match[1]) target.qualifier = readQualifier(match[1], 'before');
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

/** "Minst" → at least, capital letter kept; "eller högre" → at least, after the value. */
export function readQualifier(printed: string, position: Qualifier['position']): Qualifier {
  const word = printed[0]!.toLowerCase() + printed.slice(1);
  const bound = position === 'before' ? QUALIFIERS_BEFORE[word]! : QUALIFIERS_AFTER[word]!;
  return { bound, word, capitalized: printed !== word, position };
}
