/**
 * Carry forward (det som följer med): opening the next round shows each node what it wrote for the
 * same item in the previous round, for reference; a round for a year gathers what the node wrote
 * for the item in the year's shorter rounds (tertials, the delårsrapport, months) for the editor.
 */
import { comparePeriodEnds, isYearPeriod, periodContains } from '../period.ts';
import type { ContributionValue } from './contributions.ts';

/** What a node wrote for an item in one round. */
export interface EarlierContribution extends ContributionValue {
  period: string;
  node: string;
  itemKey: string;
  writtenBy: string;
}

export interface CarriedForward {
  /** The same item in the latest earlier round, or null. */
  previous: EarlierContribution | null;
  /** A year's round: the item in the year's shorter rounds, in order; otherwise empty. */
  withinYear: EarlierContribution[];
}

/** What carries forward to an item of a node in a round of `period`, from the plan's other rounds. */
export function carriedForward(options: { period: string; node: string; itemKey: string; earlier: EarlierContribution[] }): CarriedForward {
  const { period, node, itemKey } = options;
  const same = options.earlier.filter((entry) => entry.node === node && entry.itemKey === itemKey && entry.period !== period);
  const before = same.filter((entry) => comparePeriodEnds(entry.period, period) < 0).sort((a, b) => comparePeriodEnds(b.period, a.period));
  const withinYear = isYearPeriod(period) ? same.filter((entry) => periodContains(period, entry.period)).sort((a, b) => comparePeriodEnds(a.period, b.period)) : [];
  return { previous: before[0] ?? null, withinYear };
}
