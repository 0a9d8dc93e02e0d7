/**
 * Indicator targets (målvärden) as typed values. Plans print targets in signs and words
 * ("> 8 per förvaltning", "21/57/22 %", "ska öka"); parseTarget reads such a text into a structure
 * a status can be computed from, and printTarget prints exactly the same text back, so the
 * structure can stand in for the text without losing a character. What cannot be read stays
 * qualitative, as its text: an unknown wording is a finding to show, never an error.
 */
import { Decimal } from 'decimal.js';
import { parseSwedishNumber } from './figure.ts';
import { formatAmount, type MinusSign, type ThousandsSeparator } from './format.ts';

/** What stands between a sign or number and what follows: nothing, a space or a no-break space. */
export type Space = '' | ' ' | '\u00a0' | '\u202f';

/** How a number was printed, so that it prints back the same ("18 100", "5,30", "−2"). */
export interface NumberStyle {
  decimals: number;
  /** "space" also for numbers under 1 000, where no separator shows. */
  thousands: ThousandsSeparator;
  minus: MinusSign;
}

export interface PrintedNumber {
  value: Decimal;
  style: NumberStyle;
}

/** A number with the unit printed after it: "95 %", "8 per förvaltning", "4%-enheter", "0". */
export interface Amount extends PrintedNumber {
  /** As printed: "%", "%-enheter", "per förvaltning"; "" when there is none. */
  unit: string;
  /** "95 %" has a space before the unit, "95%" has not. */
  unitSpace: Space;
}

/** Comparison signs as printed; ">=" and "≥" mean the same. */
export type Operator = '>' | '>=' | '≥' | '<' | '<=' | '≤';

/** What an operator or a qualifier asks of the outcome. */
export type Relation = 'above' | 'at-least' | 'below' | 'at-most';

/** "Minst" / "högst" before a value: the value is a floor or a ceiling. */
export interface Qualifier {
  bound: 'at-least' | 'at-most'; // minst | högst
  capitalized: boolean;
}

/** Which way an outcome must move against a baseline: "ska öka", "ska inte minska". */
export type Direction = 'increase' | 'not-decrease' | 'decrease' | 'not-increase';

/** "90%", "18 100", "Minst 60 %", "95 % år 2020". */
export interface ValueTarget {
  kind: 'value';
  amount: Amount;
  qualifier?: Qualifier;
  /** "95 % år 2020": the year by which a goal sentence wants the value reached. */
  year?: number;
}

/** "> 8 per förvaltning", ">95 %", "> 0". */
export interface ComparisonTarget {
  kind: 'comparison';
  operator: Operator;
  /** "> 8" has a space after the sign, ">95 %" has not. */
  operatorSpace: Space;
  amount: Amount;
}

/** ">föregående år", "ska öka", "ska inte minska jämfört med 2023". */
export interface RelativeToLastYearTarget {
  kind: 'relative-to-last-year';
  direction: Direction;
  /** A fixed baseline year ("jämfört med 2023"); absent means the year before the measured one. */
  baselineYear?: number;
  wording: SignWording | WordsWording;
}

/** ">föregående år", "> 2023 års nivå". */
export interface SignWording {
  form: 'sign';
  operatorSpace: Space;
  /** "≥" rather than ">=" (only matters for the not-strict directions). */
  mathSigns: boolean;
}

/** "ska öka", "Ska inte minska jämfört med föregående år". */
export interface WordsWording {
  form: 'words';
  capitalized: boolean;
  /** Says "jämfört med föregående år" out loud, though that is what no baseline year means. */
  namesPreviousYear: boolean;
}

/** "Soliditet i förhållande till Norrlands kommuner, differens < 4%-enheter". */
export interface PeerGroupTarget {
  kind: 'relative-to-peer-group';
  /** What is compared: "Soliditet". */
  metric: string;
  /** Whom it is compared with (jämförelsegrupp): "Norrlands kommuner". */
  peerGroup: string;
  operator: Operator;
  operatorSpace: Space;
  /** The allowed difference, usually in percentage points: 4 "%-enheter". */
  gap: Amount;
}

/** ">1 % av skatter och generella statsbidrag": a share of another quantity. */
export interface QuantityTarget {
  kind: 'relative-to-quantity';
  /** Absent when the share is the target itself ("2 % av nettokostnaden"). */
  operator?: Operator;
  operatorSpace: Space;
  /** The share, with unit "%" or "procent". */
  share: Amount;
  /** The quantity the share is of: "skatter och generella statsbidrag". */
  base: string;
}

/** "skillnaden mot riket ska minska jämfört med 2022": the gap to an external series. */
export interface ExternalGapTarget {
  kind: 'gap-to-external-series';
  /** The series compared against: "riket", "länet". */
  series: string;
  direction: Direction;
  baselineYear?: number;
  capitalized: boolean;
}

/** "21/57/22 %", "85, 85, 85/85, 85, 90/90, 90, 85 %", "79/21 respektive 8/50/42". */
export interface TupleTarget {
  kind: 'tuple';
  /** Tuples joined by " respektive "; most targets have one. */
  tuples: Tuple[];
}

export interface Tuple {
  /** Parts separated by "/"; each part is one number, or several separated by ", ". */
  parts: PrintedNumber[][];
  unit: string;
  unitSpace: Space;
}

/** "Minst NKI 75": a level on a survey index (NKI, NMI, HME). */
export interface SurveyIndexTarget {
  kind: 'survey-index';
  index: string;
  level: PrintedNumber;
  qualifier?: Qualifier;
}

/** Anything else, kept as printed; its status is set by hand with a justification. */
export interface QualitativeTarget {
  kind: 'qualitative';
  text: string;
  /** Comparisons found in the words ("> 17 gröna": unit "gröna"), for readers; never for status. */
  comparisons: EmbeddedComparison[];
}

export interface EmbeddedComparison {
  operator: Operator;
  amount: Amount;
}

/** A target value (målvärde) of one indicator for one year. */
export type Target =
  | ValueTarget
  | ComparisonTarget
  | RelativeToLastYearTarget
  | PeerGroupTarget
  | QuantityTarget
  | ExternalGapTarget
  | TupleTarget
  | SurveyIndexTarget
  | QualitativeTarget;

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

const RELATIONS: Record<Operator, Relation> = {
  '>': 'above',
  '>=': 'at-least',
  '≥': 'at-least',
  '<': 'below',
  '<=': 'at-most',
  '≤': 'at-most',
};

/** Reads a Swedish target text into a typed target; what cannot be read becomes qualitative. */
export function parseTarget(text: string): Target {
  for (const read of READERS) {
    const target = read(text);
    // A reading that does not print back to the very same text has lost something: try the next.
    if (target && printTarget(target) === text) return target;
  }
  return { kind: 'qualitative', text, comparisons: findComparisons(text) };
}

/** Prints a target back to its text; printTarget(parseTarget(text)) === text for every text. */
export function printTarget(target: Target): string {
  switch (target.kind) {
    case 'value': {
      const qualifier = target.qualifier ? `${qualifierWord(target.qualifier)} ` : '';
      const year = target.year === undefined ? '' : ` år ${target.year}`;
      return qualifier + printAmount(target.amount) + year;
    }
    case 'comparison':
      return target.operator + target.operatorSpace + printAmount(target.amount);
    case 'relative-to-last-year':
      return printRelativeToLastYear(target);
    case 'relative-to-peer-group':
      return (
        `${target.metric} i förhållande till ${target.peerGroup}, differens ` +
        target.operator +
        target.operatorSpace +
        printAmount(target.gap)
      );
    case 'relative-to-quantity':
      return (target.operator ?? '') + target.operatorSpace + printAmount(target.share) + ` av ${target.base}`;
    case 'gap-to-external-series':
      return (
        `${capitalize('skillnaden', target.capitalized)} mot ${target.series} ` +
        `ska ${verbOf(target.direction)}${sinceYear(target.baselineYear)}`
      );
    case 'tuple':
      return target.tuples.map(printTuple).join(' respektive ');
    case 'survey-index': {
      const qualifier = target.qualifier ? `${qualifierWord(target.qualifier)} ` : '';
      return `${qualifier}${target.index} ${printNumber(target.level)}`;
    }
    case 'qualitative':
      return target.text;
  }
}

/** Whether a status can be computed from numeric outcomes (and the reference values a kind names). */
export function isMachineReadable(target: Target): boolean {
  return target.kind !== 'qualitative';
}

/** What a comparison sign asks of the outcome: ">" above, "≥" at least, and so on. */
export function relationOf(operator: Operator): Relation {
  return RELATIONS[operator];
}

/** What a printed unit measures: "%" percent, "%-enheter" percentage points (procentenheter). */
export function unitKind(unit: string): 'percent' | 'percentage-points' | 'none' | 'other' {
  if (unit === '%' || unit === 'procent') return 'percent';
  if (unit === '%-enheter' || unit === 'procentenheter') return 'percentage-points';
  return unit === '' ? 'none' : 'other';
}

/** A short Swedish explanation of a target for status texts: "Över 95 %", "Bedöms manuellt". */
export function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'value': {
      const lead = target.qualifier ? capitalize(qualifierWord(target.qualifier).toLowerCase(), true) : 'Målvärde';
      const year = target.year === undefined ? '' : ` år ${target.year}`;
      return `${lead} ${describeAmount(target.amount)}${year}`;
    }
    case 'comparison':
      return `${RELATION_WORDS[relationOf(target.operator)]} ${describeAmount(target.amount)}`;
    case 'relative-to-last-year':
      return `${DIRECTION_WORDS[target.direction]} än ${baselineName(target.baselineYear)}`;
    case 'relative-to-peer-group': {
      const relation = RELATION_WORDS[relationOf(target.operator)].toLowerCase();
      return `${target.metric}: differens mot ${target.peerGroup} ${relation} ${describeAmount(target.gap)}`;
    }
    case 'relative-to-quantity': {
      const lead = target.operator ? `${RELATION_WORDS[relationOf(target.operator)]} ` : '';
      return `${lead}${describeAmount(target.share)} av ${target.base}`;
    }
    case 'gap-to-external-series':
      return `${GAP_WORDS[target.direction]} skillnad mot ${target.series} än ${baselineName(target.baselineYear)}`;
    case 'tuple':
      return `${isShares(target) ? 'Andelar' : 'Målvärden'} ${target.tuples.map(describeTuple).join(' respektive ')}`;
    case 'survey-index': {
      const qualifier = target.qualifier ? `${qualifierWord(target.qualifier).toLowerCase()} ` : '';
      return `${target.index} ${qualifier}${formatPlain(target.level)}`;
    }
    case 'qualitative':
      return 'Bedöms manuellt';
  }
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

/** Reads one printed number with its style, or null when it would not print back the same. */
function readNumber(token: string): PrintedNumber | null {
  const value = parseSwedishNumber(token);
  if (value === null) return null;
  const number: PrintedNumber = { value, style: styleOf(token) };
  return printNumber(number) === token ? number : null;
}

function readAmount(token: string, space: string | undefined, unit: string | undefined): Amount | null {
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

function printRelativeToLastYear(target: RelativeToLastYearTarget): string {
  const { wording, direction, baselineYear } = target;
  if (wording.form === 'sign') {
    const baseline = baselineYear === undefined ? 'föregående år' : `${baselineYear} års nivå`;
    return signOf(direction, wording.mathSigns) + wording.operatorSpace + baseline;
  }
  const namesPrevious = baselineYear === undefined && wording.namesPreviousYear;
  const since = namesPrevious ? ' jämfört med föregående år' : sinceYear(baselineYear);
  return `${capitalize('ska', wording.capitalized)} ${verbOf(direction)}${since}`;
}

function signOf(direction: Direction, mathSigns: boolean): Operator {
  if (direction === 'increase') return '>';
  if (direction === 'decrease') return '<';
  if (direction === 'not-decrease') return mathSigns ? '≥' : '>=';
  return mathSigns ? '≤' : '<=';
}

function verbOf(direction: Direction): string {
  return VERBS[direction];
}

const VERBS: Record<Direction, string> = {
  increase: 'öka',
  decrease: 'minska',
  'not-decrease': 'inte minska',
  'not-increase': 'inte öka',
};

function sinceYear(year: number | undefined): string {
  return year === undefined ? '' : ` jämfört med ${year}`;
}

function printNumber(number: PrintedNumber): string {
  return formatAmount(number.value, number.style);
}

function printAmount(amount: Amount): string {
  return printNumber(amount) + (amount.unit ? amount.unitSpace + amount.unit : '');
}

function printTuple(tuple: Tuple): string {
  const body = tuple.parts.map((part) => part.map(printNumber).join(', ')).join('/');
  return body + (tuple.unit ? tuple.unitSpace + tuple.unit : '');
}

function qualifierWord(qualifier: Qualifier): string {
  return capitalize(qualifier.bound === 'at-least' ? 'minst' : 'högst', qualifier.capitalized);
}

function capitalize(word: string, capitalized: boolean): string {
  return capitalized ? word[0]!.toUpperCase() + word.slice(1) : word;
}

// Descriptions print numbers the house way ("95 %", "4 procentenheter"), whatever the source did.
const RELATION_WORDS: Record<Relation, string> = {
  above: 'Över',
  'at-least': 'Minst',
  below: 'Under',
  'at-most': 'Högst',
};
const DIRECTION_WORDS: Record<Direction, string> = {
  increase: 'Högre',
  'not-decrease': 'Inte lägre',
  decrease: 'Lägre',
  'not-increase': 'Inte högre',
};
const GAP_WORDS: Record<Direction, string> = {
  increase: 'Större',
  'not-decrease': 'Inte mindre',
  decrease: 'Mindre',
  'not-increase': 'Inte större',
};

function formatPlain(number: PrintedNumber): string {
  return formatAmount(number.value, { decimals: number.style.decimals });
}

function describeUnit(unit: string): string {
  if (unit === '') return '';
  return ` ${unitKind(unit) === 'percentage-points' ? 'procentenheter' : unit}`;
}

function describeAmount(amount: Amount): string {
  return formatPlain(amount) + describeUnit(amount.unit);
}

function describeTuple(tuple: Tuple): string {
  return tuple.parts.map((part) => part.map(formatPlain).join(', ')).join('/') + describeUnit(tuple.unit);
}

function baselineName(year: number | undefined): string {
  return year === undefined ? 'föregående år' : String(year);
}

// Shares (andelar) when every tuple is single numbers adding up to 100, as "21/57/22 %" does.
function isShares(target: TupleTarget): boolean {
  return target.tuples.every(
    (tuple) =>
      tuple.parts.every((part) => part.length === 1) &&
      tuple.parts.reduce((sum, part) => sum.plus(part[0]!.value), new Decimal(0)).equals(100),
  );
}
