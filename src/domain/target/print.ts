/**
 * Printing targets back to text, character for character as the plan printed them; parseTarget
 * relies on it to check a reading, so a change here changes which texts can be read.
 */
import { printAmount, printNumber } from './numbers.ts';
import type { Direction, Operator, Qualifier, RelativeToLastYearTarget, Target, Tuple } from './types.ts';

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

function printTuple(tuple: Tuple): string {
  const body = tuple.parts.map((part) => part.map(printNumber).join(', ')).join('/');
  return body + (tuple.unit ? tuple.unitSpace + tuple.unit : '');
}

/** "Minst" or "högst" as the target printed it, capital letter included. */
export function qualifierWord(qualifier: Qualifier): string {
  return capitalize(qualifier.bound === 'at-least' ? 'minst' : 'högst', qualifier.capitalized);
}

/** The word with a capital first letter when the source had one. */
export function capitalize(word: string, capitalized: boolean): string {
  return capitalized ? word[0]!.toUpperCase() + word.slice(1) : word;
}
