/**
 * A measure's link to Kolada (issue 15.4): an indicator or a volume measure names the Kolada KPIs
 * it is compared with, each with its comparison group. Where the plan names Kolada as the
 * indicator's source, Kolada's own value is the outcome, with its provenance.
 */
import { StyrkortError, type Problem } from '../errors.ts';
import { isKpiId } from './model.ts';

export const linkItemTypes = ['indicator', 'volume'] as const;
export type LinkItemType = (typeof linkItemTypes)[number];

export interface KpiLink {
  kpi: string;
  /** The comparison group: an area ("IFO", "ekonomiskt bistånd"), a title or a G-id; null: the overall group. */
  group: string | null;
}

export interface MeasureLink {
  itemType: LinkItemType;
  measure: string;
  kpis: KpiLink[];
  version: number;
}

/** More than this is a mistake, not a use: every KPI is fetched and compared on each page view. */
export const MAX_KPIS_PER_MEASURE = 20;

/** Checks and normalises a measure's KPI list (ids upper-cased, each once); throws a Swedish validation error. */
export function normaliseKpiLinks(kpis: ReadonlyArray<{ kpi: string; group?: string | null }>): KpiLink[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const links: KpiLink[] = [];
  kpis.forEach((link, index) => {
    const kpi = link.kpi.trim().toUpperCase();
    const group = link.group?.trim() || null;
    if (!isKpiId(kpi)) problems.push({ path: `kpis.${index}.kpi`, message: `"${link.kpi}" är inget Kolada-id; ange t.ex. N31807` });
    else if (seen.has(kpi)) problems.push({ path: `kpis.${index}.kpi`, message: `${kpi} finns redan i listan` });
    seen.add(kpi);
    links.push({ kpi, group });
  });
  if (links.length > MAX_KPIS_PER_MEASURE) problems.push({ path: 'kpis', message: `Högst ${MAX_KPIS_PER_MEASURE} nyckeltal per mått` });
  if (problems.length) throw new StyrkortError('validation', 'Kopplingen till Kolada kunde inte sparas', problems);
  return links;
}

/** Whether the plan names Kolada as the indicator's source ("Kolada", "Källa: Kolada, RKA"). */
export function namesKoladaAsSource(source: string | undefined | null): boolean {
  return source !== undefined && source !== null && /\bkolada\b/i.test(source);
}

/** The provenance printed beside a Kolada figure: "Källa: Kolada, publicerad 2025-02-22". */
export function koladaProvenance(publicationDate: string | null | undefined): string {
  return publicationDate ? `Källa: Kolada, publicerad ${publicationDate}` : 'Källa: Kolada';
}

/** A measure of a plan that can be linked: an indicator (by key) or a volume row (by measure). */
export interface LinkableMeasure {
  itemType: LinkItemType;
  measure: string;
  label: string;
  /** The indicator's printed number ("5:2.1"); the volume table's caption for a volume. */
  number: string | null;
  unit: string | null;
  /** The plan's stated source of the indicator's outcome. */
  source: string | null;
  direction: 'higher-better' | 'lower-better' | 'closer-better' | null;
  /** The node whose measure it is (the volume table's), else the plan's owner. */
  node: string;
}

interface PlanMeasures {
  plan: { ownerNode: string };
  indicators: ReadonlyArray<{ key: string; number: string; name: string; unit?: string; source?: string; direction?: LinkableMeasure['direction'] }>;
  volumeTables: ReadonlyArray<{ caption: string; node?: string; rows: ReadonlyArray<{ measure: string; label: string; unit?: string; partOf?: string }> }>;
}

/** The plan's linkable measures in the plan's order; a volume measure shown in two tables once. */
export function linkableMeasures(plan: PlanMeasures): LinkableMeasure[] {
  const owner = plan.plan.ownerNode;
  const indicators = plan.indicators.map((i): LinkableMeasure => ({ itemType: 'indicator', measure: i.key, label: i.name, number: i.number, unit: i.unit ?? null, source: i.source ?? null, direction: i.direction ?? null, node: owner }));
  const seen = new Set<string>();
  const volumes: LinkableMeasure[] = [];
  for (const table of plan.volumeTables) {
    for (const row of table.rows) {
      if (seen.has(row.measure)) continue;
      seen.add(row.measure);
      volumes.push({ itemType: 'volume', measure: row.measure, label: row.label, number: table.caption, unit: row.unit ?? null, source: null, direction: null, node: table.node ?? owner });
    }
  }
  return [...indicators, ...volumes];
}

export interface LinkedKpi extends KpiLink {
  title: string | null;
  publicationDate: string | null;
  source: string;
  hasValues: boolean;
}

export interface MeasureWithLink extends LinkableMeasure {
  kpis: LinkedKpi[];
  /** The link's version (ETag); 0 when the measure is not linked yet. */
  version: number;
}

export interface PlanLinks {
  planKey: string;
  municipality: string;
  measures: MeasureWithLink[];
}
