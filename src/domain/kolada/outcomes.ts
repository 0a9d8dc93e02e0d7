/**
 * Kolada in the follow-up (issue 15.4): where the plan names Kolada as an indicator's source, the
 * own municipality's Kolada value is the year's outcome (printed in sv-SE with its provenance),
 * unless the plan has an outcome for that year already; and the linked KPI's comparisons are the
 * reference values targets such as "bättre än riket" or "i nivå med liknande kommuner" ask for.
 */
import type { Decimal } from 'decimal.js';
import { formatAmount } from '../format.ts';
import type { PlanFile } from '../plan.ts';
import type { ReferenceLookup } from '../status-context.ts';
import type { Comparison } from './compare.ts';
import { koladaProvenance, namesKoladaAsSource } from './links.ts';
import { koladaReferenceLookup, type IndicatorComparisons } from './references.ts';

/** An indicator's first linked KPI with its comparisons year by year. */
export interface IndicatorKolada {
  kpi: string;
  publicationDate: string | null;
  years: readonly Comparison[];
}

/** The own value as Kolada prints it, with a decimal comma ("2,900755"; "329"). */
function printed(value: Decimal): string {
  return formatAmount(value);
}

/** The plan with Kolada's own values as outcomes of the indicators whose source is Kolada, for the plan's years without an outcome. */
export function withKoladaOutcomes(plan: PlanFile, byIndicator: ReadonlyMap<string, IndicatorKolada>): PlanFile {
  const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const planYears = new Set(years(plan.plan.periodStart - 1, plan.plan.periodEnd));
  let changed = false;
  const indicators = plan.indicators.map((indicator) => {
    const kolada = byIndicator.get(indicator.key);
    if (!kolada || !namesKoladaAsSource(indicator.source)) return indicator;
    const present = new Set(indicator.actuals.map((a) => a.period));
    const added = kolada.years
      .filter((c) => c.own.value !== null && planYears.has(c.year) && !present.has(String(c.year)))
      .map((c) => ({ period: String(c.year), text: printed(c.own.value!), source: koladaProvenance(kolada.publicationDate) }));
    if (added.length === 0) return indicator;
    changed = true;
    return { ...indicator, actuals: [...indicator.actuals, ...added].sort((a, b) => a.period.localeCompare(b.period)) };
  });
  return changed ? { ...plan, indicators } : plan;
}

/** The reference values for the status rules from the indicators' Kolada comparisons. */
export function koladaReferences(byIndicator: ReadonlyMap<string, IndicatorKolada>): ReferenceLookup {
  const comparisons = new Map<string, IndicatorComparisons>([...byIndicator].map(([key, kolada]) => [key, { group: kolada.years }]));
  return koladaReferenceLookup(comparisons);
}
