/**
 * What a target's signs and units ask of an outcome, for the status rules: which relation a
 * comparison sign means, what a unit measures, and whether a status can be computed at all.
 */
import type { Operator, Relation, Target } from './types.ts';

const RELATIONS: Record<Operator, Relation> = {
  '>': 'above',
  '>=': 'at-least',
  '≥': 'at-least',
  '<': 'below',
  '<=': 'at-most',
  '≤': 'at-most',
};

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
