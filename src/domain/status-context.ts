/**
 * What every target kind's status needs: the indicator, the period, the outcome, the plan's rule,
 * reference values of external series (the outcome's own `reference`, else a lookup such as
 * Kolada), and the one comparison step that turns a measurement into a status and a sentence.
 */
import { Decimal } from 'decimal.js';
import { parseFigure } from './figure.ts';
import type { ActualEntry, Indicator, StatusRule } from './plan.ts';
import { toleranceFor, type Requirement, type Status } from './status-band.ts';
import { judge } from './status-rule.ts';
import { describeTarget, type MachineReadableTarget, type Target } from './target.ts';

/** One number of a tuple target with its outcome and status. */
export interface PartStatus {
  /** "del 2", "del 1.3" (tuple or part, then number), as a reader counts. */
  label: string;
  target: string;
  actual: string | null;
  status: Status;
  explanation: string;
}

/** One reference value asked for: the indicator, the external series by name, the period. */
export interface ReferenceQuery {
  indicatorKey: string;
  /** As the target names it: "riket", "Norrlands kommuner", "kommungenomsnittet", "de 25 % bästa kommunerna". */
  series: string;
  period: string;
}

/**
 * Reference values of external series (riket, liknande kommuner, kommungenomsnittet, a peer
 * group, a base quantity): a number, its printed text, or nothing when it is not known. The
 * outcome's own `reference` is used first, for its own period; this fills in the rest (Kolada).
 */
export type ReferenceLookup = (query: ReferenceQuery) => Decimal | string | null | undefined;

/** What a status is computed with, beyond the indicator and the period. */
export interface EvaluationOptions {
  /** The plan's status rule; absent: the tolerance rule. */
  rule?: StatusRule;
  references?: ReferenceLookup;
}

export interface TargetContext extends EvaluationOptions {
  indicator: Indicator;
  period: string;
  target: MachineReadableTarget;
  actual: ActualEntry;
  /** Another period's outcome of the same indicator (for last year and baselines). */
  findActual(period: string): ActualEntry | undefined;
}

export interface Evaluation {
  status: Status;
  explanation: string;
  parts?: PartStatus[];
}

export interface Comparison {
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
  /** Said after the verdict: where the direction came from. */
  note?: string;
}

/** Judges a comparison by the plan's rule and says it in one sentence. */
export function compare(context: TargetContext, comparison: Comparison): Evaluation {
  const tolerance = toleranceFor(context.indicator.tolerance, comparison.bound);
  const { status, verdict } = judge({ ...comparison, tolerance }, context.rule);
  const phrase = comparison.phrase ?? targetPhrase(context.target);
  const sentence = comparison.aside ? `${comparison.lead} (${phrase})` : `${comparison.lead} mot ${phrase}`;
  return { status, explanation: `${sentence}: ${verdict}${comparison.note ? ` (${comparison.note})` : ''}` };
}

/** The reference value of a series for a period: the outcome's own for its period, else the lookup. */
export function referenceValue(context: TargetContext, series: string, period: string = context.period): Decimal | null {
  const own = period === context.period ? context.actual : context.findActual(period);
  if (own?.reference !== undefined) return parseFigure(own.reference).value;
  const found = context.references?.({ indicatorKey: context.indicator.key, series, period });
  if (found === null || found === undefined) return null;
  return typeof found === 'string' ? parseFigure(found).value : found;
}

/** "målvärde 80 %", "målvärde över 95 %", "målvärde högre än föregående år". */
export function targetPhrase(target: Target): string {
  const description = describeTarget(target);
  // "Över 95 %" → "över 95 %", but an abbreviation stays: "NKI minst 75".
  const isAbbreviation = /^\p{Lu}{2}/u.test(description);
  const lower = isAbbreviation ? description : description[0]!.toLowerCase() + description.slice(1);
  return lower.startsWith('målvärde') ? lower : `målvärde ${lower}`;
}

/** The unit an outcome is told in: the target's, else the indicator's. */
export function unitOf(indicator: Indicator, targetUnit: string): string {
  return targetUnit || indicator.unit || '';
}

/** The value of an outcome, or null when it is missing or not a number. */
export function valueOf(actual: ActualEntry | undefined): Decimal | null {
  return actual ? parseFigure(actual.text).value : null;
}

export function notMeasured(explanation: string): Evaluation {
  return { status: 'not-measured', explanation };
}
