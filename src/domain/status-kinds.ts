/**
 * Status of one machine-readable target kind from an outcome (utfall), with a one-sentence Swedish
 * explanation. Kinds that compare with something else (last year, a peer group, a base quantity,
 * an external series) take that value from the outcome's `reference`, a reference lookup or
 * earlier outcomes; without it the status is 'not-measured' and the explanation says what is missing.
 */
import { Decimal } from 'decimal.js';
import { parseFigure } from './figure.ts';
import { formatPeriod } from './format.ts';
import { printNumber, printWithUnit, quantity } from './status-band.ts';
import { compare, notMeasured, referenceValue, unitOf, type Evaluation, type TargetContext } from './status-context.ts';
import { directionMissing, requirementOf, resolveDirection } from './status-direction.ts';
import { evaluateExternalComparison, evaluateRank } from './status-external.ts';
import { evaluateExternalGap, evaluateLastYear } from './status-relative.ts';
import { evaluateTuple } from './status-tuple.ts';
import { describeTarget, printTarget, relationOf, unitKind, type Relation, type Target } from './target.ts';

export type { Evaluation, TargetContext } from './status-context.ts';
export { notMeasured } from './status-context.ts';

/** Evaluates an outcome against a machine-readable target. */
export function evaluateTarget(context: TargetContext): Evaluation {
  const { target, actual } = context;
  if (target.kind === 'in-sentence') return evaluateTarget({ ...context, target: target.target });
  if (target.kind === 'tuple') return evaluateTuple(context, target, actual.text);
  const value = parseFigure(actual.text).value;
  if (value === null) return notMeasured(`Utfallet "${actual.text}" är inget tal`);
  switch (target.kind) {
    case 'value':
    case 'survey-index': {
      const bound = target.kind === 'value' ? target.amount.value : target.level.value;
      const unit = target.kind === 'value' ? unitOf(context.indicator, target.amount.unit) : '';
      return evaluateAgainst(context, { value, bound, unit, relation: target.qualifier?.bound, lead: `Utfall ${printWithUnit(value, unit)}` });
    }
    case 'comparison': {
      const unit = unitOf(context.indicator, target.amount.unit);
      const requirement = relationOf(target.operator);
      return compare(context, { value, bound: target.amount.value, requirement, unit, lead: `Utfall ${printWithUnit(value, unit)}` });
    }
    case 'range':
      return evaluateRange(context, value, target);
    case 'relative-to-last-year':
      return evaluateLastYear(context, value, target);
    case 'relative-to-peer-group':
      return evaluatePeerGroup(context, value, target);
    case 'relative-to-quantity':
      return evaluateQuantity(context, value, target);
    case 'gap-to-external-series':
      return evaluateExternalGap(context, value, target);
    case 'relative-to-external-series':
      return evaluateExternalComparison(context, value, target);
    case 'rank':
      return evaluateRank(context, value, target);
  }
}

interface Against {
  value: Decimal;
  bound: Decimal;
  unit: string;
  /** What the target's words ask; absent: the indicator's direction decides, or the status says it is missing. */
  relation: Relation | undefined;
  lead: string;
}

/** A value against a bound, in the direction the words state or the indicator gives, never guessed. */
function evaluateAgainst(context: TargetContext, against: Against): Evaluation {
  const { value, bound, unit, relation, lead } = against;
  if (relation) return compare(context, { value, bound, requirement: relation, unit, lead });
  const resolved = resolveDirection(context.indicator);
  if (!resolved) return directionMissing(printTarget(context.target), printWithUnit(value, unit));
  return compare(context, { value, bound, requirement: requirementOf(resolved.direction), unit, lead, ...(resolved.note ? { note: resolved.note } : {}) });
}

/** "80–85 %": inside is met; outside, the distance to the nearer edge. */
function evaluateRange(context: TargetContext, value: Decimal, target: Extract<Target, { kind: 'range' }>): Evaluation {
  const unit = unitOf(context.indicator, target.unit);
  const lead = `Utfall ${printWithUnit(value, unit)}`;
  if (value.lt(target.low.value)) return compare(context, { value, bound: target.low.value, requirement: 'at-least', unit, lead });
  return compare(context, { value, bound: target.high.value, requirement: 'at-most', unit, lead });
}

function evaluatePeerGroup(context: TargetContext, value: Decimal, target: Extract<Target, { kind: 'relative-to-peer-group' }>): Evaluation {
  const reference = referenceValue(context, target.peerGroup);
  if (reference === null) {
    return notMeasured(`Jämförelsevärde saknas: ${genitive(target.peerGroup)} värde för ${formatPeriod(context.period)} behövs`);
  }
  const difference = value.minus(reference);
  // A one-sided gap when the indicator says which way is better; otherwise the distance either way,
  // as "differens < 4%-enheter" reads.
  const direction = context.indicator.direction;
  const measured = direction === 'higher-better' ? reference.minus(value) : direction === 'lower-better' ? difference : difference.abs();
  const unit = unitOf(context.indicator, '');
  const relation = describeTarget({ kind: 'comparison', operator: target.operator, operatorSpace: '', amount: target.gap }).toLowerCase();
  const phrase = `målvärde differens ${relation}`;
  const lead =
    `Utfall ${printWithUnit(value, unit)} mot ${target.peerGroup} ${printWithUnit(reference, unit)}, ` +
    `differens ${quantity(difference.abs(), 'procentenheter')}`;
  return compare(context, { value: measured, bound: target.gap.value, requirement: relationOf(target.operator), unit: target.gap.unit, lead, aside: true, phrase });
}

function evaluateQuantity(context: TargetContext, value: Decimal, target: Extract<Target, { kind: 'relative-to-quantity' }>): Evaluation {
  const reference = referenceValue(context, target.base);
  const percentOutcome = parseFigure(context.actual.text).percent === true || unitKind(context.indicator.unit ?? '') === 'percent';
  if (reference === null && !percentOutcome) {
    return notMeasured(`Basen saknas: ${target.base} för ${formatPeriod(context.period)} behövs, eller ett utfall i procent`);
  }
  if (reference !== null && reference.isZero()) return notMeasured(`Basen (${target.base}) är 0, så andelen kan inte beräknas`);
  const share = reference === null ? value : value.dividedBy(reference).times(100);
  const lead = reference === null ? `Utfall ${printWithUnit(share, '%')}` : `Utfall ${printNumber(value)} av ${printNumber(reference)} (${printWithUnit(share, '%')})`;
  const relation = target.operator ? relationOf(target.operator) : undefined;
  return evaluateAgainst(context, { value: share, bound: target.share.value, unit: '%', relation, lead });
}

function genitive(name: string): string {
  return /[sxz]$/.test(name) ? name : `${name}s`;
}
