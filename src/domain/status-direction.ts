/**
 * Which way is better for a target whose words do not say ("80 %", "bättre än riket", "bland de
 * 25 % bästa"): the indicator's stated direction, else the words of the indicator's other targets
 * when they all agree ("Minst 80 %" for 2023 says higher is better for "85 %" in 2024). Never
 * guessed: without either the status is 'no-direction' (riktning saknas), and it says so.
 */
import type { Indicator } from './plan.ts';
import type { Requirement } from './status-band.ts';
import type { Evaluation } from './status-context.ts';
import { parseTarget, statedDirection, type BetterDirection } from './target.ts';

export interface ResolvedDirection {
  direction: BetterDirection | 'closer-better';
  /** Where it came from when not the indicator itself: "riktning från målvärdet för 2023 ”Minst 80 %”". */
  note?: string;
}

/** The indicator's direction, else the one its targets' words agree on, else null. */
export function resolveDirection(indicator: Indicator): ResolvedDirection | null {
  if (indicator.direction) return { direction: indicator.direction };
  const stated = indicator.targets
    .map((target) => ({ target, direction: statedDirection(parseTarget(target.text)) }))
    .filter((entry): entry is { target: Indicator['targets'][number]; direction: BetterDirection } => entry.direction !== null);
  const directions = new Set(stated.map((entry) => entry.direction));
  if (directions.size !== 1) return null;
  const first = stated[0]!;
  return { direction: first.direction, note: `riktning från målvärdet för ${first.target.year} ”${first.target.text}”` };
}

/** The requirement a plain value asks for in a direction: at least, at most, or as close as possible. */
export function requirementOf(direction: ResolvedDirection['direction']): Requirement {
  if (direction === 'lower-better') return 'at-most';
  if (direction === 'closer-better') return 'closer';
  return 'at-least';
}

/** The status when no direction can be found: never green, and the explanation says what is missing. */
export function directionMissing(targetText: string, outcome: string): Evaluation {
  return {
    status: 'no-direction',
    explanation: `Riktning saknas: varken målvärdet "${targetText}" eller styrtalet säger om högre eller lägre är bättre (utfall ${outcome})`,
  };
}
