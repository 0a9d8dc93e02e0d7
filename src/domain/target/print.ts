/**
 * Printing targets back to text, character for character as the plan printed them; parseTarget
 * relies on it to check a reading, so a change here changes which texts can be read.
 */
import { printAmount, printNumber } from './numbers.ts';
import type { Direction, Operator, Qualifier, RelativeToLastYearTarget, Target, Tuple, ValueTarget } from './types.ts';

/** Prints a target back to its text; printTarget(parseTarget(text)) === text for every text. */
export function printTarget(target: Target): string {
  switch (target.kind) {
    case 'value':
      return printValue(target);
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
    case 'relative-to-external-series':
      return `${capitalize(target.phrase, target.capitalized)} ${target.series}`;
    case 'rank':
      return `${capitalize('bland', target.capitalized)} de ${printAmount(target.share)} bästa ${target.group}`;
    case 'range':
      return printNumber(target.low) + target.separator + printNumber(target.high) + (target.unit ? target.unitSpace + target.unit : '');
    case 'reported':
      return target.text;
    case 'in-sentence':
      return target.before + printTarget(target.target) + target.after;
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

function printValue(target: ValueTarget): string {
  const { qualifier } = target;
  let before = qualifier?.position === 'before' ? `${qualifierWord(qualifier)} ` : '';
  // "ökar från 67 till 77 %": the starting level stands before the qualifier's closing "till".
  if (target.from && before.endsWith(' till ')) before = `${before.slice(0, -' till '.length)} från ${printAmount(target.from)} till `;
  const after = qualifier?.position === 'after' ? ` ${qualifier.word}` : '';
  const year = target.year === undefined ? '' : ` ${target.yearWord ?? 'år'} ${target.year}`;
  return before + printAmount(target.amount) + after + year;
}

function printRelativeToLastYear(target: RelativeToLastYearTarget): string {
  const { wording, direction, baselineYear } = target;
  switch (wording.form) {
    case 'sign': {
      const baseline = baselineYear === undefined ? 'föregående år' : `${baselineYear} års nivå`;
      return signOf(direction, wording.mathSigns) + wording.operatorSpace + baseline;
    }
    case 'words': {
      const verb = wording.modal === false ? capitalize(verbOf(direction), wording.capitalized) : `${capitalize('ska', wording.capitalized)} ${verbOf(direction)}`;
      const by = target.by ? ` med ${printAmount(target.by)}` : '';
      const during = wording.during === undefined ? '' : ` under ${wording.during}`;
      return verb + by + during + since(baselineYear, wording.namesPreviousYear);
    }
    case 'comparative': {
      const baseline = baselineYear === undefined ? 'föregående år' : `${baselineYear}${wording.yearLevel ? ' års nivå' : ''}`;
      const lead = wording.negated ? `${capitalize('inte', wording.capitalized)} ${wording.word}` : capitalize(wording.word, wording.capitalized);
      return `${lead} än ${baseline}`;
    }
    case 'noun': {
      const noun = direction === 'increase' ? 'ökning' : 'minskning';
      return capitalize(noun, wording.capitalized) + since(baselineYear, wording.namesPreviousYear);
    }
  }
}

function since(baselineYear: number | undefined, namesPreviousYear: boolean): string {
  if (baselineYear !== undefined) return sinceYear(baselineYear);
  return namesPreviousYear ? ' jämfört med föregående år' : '';
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

/** The qualifier's words as the target printed them, capital letter included: "Minst", "Max". */
export function qualifierWord(qualifier: Qualifier): string {
  return capitalize(qualifier.word, qualifier.capitalized);
}

/** The word with a capital first letter when the source had one. */
export function capitalize(word: string, capitalized: boolean): string {
  return capitalized ? word[0]!.toUpperCase() + word.slice(1) : word;
}
