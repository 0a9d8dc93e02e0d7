/**
 * A plan's Kolada comparisons: for every linked measure and KPI, the KPI's series for the plan's
 * municipality against the link's comparison group and the country — what the CLI, the web app's
 * Jämförelse page, the follow-up status and the documents show.
 */
import type { Db } from '../db/connection.ts';
import { findLinks } from '../db/kolada-link-repository.ts';
import type { KoladaReportRow } from '../documents/kolada-section.ts';
import type { KoladaReport } from '../documents/report-view-model.ts';
import { isStyrkortError } from '../domain/errors.ts';
import { rankOrderFor } from '../domain/kolada/compare.ts';
import type { LinkedKpi, MeasureWithLink, PlanLinks } from '../domain/kolada/links.ts';
import { koladaReferences, withKoladaOutcomes, type IndicatorKolada } from '../domain/kolada/outcomes.ts';
import type { PlanFile } from '../domain/plan.ts';
import type { ReferenceLookup } from '../domain/status-context.ts';
import { kpiSeries, type SeriesView } from './kolada-compare-service.ts';
import { planKoladaLinks } from './kolada-link-service.ts';

export interface MeasureComparison {
  measure: MeasureWithLink;
  kpi: LinkedKpi;
  /** Null when the KPI has no values stored (the reason in `problem`). */
  series: SeriesView | null;
  problem: string | null;
}

/** Every linked measure's comparisons, in the plan's order. */
export async function planKoladaComparisons(db: Db, planKey: string): Promise<{ links: PlanLinks; comparisons: MeasureComparison[] }> {
  const links = await planKoladaLinks(db, planKey);
  const comparisons: MeasureComparison[] = [];
  for (const measure of links.measures) {
    for (const kpi of measure.kpis) {
      try {
        const query = { kpi: kpi.kpi, municipality: links.municipality, group: kpi.group ?? undefined, order: rankOrderFor(measure.direction ?? undefined) };
        let series = await kpiSeries(db, query);
        // A KPI published for women and men only (no total): the women's series, then the men's.
        for (const gender of ['K', 'M'] as const) if (series.years.length === 0) series = await kpiSeries(db, { ...query, gender });
        comparisons.push({ measure, kpi, series, problem: null });
      } catch (error) {
        if (!isStyrkortError(error) || (error.code !== 'not-found' && error.code !== 'usage')) throw error;
        comparisons.push({ measure, kpi, series: null, problem: error.message });
      }
    }
  }
  return { links, comparisons };
}

/** The year to show: the one asked for, else the latest with the own value, else the latest with any value. */
export function comparisonYear(series: SeriesView, wanted?: number): number | null {
  if (wanted !== undefined) return wanted;
  const withOwn = series.years.filter((y) => y.own.value !== null);
  const years = withOwn.length ? withOwn : series.years;
  return years.length ? years[years.length - 1]!.year : null;
}

/**
 * The plan as the follow-up reads it with Kolada: outcomes from Kolada where the plan names it as
 * the indicator's source, and the reference lookup for targets against the group or the country.
 * A plan without linked indicators costs one query and comes back as it was.
 */
export async function koladaFollowUp(db: Db, plan: PlanFile): Promise<{ plan: PlanFile; references: ReferenceLookup | undefined }> {
  const indicatorKeys = new Set(plan.indicators.map((i) => i.key));
  const links = (await findLinks(db, plan.municipality.code)).filter((l) => l.itemType === 'indicator' && indicatorKeys.has(l.measure) && l.kpis.length > 0);
  if (links.length === 0) return { plan, references: undefined };
  const byIndicator = new Map<string, IndicatorKolada>();
  for (const link of links) {
    const indicator = plan.indicators.find((i) => i.key === link.measure)!;
    const first = link.kpis[0]!;
    try {
      const series = await kpiSeries(db, { kpi: first.kpi, municipality: plan.municipality.code, group: first.group ?? undefined, order: rankOrderFor(indicator.direction) });
      byIndicator.set(link.measure, { kpi: first.kpi, publicationDate: series.kpi?.publicationDate ?? null, years: series.years });
    } catch (error) {
      if (!isStyrkortError(error) || (error.code !== 'not-found' && error.code !== 'usage')) throw error;
    }
  }
  return { plan: withKoladaOutcomes(plan, byIndicator), references: koladaReferences(byIndicator) };
}

/** The follow-up report's Kolada part for a period's year: every linked measure's comparison, and the reference values. */
export async function koladaReport(db: Db, planKey: string, plan: PlanFile, year: number): Promise<{ plan: PlanFile; report: KoladaReport | undefined }> {
  const followUp = await koladaFollowUp(db, plan);
  const { comparisons } = await planKoladaComparisons(db, planKey);
  const rows = comparisons.map((c): KoladaReportRow => {
    const upTo = c.series?.years.filter((y) => y.year <= year) ?? [];
    const withOwn = upTo.filter((y) => y.own.value !== null);
    const shown = withOwn.at(-1) ?? null;
    return {
      measure: c.measure.label,
      kpi: c.kpi.kpi,
      kpiTitle: c.kpi.title,
      year: shown?.year ?? null,
      gender: shown?.gender ?? 'T',
      own: shown?.own.value ?? null,
      groupMean: shown?.group?.statistics.mean ?? null,
      place: shown?.group?.ownPlace ? { place: shown.group.ownPlace.place, of: shown.group.ownPlace.of } : null,
      country: shown?.country ?? null,
      group: c.series?.group?.title ?? null,
      source: c.kpi.source,
    };
  });
  if (rows.length === 0 && !followUp.references) return { plan: followUp.plan, report: undefined };
  return { plan: followUp.plan, report: { rows, ...(followUp.references ? { references: followUp.references } : {}) } };
}
