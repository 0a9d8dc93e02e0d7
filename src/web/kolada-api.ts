/**
 * The typed client of Kolada in the web app (src/contract/kolada.ts shapes, types only): a plan's
 * measures with their links, one measure's link with its version, setting it (If-Match), KPI
 * search, and a KPI's series against the comparison group and the country.
 */
import type { z } from 'zod';
import type { KoladaKpiSearchResult, KoladaLinkResult, KoladaMeasureLink, KoladaPlanLinks, KoladaSeries } from '../contract/kolada.ts';
import { getJson, getVersioned, sendJson } from './api.ts';

export type PlanLinks = KoladaPlanLinks;
export type MeasureLink = KoladaMeasureLink;
export type Series = KoladaSeries;
export type SeriesYear = KoladaSeries['years'][number];
export type KpiHit = z.infer<typeof KoladaKpiSearchResult>['kpis'][number];
export type LinkItemType = MeasureLink['itemType'];

const enc = encodeURIComponent;
const linksPath = (planKey: string) => `/api/plans/${enc(planKey)}/kolada`;
const measurePath = (planKey: string, type: LinkItemType, measure: string) => `${linksPath(planKey)}/${type}/${enc(measure)}`;

export const getPlanLinks = (planKey: string, signal?: AbortSignal) => getJson<PlanLinks>(linksPath(planKey), signal);
export const getMeasureLink = (planKey: string, type: LinkItemType, measure: string, signal?: AbortSignal) => getVersioned<MeasureLink>(measurePath(planKey, type, measure), signal);
export const putMeasureLink = (planKey: string, type: LinkItemType, measure: string, kpis: Array<{ kpi: string; group: string | null }>, etag: string) =>
  sendJson<z.infer<typeof KoladaLinkResult>>('PUT', measurePath(planKey, type, measure), { kpis }, etag);
export const searchKpis = async (q: string, signal?: AbortSignal) => (await getJson<z.infer<typeof KoladaKpiSearchResult>>(`/api/kolada/kpis?${new URLSearchParams({ q, limit: '15' })}`, signal)).kpis;

/** A KPI's series for the municipality against a group (area, title or id; default the overall group); K or M for a KPI without totals. */
export function getSeries(query: { kpi: string; municipality: string; group: string | null; gender?: 'T' | 'K' | 'M'; order?: 'lowest-first' | 'highest-first' }, signal?: AbortSignal): Promise<Series> {
  const search = new URLSearchParams({ kpi: query.kpi, municipality: query.municipality, gender: query.gender ?? 'T', order: query.order ?? 'lowest-first' });
  if (query.group) search.set('group', query.group);
  return getJson<Series>(`/api/kolada/series?${search}`, signal);
}
