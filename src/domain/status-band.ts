/**
 * The traffic-light rule of one comparison: an outcome against a bound, in a direction, with a
 * yellow band (tolerance) beyond the point where the target stops being met. Every status of the
 * follow-up ends here, so the rule and its Swedish wording are written once (docs/follow-up.md).
 */
import { Decimal } from 'decimal.js';
import { formatAmount } from './format.ts';
import type { IndicatorStatusValue } from './plan.ts';
import { unitKind } from './target.ts';

/**
 * An indicator's status: green / yellow / red (a judgement), or one that says why there is none:
 * not measured, the measure did not exist yet, not followed up, direction missing (riktning
 * saknas: the target and the indicator do not say which way is better), or only reported.
 */
export type Status = IndicatorStatusValue | 'no-direction' | 'reported';

/** Every status, judgements first, in the order legends and counts list them. */
export const allStatuses: readonly Status[] = ['green', 'yellow', 'red', 'no-direction', 'not-measured', 'no-measure', 'not-followed-up', 'reported'];

/** Green, yellow and red judge an outcome; the others say why there is no judgement. */
export function isJudged(status: Status): status is 'green' | 'yellow' | 'red' {
  return status === 'green' || status === 'yellow' || status === 'red';
}

/** What the outcome must be against the bound; 'closer' = as close as possible (närmare är bättre). */
export type Requirement = 'above' | 'at-least' | 'below' | 'at-most' | 'closer';

/** The default tolerance: 5 % of the bound it applies to (of the target value, the reference, the allowed gap). */
export const DEFAULT_TOLERANCE_SHARE = new Decimal('0.05');

export interface Band {
  status: 'green' | 'yellow' | 'red';
  /** Outcome minus bound. */
  difference: Decimal;
  tolerance: Decimal;
}

/**
 * green: the requirement is met; yellow: missed by no more than the tolerance (for 'closer':
 * green within the tolerance, yellow within twice it); red: beyond. ">" met exactly on the bound
 * is yellow: it is not above, but within any tolerance.
 */
export function evaluateBand(actual: Decimal, bound: Decimal, requirement: Requirement, tolerance: Decimal): Band {
  const difference = actual.minus(bound);
  const band = (status: Band['status']): Band => ({ status, difference, tolerance });
  switch (requirement) {
    case 'above':
      return band(difference.gt(0) ? 'green' : difference.gte(tolerance.neg()) ? 'yellow' : 'red');
    case 'at-least':
      return band(difference.gte(0) ? 'green' : difference.gte(tolerance.neg()) ? 'yellow' : 'red');
    case 'below':
      return band(difference.lt(0) ? 'green' : difference.lte(tolerance) ? 'yellow' : 'red');
    case 'at-most':
      return band(difference.lte(0) ? 'green' : difference.lte(tolerance) ? 'yellow' : 'red');
    case 'closer': {
      const distance = difference.abs();
      return band(distance.lte(tolerance) ? 'green' : distance.lte(tolerance.times(2)) ? 'yellow' : 'red');
    }
  }
}

/** The indicator's own tolerance (a decimal string in its unit), else 5 % of the bound's size. */
export function toleranceFor(stated: string | undefined, bound: Decimal): Decimal {
  return stated === undefined ? bound.abs().times(DEFAULT_TOLERANCE_SHARE) : new Decimal(stated);
}

/** How a verdict reads: "uppfyllt", "nära målet, 2 procentenheter under (tolerans 4,5)", "inte uppfyllt, 10 procentenheter under". */
export function verdictText(band: Band, requirement: Requirement, unit: string): string {
  const size = quantity(band.difference.abs(), differenceUnit(unit));
  const side = requirement === 'closer' ? 'från målet' : band.difference.gt(0) ? 'över' : band.difference.lt(0) ? 'under' : 'på gränsen';
  const gap = band.difference.isZero() ? 'exakt på gränsen' : `${size} ${side}`;
  if (band.status === 'green') return requirement === 'closer' && !band.difference.isZero() ? `uppfyllt, ${gap}` : 'uppfyllt';
  if (band.status === 'yellow') return `nära målet, ${gap} (tolerans ${printNumber(band.tolerance)})`;
  return `inte uppfyllt, ${gap}`;
}

/** The unit a difference is counted in: percentage points for per cent, else the unit itself. */
export function differenceUnit(unit: string): string {
  const kind = unitKind(unit);
  return kind === 'percent' || kind === 'percentage-points' ? 'procentenheter' : unit;
}

/** "2 procentenheter", "1 procentenhet", "3 per förvaltning", "7". */
export function quantity(value: Decimal, unit: string): string {
  if (unit === '') return printNumber(value);
  const word = unit === 'procentenheter' && value.equals(1) ? 'procentenhet' : unit;
  return `${printNumber(value)} ${word}`;
}

/** A number printed the Swedish way with at most two decimals: "4,75", "18 100", "-469". */
export function printNumber(value: Decimal): string {
  return formatAmount(value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
}

/** A number with its unit as an outcome reads: "84 %", "9 per förvaltning", "18 100". */
export function printWithUnit(value: Decimal, unit: string): string {
  if (unit === '') return printNumber(value);
  return unitKind(unit) === 'percent' ? `${printNumber(value)} %` : `${printNumber(value)} ${unit}`;
}

const STATUS_WORDS: Record<Status, string> = {
  green: 'grön',
  yellow: 'gul',
  red: 'röd',
  'not-measured': 'inte mätt',
  'no-measure': 'mått fanns inte',
  'not-followed-up': 'ej uppföljt',
  'no-direction': 'riktning saknas',
  reported: 'redovisas',
};

/** The Swedish words for a status: grön, gul, röd, inte mätt, riktning saknas … */
export function statusWord(status: Status): string {
  return STATUS_WORDS[status];
}

const PLURALS: Record<Status, string> = {
  green: 'gröna',
  yellow: 'gula',
  red: 'röda',
  'not-measured': 'inte mätta',
  'no-measure': 'mått fanns inte',
  'not-followed-up': 'ej uppföljda',
  'no-direction': 'riktning saknas',
  reported: 'redovisas',
};

/** "1 grön", "3 gula", "2 riktning saknas": a count with the status word in number. */
export function statusCount(status: Status, n: number): string {
  return `${n} ${n === 1 ? STATUS_WORDS[status] : PLURALS[status]}`;
}

/** The statuses that occur, counted, in legend order: "2 gröna, 1 röd, 1 riktning saknas". */
export function statusCounts(statuses: readonly Status[]): string {
  return allStatuses
    .map((status) => ({ status, n: statuses.filter((s) => s === status).length }))
    .filter(({ n }) => n > 0)
    .map(({ status, n }) => statusCount(status, n))
    .join(', ');
}

const SEVERITY: Record<Status, number> = { 'not-measured': 0, 'no-measure': 0, 'not-followed-up': 0, 'no-direction': 0, reported: 0, green: 1, yellow: 2, red: 3 };

/** The worse of statuses (red over yellow over green); not measured only when nothing is judged. */
export function worstStatus(statuses: Status[]): Status {
  return statuses.reduce<Status>((worst, status) => (SEVERITY[status] > SEVERITY[worst] ? status : worst), 'not-measured');
}

/** Orders statuses from worst to best, not measured last. */
export function compareSeverity(a: Status, b: Status): number {
  return SEVERITY[b] - SEVERITY[a];
}
