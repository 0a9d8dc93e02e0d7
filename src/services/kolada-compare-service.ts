/**
 * Kolada comparisons as use cases: a KPI for one year (own value, comparison group, country), a
 * KPI's series over the years, the own municipality's comparison groups, and KPI search.
 */
import type { Db } from '../db/connection.ts';
import {
  findComparisonData,
  findComparisonGroups,
  findGroup,
  findGroupsByTitle,
  findKpi,
  findMunicipalitiesByTitle,
  findMunicipality,
  hasValues,
  planMunicipalityCodes,
  searchKpis,
  type KpiHit,
  type StoredValue,
} from '../db/kolada-read-repository.ts';
import { StyrkortError } from '../domain/errors.ts';
import { compareWithGroup, type Comparison } from '../domain/kolada/compare.ts';
import { comparisonGroupsOf, DEFAULT_AREA, pickComparisonGroup, type ComparisonGroup } from '../domain/kolada/comparison-groups.ts';
import { COUNTRY_ID, type Gender, type KoladaGroup, type KoladaKpi } from '../domain/kolada/model.ts';
import type { RankOrder } from '../domain/kolada/statistics.ts';

export interface CompareQuery {
  kpi: string;
  gender?: Gender;
  /** A municipality code ("2262") or name ("Timrå"); by default the own municipality. */
  municipality?: string;
  /** A group id, title or area ("IFO"); by default the overall comparison group. */
  group?: string;
  order?: RankOrder;
}

export interface ComparisonContext {
  kpi: KoladaKpi | null;
  municipality: { id: string; title: string };
  group: KoladaGroup | null;
  /** The municipality's comparison groups (latest year per area), to choose among. */
  comparisonGroups: ComparisonGroup[];
}

export interface ComparisonView extends ComparisonContext {
  comparison: Comparison;
}

export interface SeriesView extends ComparisonContext {
  years: Comparison[];
}

/**
 * The own municipality: the code or name given, else STYRKORT_KOLADA_MUNICIPALITY, else the one
 * municipality whose plans are stored.
 */
export async function resolveMunicipality(db: Db, given?: string): Promise<{ id: string; title: string }> {
  const wanted = given ?? process.env.STYRKORT_KOLADA_MUNICIPALITY ?? (await onlyPlanMunicipality(db));
  if (!wanted) {
    throw new StyrkortError('usage', 'Ange kommunen med --municipality (kommunkod, t.ex. 2262) eller miljövariabeln STYRKORT_KOLADA_MUNICIPALITY');
  }
  if (/^\d{4}$/.test(wanted)) {
    const found = await findMunicipality(db, wanted);
    return found ?? { id: wanted, title: wanted };
  }
  const byName = await findMunicipalitiesByTitle(db, wanted);
  if (byName.length !== 1) {
    throw new StyrkortError('not-found', `Hittar ingen kommun som heter "${wanted}" bland Kolada-kommunerna; ange kommunkoden (t.ex. 2262) eller läs in kommunerna (styrkort kolada sync eller import)`);
  }
  return byName[0]!;
}

async function onlyPlanMunicipality(db: Db): Promise<string | undefined> {
  const codes = await planMunicipalityCodes(db);
  return codes.length === 1 ? codes[0] : undefined;
}

/** The municipality's comparison groups ("Liknande kommuner …"), latest year per area. */
export async function comparisonGroupsFor(db: Db, municipality: { title: string }): Promise<ComparisonGroup[]> {
  return comparisonGroupsOf(await findComparisonGroups(db, municipality.title), municipality.title);
}

type Resolved = Omit<ComparisonContext, 'group'> & { group: { id: string; title: string } | null };

async function resolveContext(db: Db, query: CompareQuery): Promise<Resolved> {
  const municipality = await resolveMunicipality(db, query.municipality);
  const comparisonGroups = await comparisonGroupsFor(db, municipality);
  return { kpi: await findKpi(db, query.kpi), municipality, comparisonGroups, group: await resolveGroup(db, query.group, comparisonGroups, municipality) };
}

async function resolveGroup(db: Db, query: string | undefined, candidates: ComparisonGroup[], municipality: { title: string }): Promise<{ id: string; title: string } | null> {
  if (query === undefined) return pickComparisonGroup(candidates, DEFAULT_AREA);
  const picked = pickComparisonGroup(candidates, query);
  if (picked) return picked;
  const wanted = query.trim();
  if (/^G\d+$/.test(wanted)) {
    const byId = await findGroup(db, wanted);
    if (byId) return byId;
  }
  const byTitle = (await findGroupsByTitle(db, wanted)).filter((g) => g.title.toLowerCase() === wanted.toLowerCase());
  if (byTitle.length === 1) return byTitle[0]!;
  const known = candidates.map((g) => `"${g.area}"`).join(', ');
  throw new StyrkortError(
    'not-found',
    `Hittar ingen jämförelsegrupp "${query}" för ${municipality.title}.` + (known ? ` Kommunens grupper: ${known}.` : ' Inga "Liknande kommuner"-grupper finns inlästa för kommunen.'),
  );
}

/** The group's members and the values, in one query; a KPI that is nowhere in the database is "not found". */
async function loadData(db: Db, resolved: Resolved, query: CompareQuery & { gender: Gender; year?: number }): Promise<{ context: ComparisonContext; values: StoredValue[] }> {
  const data = await findComparisonData(db, { kpi: query.kpi, gender: query.gender, year: query.year, own: resolved.municipality.id, groupId: resolved.group?.id ?? null });
  if (!resolved.kpi && data.values.length === 0 && !(await hasValues(db, query.kpi))) {
    throw new StyrkortError('not-found', `Nyckeltalet ${query.kpi} finns inte i databasen. Hämta det med styrkort kolada sync --kpi ${query.kpi}, eller läs in det med styrkort kolada import.`);
  }
  const group = resolved.group && { ...resolved.group, members: data.members };
  return { context: { ...resolved, group }, values: data.values };
}

function compareYear(context: ComparisonContext, values: StoredValue[], query: CompareQuery & { year: number; gender: Gender }): Comparison {
  const byMunicipality = new Map(values.map((v) => [v.municipality, v.value]));
  const valueOf = (id: string) => byMunicipality.get(id) ?? null;
  return compareWithGroup({
    kpi: query.kpi,
    year: query.year,
    gender: query.gender,
    order: query.order ?? 'lowest-first',
    own: { ...context.municipality, value: valueOf(context.municipality.id) },
    country: valueOf(COUNTRY_ID),
    group: context.group && { id: context.group.id, title: context.group.title, members: context.group.members.map((m) => ({ id: m.id, title: m.title ?? m.id, value: valueOf(m.id) })) },
  });
}

/** One KPI, year and gender: the own value against the comparison group and the country. */
export async function compareKpi(db: Db, query: CompareQuery & { year: number }): Promise<ComparisonView> {
  const gender = query.gender ?? 'T';
  const { context, values } = await loadData(db, await resolveContext(db, query), { ...query, gender });
  return { ...context, comparison: compareYear(context, values, { ...query, gender }) };
}

/** The same comparison for every year that has a value for the municipality, the group or the country. */
export async function kpiSeries(db: Db, query: CompareQuery): Promise<SeriesView> {
  const gender = query.gender ?? 'T';
  const { context, values } = await loadData(db, await resolveContext(db, query), { ...query, gender, year: undefined });
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  return { ...context, years: years.map((year) => compareYear(context, values.filter((v) => v.year === year), { ...query, year, gender })) };
}

/** KPIs by id ("N318") or words ("ekonomiskt bistånd"), best matches first. */
export async function searchKoladaKpis(db: Db, query: { q: string; limit?: number }): Promise<KpiHit[]> {
  const q = query.q.trim();
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  const idPrefix = /^[A-Za-z]\d*$/.test(q) ? q.toUpperCase() : null;
  if (words.length === 0) return [];
  return searchKpis(db, { words, idPrefix, limit: Math.min(query.limit ?? 20, 100) });
}

/** The municipality's comparison groups with their members, to choose among (e.g. in the web app). */
export async function listComparisonGroups(db: Db, municipality?: string): Promise<{ municipality: { id: string; title: string }; groups: Array<ComparisonGroup & { members: Array<{ id: string; title: string }> }> }> {
  const own = await resolveMunicipality(db, municipality);
  const groups = await comparisonGroupsFor(db, own);
  const withMembers = await Promise.all(
    groups.map(async (group) => ({ ...group, members: ((await findGroup(db, group.id))?.members ?? []).map((m) => ({ id: m.id, title: m.title ?? m.id })) })),
  );
  return { municipality: own, groups: withMembers };
}
