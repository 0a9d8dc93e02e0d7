/**
 * Targets that name an external series: "i nivå med riket", "bättre än kommungenomsnittet",
 * "lägre än liknande kommuner", "bland de 25 % bästa kommunerna". The series' value comes from the
 * outcome's `reference` or the reference lookup (Kolada); "bättre" and "bästa" need the
 * indicator's direction, and without it the status says the direction is missing.
 */
import { Decimal } from 'decimal.js';
import { formatPeriod } from './format.ts';
import { printWithUnit, type Requirement } from './status-band.ts';
import { compare, notMeasured, referenceValue, unitOf, type Evaluation, type TargetContext } from './status-context.ts';
import { directionMissing, resolveDirection } from './status-direction.ts';
import { printAmount } from './target/numbers.ts';
import { printTarget, type Target } from './target.ts';

type ExternalTarget = Extract<Target, { kind: 'relative-to-external-series' }>;
type RankTarget = Extract<Target, { kind: 'rank' }>;

/** The outcome against the series' value for the same period. */
export function evaluateExternalComparison(context: TargetContext, value: Decimal, target: ExternalTarget): Evaluation {
  const reference = referenceValue(context, target.series);
  if (reference === null) return notMeasured(`Jämförelsevärde saknas: ${target.series} för ${formatPeriod(context.period)} behövs`);
  const unit = unitOf(context.indicator, '');
  const lead = `Utfall ${printWithUnit(value, unit)} mot ${target.series} ${printWithUnit(reference, unit)}`;
  const fixed = FIXED[target.relation];
  if (fixed) return compare(context, { value, bound: reference, requirement: fixed, unit, lead, aside: true });
  const resolved = resolveDirection(context.indicator);
  const note = resolved?.note ? { note: resolved.note } : {};
  if (target.relation === 'level') {
    // "i nivå med": as close as the tolerance; better than the series is level too when the
    // direction is known, so only a shortfall counts.
    const direction = resolved?.direction;
    const measured = direction === 'higher-better' ? Decimal.min(value, reference) : direction === 'lower-better' ? Decimal.max(value, reference) : value;
    return compare(context, { value: measured, bound: reference, requirement: 'closer', unit, lead, aside: true, ...note });
  }
  if (!resolved || resolved.direction === 'closer-better') return directionMissing(printTarget(target), printWithUnit(value, unit));
  const higher = resolved.direction === 'higher-better';
  const requirement: Requirement = target.relation === 'better' ? (higher ? 'above' : 'below') : higher ? 'at-least' : 'at-most';
  return compare(context, { value, bound: reference, requirement, unit, lead, aside: true, ...note });
}

// Relations whose words say which way: "högre än", "lägre än", "minst i nivå med", "högst i nivå med".
const FIXED: Partial<Record<ExternalTarget['relation'], Requirement>> = {
  above: 'above',
  below: 'below',
  'at-least': 'at-least',
  'at-most': 'at-most',
};

/**
 * "bland de 25 % bästa kommunerna": the outcome against the value at the edge of the best share,
 * looked up as the series "de 25 % bästa kommunerna" (Kolada can compute it from all municipalities).
 */
export function evaluateRank(context: TargetContext, value: Decimal, target: RankTarget): Evaluation {
  const series = rankSeries(target);
  const edge = referenceValue(context, series);
  if (edge === null) return notMeasured(`Jämförelsevärde saknas: gränsen för ${series} ${formatPeriod(context.period)} behövs`);
  const unit = unitOf(context.indicator, '');
  const resolved = resolveDirection(context.indicator);
  if (!resolved || resolved.direction === 'closer-better') return directionMissing(printTarget(target), printWithUnit(value, unit));
  const requirement: Requirement = resolved.direction === 'higher-better' ? 'at-least' : 'at-most';
  const lead = `Utfall ${printWithUnit(value, unit)} mot gränsen för ${series} ${printWithUnit(edge, unit)}`;
  return compare(context, { value, bound: edge, requirement, unit, lead, aside: true, ...(resolved.note ? { note: resolved.note } : {}) });
}

/** The series a rank target is looked up by: "de 25 % bästa kommunerna". */
export function rankSeries(target: RankTarget): string {
  return `de ${printAmount(target.share)} bästa ${target.group}`;
}
