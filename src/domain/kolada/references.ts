/**
 * Kolada figures as reference series for targets ("bättre än riket", "i nivå med liknande
 * kommuner"): a series is named `kolada:<KPI>:<gender>:<reference>` (e.g. "kolada:N31807:T:country",
 * "kolada:N31807:T:group-mean") and looked up per period ('YYYY'), so the status rules can ask for
 * a reference by series name and period without knowing about Kolada.
 */
import type { Decimal } from 'decimal.js';
import { referenceValue, type Comparison, type ComparisonReference } from './compare.ts';
import type { Gender } from './model.ts';

const references: readonly ComparisonReference[] = ['own', 'country', 'group-mean', 'group-median', 'group-min', 'group-max', 'group-lower-quartile', 'group-upper-quartile'];

/** The name of a Kolada reference series. */
export function koladaSeriesName(kpi: string, gender: Gender, reference: ComparisonReference): string {
  return `kolada:${kpi}:${gender}:${reference}`;
}

/** Reads a series name back; null for names that are not Kolada's. */
export function readKoladaSeriesName(name: string): { kpi: string; gender: Gender; reference: ComparisonReference } | null {
  const match = /^kolada:([A-Z]\d+):([TKM]):([a-z-]+)$/.exec(name);
  if (!match || !(references as readonly string[]).includes(match[3]!)) return null;
  return { kpi: match[1]!, gender: match[2] as Gender, reference: match[3] as ComparisonReference };
}

/** A lookup (series name, period) → value over comparisons (e.g. a KPI's series); null when missing. */
export function koladaReferences(comparisons: readonly Comparison[]): (series: string, period: string) => Decimal | null {
  const byKey = new Map(comparisons.map((c) => [`${c.kpi}|${c.gender}|${c.year}`, c]));
  return (series, period) => {
    const name = readKoladaSeriesName(series);
    if (!name || !/^\d{4}$/.test(period)) return null;
    const comparison = byKey.get(`${name.kpi}|${name.gender}|${period}`);
    return comparison ? referenceValue(comparison, name.reference) : null;
  };
}
