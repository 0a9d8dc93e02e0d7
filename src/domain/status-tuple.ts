/**
 * Tuple targets ("21/57/22 %", "85, 85, 85/85, 85, 90/90, 90, 85 %", "79/21 respektive 8/50/42"):
 * the outcome is printed in the same shape, every number is evaluated against its part, and the
 * tuple as a whole takes the worst part's status.
 */
import { Decimal } from 'decimal.js';
import { parseSwedishNumber } from './figure.ts';
import { printWithUnit, statusWord, toleranceFor, worstStatus, type Requirement, type Status } from './status-band.ts';
import type { Evaluation, PartStatus, TargetContext } from './status-context.ts';
import { directionMissing, requirementOf, resolveDirection } from './status-direction.ts';
import { judge } from './status-rule.ts';
import { printTarget, type TupleTarget } from './target.ts';

// Declared with the evaluation it is part of (status-context.ts), so the two modules do not import each other.
export type { PartStatus } from './status-context.ts';

/** Reads "20/58/22 %" or "86, 84, 88/85, 87, 91/90, 92, 84" into tuples → parts → numbers, or null. */
export function parseTupleOutcome(text: string): Decimal[][][] | null {
  const body = text.trim().replace(/\s*(%|procent)$/, '');
  // As in the target, numbers of a part are separated by ", " (comma and space), so "85,5" is one number.
  const tuples = body.split(/\s+respektive\s+/).map((tuple) => tuple.split('/').map((part) => part.split(/,\s+/).map((n) => parseSwedishNumber(n.trim()))));
  return tuples.some((tuple) => tuple.some((part) => part.some((n) => n === null))) ? null : (tuples as Decimal[][][]);
}

/** Evaluates a tuple outcome against a tuple target, part by part and together, by the plan's rule. */
export function evaluateTuple(context: TargetContext, target: TupleTarget, text: string): Evaluation {
  const { indicator } = context;
  const outcome = parseTupleOutcome(text);
  const shape = target.tuples.map((tuple) => tuple.parts.map((part) => part.length));
  if (!outcome || JSON.stringify(outcome.map((tuple) => tuple.map((part) => part.length))) !== JSON.stringify(shape)) {
    const count = shape.flat().reduce((a, b) => a + b, 0);
    return { status: 'not-measured', explanation: `Utfallet "${text}" har inte målvärdets form (${count} tal, som "${exampleShape(target)}")` };
  }
  const requirement = tupleRequirement(context, target);
  if (requirement === null) return directionMissing(printTarget(target), text.trim());
  const parts: PartStatus[] = [];
  target.tuples.forEach((tuple, t) =>
    tuple.parts.forEach((part, p) =>
      part.forEach((number, n) => {
        const unit = tuple.unit || indicator.unit || '';
        const actual = outcome[t]![p]![n]!;
        const tolerance = toleranceFor(indicator.tolerance, number.value);
        const { status, verdict } = judge({ value: actual, bound: number.value, requirement, unit, tolerance }, context.rule);
        const label = labelOf(target, t, p, n);
        const explanation = `${capitalize(label)}, utfall ${printWithUnit(actual, unit)} mot ${printWithUnit(number.value, unit)}: ${verdict}`;
        parts.push({ label, target: printWithUnit(number.value, unit), actual: printWithUnit(actual, unit), status, explanation });
      }),
    ),
  );
  const status = worstStatus(parts.map((part) => part.status));
  const met = parts.filter((part) => part.status === 'green').length;
  const lead = `Utfall ${text.trim()} mot målvärde ${printedTarget(target)}${requirement === 'closer' ? ' (närmare är bättre)' : ''}`;
  if (status === 'green') return { status, explanation: `${lead}: alla ${parts.length} delar uppfyllda`, parts };
  const worst = parts.find((part) => part.status === status)!;
  return { status, explanation: `${lead}: ${met} av ${parts.length} delar uppfyllda, ${worst.label} ${statusWord(status)}`, parts };
}

/**
 * The indicator's direction, when stated, decides. Otherwise shares that add up to 100 (ålders- och
 * könsfördelning) should come as close as possible, which the explanation says ("närmare är
 * bättre"); other tuples (survey scores) have no direction to go by: null, never a guess.
 */
function tupleRequirement(context: TargetContext, target: TupleTarget): Requirement | null {
  if (context.indicator.direction) return requirementOf(context.indicator.direction);
  if (isShares(target)) return 'closer';
  const resolved = resolveDirection(context.indicator);
  return resolved ? requirementOf(resolved.direction) : null;
}

function isShares(target: TupleTarget): boolean {
  return target.tuples.every(
    (tuple) => tuple.parts.every((part) => part.length === 1) && tuple.parts.reduce((sum, part) => sum.plus(part[0]!.value), new Decimal(0)).equals(100),
  );
}

/** "del 2" in "21/57/22 %"; "del 2.3" in "85, 85, 85/85, 85, 90/…"; "del 2.1" in "79/21 respektive 8/50/42". */
function labelOf(target: TupleTarget, t: number, p: number, n: number): string {
  const indices: number[] = [];
  if (target.tuples.length > 1) indices.push(t + 1);
  indices.push(p + 1);
  if (target.tuples[t]!.parts[p]!.length > 1) indices.push(n + 1);
  return `del ${indices.join('.')}`;
}

function printedTarget(target: TupleTarget): string {
  return target.tuples
    .map((tuple) => tuple.parts.map((part) => part.map((n) => printWithUnit(n.value, '')).join(', ')).join('/') + (tuple.unit ? ` ${tuple.unit}` : ''))
    .join(' respektive ');
}

function exampleShape(target: TupleTarget): string {
  return target.tuples.map((tuple) => tuple.parts.map((part) => part.map(() => 'x').join(', ')).join('/')).join(' respektive ');
}

function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
