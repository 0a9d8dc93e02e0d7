/**
 * Kolada figures as the reference values targets ask for ("bättre än riket", "i nivå med liknande
 * kommuner", "bland de 25 % bästa kommunerna"): a ReferenceLookup (src/domain/status-context.ts)
 * over an indicator's Kolada comparisons, by the series words the target prints and the year.
 */
import type { Decimal } from 'decimal.js';
import type { ReferenceLookup } from '../status-context.ts';
import { referenceValue, type Comparison, type ComparisonReference } from './compare.ts';
import { quantile, sortAscending } from './statistics.ts';

/** An indicator's comparisons per year: against its comparison group, and against all municipalities. */
export interface IndicatorComparisons {
  group: readonly Comparison[];
  /** The same KPI against "Alla kommuner" (for kommungenomsnittet and "de 25 % bästa"). */
  all?: readonly Comparison[];
}

/** Which figure a series' words name; null for series Kolada does not give (a base quantity, another group). */
export function seriesReference(series: string): { reference: ComparisonReference; of: 'group' | 'all' } | { bestShare: number } | null {
  const words = series.trim().toLowerCase().replace(/\s+/g, ' ');
  const best = /^de (\d+(?:[,.]\d+)?) ?% bästa/.exec(words);
  if (best) return { bestShare: Number(best[1]!.replace(',', '.')) / 100 };
  if (words === 'riket' || words === 'rikssnittet' || words === 'rikets') return { reference: 'country', of: 'group' };
  if (words.startsWith('liknande kommuner') || words === 'jämförbara kommuner') return { reference: 'group-mean', of: 'group' };
  if (words === 'kommungenomsnittet' || words === 'alla kommuner' || words === 'snittet för alla kommuner') return { reference: 'group-mean', of: 'all' };
  return null;
}

/** The value at the edge of the best share of the municipalities, the best end by the comparison's order. */
function bestShareEdge(comparison: Comparison, share: number): Decimal | null {
  const values = sortAscending(comparison.group?.ranking.filter((r) => !r.isOwn || comparison.group?.ownIsMember).map((r) => r.value) ?? []);
  return quantile(values, comparison.order === 'lowest-first' ? share : 1 - share);
}

/** A reference lookup for indicators linked to Kolada (by indicator key); other series and indicators give undefined. */
export function koladaReferenceLookup(byIndicator: ReadonlyMap<string, IndicatorComparisons>): ReferenceLookup {
  return ({ indicatorKey, series, period }) => {
    const comparisons = byIndicator.get(indicatorKey);
    const wanted = seriesReference(series);
    if (!comparisons || !wanted || !/^\d{4}$/.test(period)) return undefined;
    const year = Number(period);
    if ('bestShare' in wanted) {
      const all = comparisons.all?.find((c) => c.year === year);
      return all ? bestShareEdge(all, wanted.bestShare) : undefined;
    }
    const comparison = (wanted.of === 'all' ? comparisons.all : comparisons.group)?.find((c) => c.year === year);
    return comparison ? referenceValue(comparison, wanted.reference) : undefined;
  };
}
