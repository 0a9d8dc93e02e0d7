/**
 * Short Swedish explanations of targets for status texts ("Över 95 %", "Bedöms manuellt"). They
 * print numbers the house way, whatever the source did, so they change apart from printTarget.
 */
import { Decimal } from 'decimal.js';
import { formatAmount } from '../format.ts';
import { relationOf, unitKind } from './meaning.ts';
import { capitalize } from './print.ts';
import type { Amount, Direction, PrintedNumber, Relation, Target, Tuple, TupleTarget } from './types.ts';

/** A short Swedish explanation of a target for status texts: "Över 95 %", "Bedöms manuellt". */
export function describeTarget(target: Target): string {
  switch (target.kind) {
    case 'value': {
      const lead = target.qualifier ? RELATION_WORDS[target.qualifier.bound] : 'Målvärde';
      const year = target.year === undefined ? '' : ` år ${target.year}`;
      return `${lead} ${describeAmount(target.amount)}${year}`;
    }
    case 'comparison':
      return `${RELATION_WORDS[relationOf(target.operator)]} ${describeAmount(target.amount)}`;
    case 'relative-to-last-year': {
      if (target.by) return `${target.direction === 'increase' ? 'Ökning' : 'Minskning'} med ${describeAmount(target.by)} från ${baselineName(target.baselineYear)}`;
      return `${DIRECTION_WORDS[target.direction]} än ${baselineName(target.baselineYear)}`;
    }
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
    case 'relative-to-external-series':
      return `${capitalize(target.phrase, true)} ${target.series}`;
    case 'rank':
      return `Bland de ${describeAmount(target.share)} bästa ${target.group}`;
    case 'range':
      return `Mellan ${formatPlain(target.low)} och ${formatPlain(target.high)}${describeUnit(target.unit)}`;
    case 'reported':
      return 'Redovisas utan målvärde';
    case 'in-sentence':
      return describeTarget(target.target);
    case 'tuple':
      return `${isShares(target) ? 'Andelar' : 'Målvärden'} ${target.tuples.map(describeTuple).join(' respektive ')}`;
    case 'survey-index': {
      const qualifier = target.qualifier ? `${RELATION_WORDS[target.qualifier.bound].toLowerCase()} ` : '';
      return `${target.index} ${qualifier}${formatPlain(target.level)}`;
    }
    case 'qualitative':
      return 'Bedöms manuellt';
  }
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
