/** Kolada comparisons as the API shows them: decimals as JSON numbers, missing as null. */
import type { Decimal } from 'decimal.js';
import type { KoladaComparison, KoladaComparisonYear, KoladaSeries, KoladaSyncStatus } from '../contract/kolada.ts';
import type { RunRecord } from '../db/kolada-run-repository.ts';
import type { Comparison } from '../domain/kolada/compare.ts';
import type { ComparisonContext, ComparisonView, SeriesView } from '../services/kolada-compare-service.ts';
import type { koladaSyncStatus } from '../services/kolada-schedule.ts';

function number(value: Decimal | null): number | null {
  return value === null ? null : value.toNumber();
}

/** One year's comparison. */
export function presentComparisonYear(c: Comparison): KoladaComparisonYear {
  const group = c.group;
  return {
    year: c.year,
    gender: c.gender,
    own: { id: c.own.id, title: c.own.title, value: number(c.own.value) },
    country: number(c.country),
    group: group && {
      id: group.id,
      title: group.title,
      ownIsMember: group.ownIsMember,
      statistics: {
        members: group.statistics.members,
        withValues: group.statistics.withValues,
        missing: group.statistics.missing,
        mean: number(group.statistics.mean),
        min: number(group.statistics.min),
        lowerQuartile: number(group.statistics.lowerQuartile),
        median: number(group.statistics.median),
        upperQuartile: number(group.statistics.upperQuartile),
        max: number(group.statistics.max),
      },
      ownPlace: group.ownPlace,
      ranking: group.ranking.map((r) => ({ id: r.id, title: r.title, value: r.value.toNumber(), place: r.place, isOwn: r.isOwn })),
    },
  };
}

function presentContext(view: ComparisonContext, kpiId: string, order: Comparison['order']): Omit<KoladaComparison, 'comparison'> {
  const published = view.kpi?.publicationDate;
  return {
    kpi: { id: kpiId, title: view.kpi?.title ?? null, description: view.kpi?.description ?? null, publicationDate: published ?? null, isDividedByGender: view.kpi?.isDividedByGender ?? null },
    municipality: view.municipality,
    order,
    comparisonGroups: view.comparisonGroups.map(({ id, title, area, year }) => ({ id, title, area, year })),
    source: published ? `Källa: Kolada, publicerad ${published}` : 'Källa: Kolada',
  };
}

export function presentComparison(view: ComparisonView): KoladaComparison {
  return { ...presentContext(view, view.comparison.kpi, view.comparison.order), comparison: presentComparisonYear(view.comparison) };
}

export function presentSeries(view: SeriesView, query: { kpi: string; order: Comparison['order'] }): KoladaSeries {
  return { ...presentContext(view, query.kpi, query.order), years: view.years.map(presentComparisonYear) };
}

function presentRun(run: RunRecord): KoladaSyncStatus['runs'][number] {
  return {
    id: run.id,
    kind: run.kind,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    message: run.message,
    request: run.request,
    summary: run.summary,
    unitsDone: run.progress.done.length,
  };
}

/** The sync's schedule and latest runs, for admins. */
export function presentSyncStatus(status: Awaited<ReturnType<typeof koladaSyncStatus>>): KoladaSyncStatus {
  return {
    schedule: { setting: status.schedule.setting, nextDue: status.schedule.nextDue?.toISOString() ?? null },
    baseUrl: status.baseUrl,
    lastSync: status.lastSync && presentRun(status.lastSync),
    runs: status.runs.map(presentRun),
    stored: status.stored,
  };
}
