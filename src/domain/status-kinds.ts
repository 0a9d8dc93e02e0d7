/**
 * Status of one machine-readable target kind from an outcome (utfall), with a one-sentence Swedish
 * explanation. Kinds that compare with something else (last year, a peer group, a base quantity,
 * an external series) take that value from the outcome's `reference` or from earlier outcomes;
 * without it the status is 'not-measured' and the explanation says what is missing.
 */
import { Decimal } from 'decimal.js';
import { parseFigure } from './figure.ts';
import { formatPeriod } from './format.ts';
import { inYear, yearsBefore } from './period.ts';
import type { ActualEntry, Indicator } from './plan.ts';
import {
  evaluateBand,
  printNumber,
  printWithUnit,
  quantity,
  toleranceFor,
  verdictText,
  type Requirement,
  type Status,
} from './status-band.ts';
import { evaluateTuple, type PartStatus } from './status-tuple.ts';
import { describeTarget, relationOf, unitKind, type Direction, type Target } from './target.ts';

export interface TargetContext {
  indicator: Indicator;
  period: string;
  target: Exclude<Target, { kind: 'qualitative' | 'reported' }>;
  actual: ActualEntry;
  /** Another period's outcome of the same indicator (for last year and baselines). */
  findActual(period: string): ActualEntry | undefined;
}

export interface Evaluation {
  status: Status;
  explanation: string;
  parts?: PartStatus[];
}

/** Evaluates an outcome against a machine-readable target. */
export function evaluateTarget(context: TargetContext): Evaluation {
  const { target, actual } = context;
  if (target.kind === 'tuple') return evaluateTuple(context.indicator, target, actual.text);
  const value = parseFigure(actual.text).value;
  if (value === null) return notMeasured(`Utfallet "${actual.text}" är inget tal`);
  switch (target.kind) {
    case 'value':
    case 'survey-index': {
      const bound = target.kind === 'value' ? target.amount.value : target.level.value;
      const unit = target.kind === 'value' ? unitOf(context.indicator, target.amount.unit) : '';
      const requirement = target.qualifier ? target.qualifier.bound : fromDirection(context.indicator.direction);
      return compare(context, { value, bound, requirement, unit, lead: `Utfall ${printWithUnit(value, unit)}` });
    }
    case 'comparison': {
      const unit = unitOf(context.indicator, target.amount.unit);
      const requirement = relationOf(target.operator);
      return compare(context, { value, bound: target.amount.value, requirement, unit, lead: `Utfall ${printWithUnit(value, unit)}` });
    }
    case 'relative-to-last-year':
      return evaluateLastYear(context, value, target.direction, target.baselineYear);
    case 'relative-to-peer-group':
      return evaluatePeerGroup(context, value, target);
    case 'relative-to-quantity':
      return evaluateQuantity(context, value, target);
    case 'gap-to-external-series':
      return evaluateExternalGap(context, value, target);
    default:
      return notMeasured(`Målvärdet "${describeTarget(target)}" beräknas inte ännu`);
  }
}

interface Comparison {
  value: Decimal;
  bound: Decimal;
  requirement: Requirement;
  unit: string;
  /** The sentence up to " mot målvärde …": "Utfall 84 %". */
  lead: string;
  /** The target in brackets after the lead ("… för 2019 (målvärde högre än föregående år)") rather than "mot målvärde …". */
  aside?: boolean;
  /** Overrides how the target is named. */
  phrase?: string;
}

function compare(context: TargetContext, comparison: Comparison): Evaluation {
  const tolerance = toleranceFor(context.indicator.tolerance, comparison.bound);
  const band = evaluateBand(comparison.value, comparison.bound, comparison.requirement, tolerance);
  const verdict = verdictText(band, comparison.requirement, comparison.unit);
  const phrase = comparison.phrase ?? targetPhrase(context.target);
  const sentence = comparison.aside ? `${comparison.lead} (${phrase})` : `${comparison.lead} mot ${phrase}`;
  return { status: band.status, explanation: `${sentence}: ${verdict}` };
}

function evaluateLastYear(context: TargetContext, value: Decimal, direction: Direction, baselineYear: number | undefined): Evaluation {
  const baseline = baselineYear === undefined ? yearsBefore(context.period, 1) : inYear(context.period, baselineYear);
  const reference = referenceOf(context.actual) ?? valueOf(context.findActual(baseline));
  if (reference === null) return notMeasured(`Jämförelsevärde saknas: utfall för ${formatPeriod(baseline)} behövs`);
  const unit = unitOf(context.indicator, '');
  const lead = `Utfall ${printWithUnit(value, unit)} mot ${printWithUnit(reference, unit)} för ${formatPeriod(baseline)}`;
  return compare(context, { value, bound: reference, requirement: DIRECTION_REQUIREMENTS[direction], unit, lead, aside: true });
}

function evaluatePeerGroup(context: TargetContext, value: Decimal, target: Extract<Target, { kind: 'relative-to-peer-group' }>): Evaluation {
  const reference = referenceOf(context.actual);
  if (reference === null) {
    return notMeasured(`Jämförelsevärde saknas: ${genitive(target.peerGroup)} värde för ${formatPeriod(context.period)} behövs`);
  }
  const difference = value.minus(reference);
  // A one-sided gap when the indicator says which way is better; otherwise the distance either way.
  const measured =
    context.indicator.direction === 'higher-better' ? reference.minus(value) : context.indicator.direction === 'lower-better' ? difference : difference.abs();
  const unit = unitOf(context.indicator, '');
  const relation = describeTarget({ kind: 'comparison', operator: target.operator, operatorSpace: '', amount: target.gap }).toLowerCase();
  const phrase = `målvärde differens ${relation}`;
  const lead =
    `Utfall ${printWithUnit(value, unit)} mot ${target.peerGroup} ${printWithUnit(reference, unit)}, ` +
    `differens ${quantity(difference.abs(), 'procentenheter')}`;
  return compare(context, { value: measured, bound: target.gap.value, requirement: relationOf(target.operator), unit: target.gap.unit, lead, aside: true, phrase });
}

function evaluateQuantity(context: TargetContext, value: Decimal, target: Extract<Target, { kind: 'relative-to-quantity' }>): Evaluation {
  const reference = referenceOf(context.actual);
  const percentOutcome = parseFigure(context.actual.text).percent === true || unitKind(context.indicator.unit ?? '') === 'percent';
  if (reference === null && !percentOutcome) {
    return notMeasured(`Basen saknas: ${target.base} för ${formatPeriod(context.period)} behövs, eller ett utfall i procent`);
  }
  if (reference !== null && reference.isZero()) return notMeasured(`Basen (${target.base}) är 0, så andelen kan inte beräknas`);
  const share = reference === null ? value : value.dividedBy(reference).times(100);
  const lead = reference === null ? `Utfall ${printWithUnit(share, '%')}` : `Utfall ${printNumber(value)} av ${printNumber(reference)} (${printWithUnit(share, '%')})`;
  const requirement = target.operator ? relationOf(target.operator) : fromDirection(context.indicator.direction);
  return compare(context, { value: share, bound: target.share.value, requirement, unit: '%', lead });
}

function evaluateExternalGap(context: TargetContext, value: Decimal, target: Extract<Target, { kind: 'gap-to-external-series' }>): Evaluation {
  const reference = referenceOf(context.actual);
  if (reference === null) return notMeasured(`Jämförelsevärde saknas: ${target.series} för ${formatPeriod(context.period)} behövs`);
  const baseline = target.baselineYear === undefined ? yearsBefore(context.period, 1) : inYear(context.period, target.baselineYear);
  const before = context.findActual(baseline);
  const beforeValue = valueOf(before);
  const beforeReference = before ? referenceOf(before) : null;
  if (beforeValue === null || beforeReference === null) {
    return notMeasured(`Skillnaden mot ${target.series} för ${formatPeriod(baseline)} saknas: utfall och jämförelsevärde för ${formatPeriod(baseline)} behövs`);
  }
  const gap = value.minus(reference).abs();
  const baselineGap = beforeValue.minus(beforeReference).abs();
  const unit = unitOf(context.indicator, '');
  const lead = `Skillnad mot ${target.series} ${quantity(gap, differenceUnitOf(unit))} mot ${quantity(baselineGap, differenceUnitOf(unit))} för ${formatPeriod(baseline)}`;
  return compare(context, { value: gap, bound: baselineGap, requirement: DIRECTION_REQUIREMENTS[target.direction], unit, lead, aside: true });
}

const DIRECTION_REQUIREMENTS: Record<Direction, Requirement> = {
  increase: 'above',
  'not-decrease': 'at-least',
  decrease: 'below',
  'not-increase': 'at-most',
};

/** The requirement an indicator's direction gives a plain value; higher is better unless it says otherwise. */
export function fromDirection(direction: Indicator['direction']): Requirement {
  if (direction === 'lower-better') return 'at-most';
  if (direction === 'closer-better') return 'closer';
  return 'at-least';
}

/** "målvärde 80 %", "målvärde över 95 %", "målvärde högre än föregående år". */
export function targetPhrase(target: Target): string {
  const description = describeTarget(target);
  // "Över 95 %" → "över 95 %", but an abbreviation stays: "NKI minst 75".
  const isAbbreviation = /^\p{Lu}{2}/u.test(description);
  const lower = isAbbreviation ? description : description[0]!.toLowerCase() + description.slice(1);
  return lower.startsWith('målvärde') ? lower : `målvärde ${lower}`;
}

function unitOf(indicator: Indicator, targetUnit: string): string {
  return targetUnit || indicator.unit || '';
}

function differenceUnitOf(unit: string): string {
  return unitKind(unit) === 'percent' ? 'procentenheter' : unit;
}

function referenceOf(actual: ActualEntry): Decimal | null {
  return actual.reference === undefined ? null : parseFigure(actual.reference).value;
}

function valueOf(actual: ActualEntry | undefined): Decimal | null {
  return actual ? parseFigure(actual.text).value : null;
}

function genitive(name: string): string {
  return /[sxz]$/.test(name) ? name : `${name}s`;
}

export function notMeasured(explanation: string): Evaluation {
  return { status: 'not-measured', explanation };
}
