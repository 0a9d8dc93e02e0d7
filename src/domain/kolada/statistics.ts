/**
 * Descriptive statistics of a group's values, exact in decimals: the unweighted mean (as Kolada's
 * "ovägt medel"), quartiles by linear interpolation, and ranks where ties share the best place.
 */
import { Decimal } from 'decimal.js';

/** The unweighted mean, or null for no values. */
export function mean(values: readonly Decimal[]): Decimal | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum.plus(value), new Decimal(0)).dividedBy(values.length);
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, by linear interpolation between the
 * closest ranks: h = (n − 1)·p. This is Excel's KVARTIL.INK / QUARTILE.INC and R's default
 * (type 7), so a controller can check the figures in a spreadsheet.
 */
export function quantile(sorted: readonly Decimal[], p: number): Decimal | null {
  if (sorted.length === 0) return null;
  const h = new Decimal(sorted.length - 1).times(p);
  const lower = h.floor().toNumber();
  const below = sorted[lower]!;
  const above = sorted[Math.min(lower + 1, sorted.length - 1)]!;
  return below.plus(h.minus(lower).times(above.minus(below)));
}

/** Which end of a ranking is place 1. */
export type RankOrder = 'lowest-first' | 'highest-first';

/**
 * The place of each value: 1 + the number of values strictly before it in the order, so equal
 * values share the best place and the next place is skipped (1, 2, 2, 4).
 */
export function competitionRanks(values: readonly Decimal[], order: RankOrder): number[] {
  const sign = order === 'lowest-first' ? 1 : -1;
  const indices = values.map((_, i) => i).sort((a, b) => sign * values[a]!.comparedTo(values[b]!));
  const ranks = new Array<number>(values.length);
  indices.forEach((index, position) => {
    const previous = indices[position - 1];
    ranks[index] = previous !== undefined && values[previous]!.equals(values[index]!) ? ranks[previous]! : position + 1;
  });
  return ranks;
}

/** Values sorted ascending. */
export function sortAscending(values: readonly Decimal[]): Decimal[] {
  return [...values].sort((a, b) => a.comparedTo(b));
}

/** The number of decimals the most precise value has, capped: the precision derived figures print with. */
export function printPrecision(values: readonly Decimal[], cap = 6): number {
  return Math.min(cap, Math.max(0, ...values.map((value) => value.decimalPlaces())));
}
