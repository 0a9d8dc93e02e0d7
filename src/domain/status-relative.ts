/**
 * Targets measured against an earlier outcome: ">föregående år", "ska inte minska jämfört med
 * 2023", "öka med 3 procentenheter", and the gap to an external series against a baseline year
 * ("skillnaden mot riket ska minska jämfört med 2022").
 */
import { Decimal } from 'decimal.js';
import { parseFigure } from './figure.ts';
import { formatPeriod } from './format.ts';
import { inYear, yearsBefore } from './period.ts';
import { printNumber, printWithUnit, quantity, type Requirement } from './status-band.ts';
import { compare, notMeasured, referenceValue, unitOf, valueOf, type Evaluation, type TargetContext } from './status-context.ts';
import { unitKind, type Direction, type Target } from './target.ts';

type LastYearTarget = Extract<Target, { kind: 'relative-to-last-year' }>;

/** The outcome against the baseline's: the reference given, else the outcome of the baseline period. */
export function evaluateLastYear(context: TargetContext, value: Decimal, target: LastYearTarget): Evaluation {
  const baseline = baselinePeriod(context.period, target.baselineYear);
  const given = context.actual.reference === undefined ? null : parseFigure(context.actual.reference).value;
  const reference = given ?? valueOf(context.findActual(baseline));
  if (reference === null) return notMeasured(`Jämförelsevärde saknas: utfall för ${formatPeriod(baseline)} behövs`);
  const unit = unitOf(context.indicator, '');
  const lead = `Utfall ${printWithUnit(value, unit)} mot ${printWithUnit(reference, unit)} för ${formatPeriod(baseline)}`;
  if (target.by) return evaluateChange(context, { value, reference, lead, target, by: target.by });
  return compare(context, { value, bound: reference, requirement: DIRECTION_REQUIREMENTS[target.direction], unit, lead, aside: true });
}

interface Change {
  value: Decimal;
  reference: Decimal;
  lead: string;
  target: LastYearTarget;
  by: NonNullable<LastYearTarget['by']>;
}

/**
 * "öka med 3 procentenheter": the change from the baseline must reach the amount. A change in
 * "%" or "procent" is relative to the baseline value; in procentenheter or any other unit, absolute.
 */
function evaluateChange(context: TargetContext, change: Change): Evaluation {
  const { value, reference, lead, target, by } = change;
  const relative = unitKind(by.unit) === 'percent';
  if (relative && reference.isZero()) return notMeasured('Förändringen i procent kan inte räknas från 0');
  const difference = target.direction === 'increase' ? value.minus(reference) : reference.minus(value);
  const measured = relative ? difference.dividedBy(reference.abs()).times(100) : difference;
  const word = target.direction === 'increase' ? 'ökning' : 'minskning';
  const told = relative ? `${printNumber(measured)} %` : quantity(measured, by.unit === '%-enheter' ? 'procentenheter' : by.unit);
  return compare(context, { value: measured, bound: by.value, requirement: 'at-least', unit: relative ? '%' : by.unit, lead: `${lead}, ${word} ${told}`, aside: true });
}

type GapTarget = Extract<Target, { kind: 'gap-to-external-series' }>;

/** The gap to an external series now against the same gap in the baseline period. */
export function evaluateExternalGap(context: TargetContext, value: Decimal, target: GapTarget): Evaluation {
  const reference = referenceValue(context, target.series);
  if (reference === null) return notMeasured(`Jämförelsevärde saknas: ${target.series} för ${formatPeriod(context.period)} behövs`);
  const baseline = baselinePeriod(context.period, target.baselineYear);
  const beforeValue = valueOf(context.findActual(baseline));
  const beforeReference = referenceValue(context, target.series, baseline);
  if (beforeValue === null || beforeReference === null) {
    return notMeasured(`Skillnaden mot ${target.series} för ${formatPeriod(baseline)} saknas: utfall och jämförelsevärde för ${formatPeriod(baseline)} behövs`);
  }
  const gap = value.minus(reference).abs();
  const baselineGap = beforeValue.minus(beforeReference).abs();
  const unit = unitOf(context.indicator, '');
  const differenceUnit = unitKind(unit) === 'percent' ? 'procentenheter' : unit;
  const lead = `Skillnad mot ${target.series} ${quantity(gap, differenceUnit)} mot ${quantity(baselineGap, differenceUnit)} för ${formatPeriod(baseline)}`;
  return compare(context, { value: gap, bound: baselineGap, requirement: DIRECTION_REQUIREMENTS[target.direction], unit, lead, aside: true });
}

function baselinePeriod(period: string, baselineYear: number | undefined): string {
  return baselineYear === undefined ? yearsBefore(period, 1) : inYear(period, baselineYear);
}

const DIRECTION_REQUIREMENTS: Record<Direction, Requirement> = {
  increase: 'above',
  'not-decrease': 'at-least',
  decrease: 'below',
  'not-increase': 'at-most',
};
