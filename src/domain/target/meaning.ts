/**
 * What a target's signs, words and units ask of an outcome, for the status rules: which relation a
 * comparison sign means, which way the target's own words say is better, what a unit measures,
 * and whether a status can be computed at all.
 */
import type { Operator, Relation, Target } from './types.ts';

/** A target a status can be computed from. */
export type MachineReadableTarget = Exclude<Target, { kind: 'qualitative' | 'reported' }>;

const RELATIONS: Record<Operator, Relation> = {
  '>': 'above',
  '>=': 'at-least',
  '≥': 'at-least',
  '<': 'below',
  '<=': 'at-most',
  '≤': 'at-most',
};

/** Which way is better, as an indicator states it (riktning). */
export type BetterDirection = 'higher-better' | 'lower-better';

/**
 * Whether a status can be computed from numeric outcomes (and the reference values a kind
 * names). Qualitative targets are judged by hand; a target that is only reported has nothing to reach.
 */
export function isMachineReadable(target: Target): target is MachineReadableTarget {
  return target.kind !== 'qualitative' && target.kind !== 'reported';
}

/** What a comparison sign asks of the outcome: ">" above, "≥" at least, and so on. */
export function relationOf(operator: Operator): Relation {
  return RELATIONS[operator];
}

/**
 * The direction the target's own words state: "högst", "minska", "lägre", "under", "<" say lower
 * is better; "minst", "öka", "högre", ">" say higher is better. Null when the words do not say
 * ("80 %", "i nivå med riket", "bättre än riket", "21/57/22 %"): never guessed.
 */
export function statedDirection(target: Target): BetterDirection | null {
  switch (target.kind) {
    case 'value':
    case 'survey-index':
      return target.qualifier ? directionOfRelation(target.qualifier.bound) : null;
    case 'comparison':
      return directionOfRelation(relationOf(target.operator));
    case 'relative-to-quantity':
      return target.operator ? directionOfRelation(relationOf(target.operator)) : null;
    case 'relative-to-last-year':
      return target.direction === 'increase' || target.direction === 'not-decrease' ? 'higher-better' : 'lower-better';
    case 'relative-to-external-series':
      return target.relation === 'above' || target.relation === 'at-least' ? 'higher-better' : target.relation === 'below' || target.relation === 'at-most' ? 'lower-better' : null;
    case 'in-sentence':
      return statedDirection(target.target);
    default:
      return null;
  }
}

function directionOfRelation(relation: Relation): BetterDirection {
  return relation === 'above' || relation === 'at-least' ? 'higher-better' : 'lower-better';
}

/** What a printed unit measures: "%" percent, "%-enheter" percentage points (procentenheter). */
export function unitKind(unit: string): 'percent' | 'percentage-points' | 'none' | 'other' {
  if (unit === '%' || unit === 'procent') return 'percent';
  if (unit === '%-enheter' || unit === 'procentenheter') return 'percentage-points';
  return unit === '' ? 'none' : 'other';
}
