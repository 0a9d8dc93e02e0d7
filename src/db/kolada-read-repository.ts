/**
 * Reads of Kolada's tables: values for a comparison (members and values in one round trip), KPI
 * metadata and search, municipalities and groups, and what is stored.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { COUNTRY_ID, type Gender, type KoladaGroup, type KoladaKpi } from '../domain/kolada/model.ts';
import type { Db } from './connection.ts';
import { rows } from './migrate.ts';
import { koladaKpis, koladaMunicipalities, koladaMunicipalityGroups, koladaValues, municipalities } from './schema.ts';

export interface StoredValue {
  municipality: string;
  year: number;
  value: string | null;
}

/** Values of one KPI and gender for some municipalities, one year or all years. */
export async function findValues(db: Db, query: { kpi: string; gender: Gender; municipalities: string[]; year?: number }): Promise<StoredValue[]> {
  if (query.municipalities.length === 0) return [];
  const conditions = [eq(koladaValues.kpi, query.kpi), eq(koladaValues.gender, query.gender), inArray(koladaValues.municipality, query.municipalities)];
  if (query.year !== undefined) conditions.push(eq(koladaValues.year, query.year));
  return db
    .select({ municipality: koladaValues.municipality, year: koladaValues.year, value: koladaValues.value })
    .from(koladaValues)
    .where(and(...conditions))
    .orderBy(asc(koladaValues.year), asc(koladaValues.municipality));
}

export async function findKpi(db: Db, id: string): Promise<KoladaKpi | null> {
  const [row] = await db.select().from(koladaKpis).where(eq(koladaKpis.id, id));
  if (!row) return null;
  const { runId: _runId, ...kpi } = row;
  return kpi;
}

export async function findMunicipality(db: Db, id: string): Promise<{ id: string; title: string; type: string | null } | null> {
  const [row] = await db.select({ id: koladaMunicipalities.id, title: koladaMunicipalities.title, type: koladaMunicipalities.type }).from(koladaMunicipalities).where(eq(koladaMunicipalities.id, id));
  return row ?? null;
}

/** Kolada municipalities whose name is exactly this (case-insensitive), for `--municipality Timrå`. */
export async function findMunicipalitiesByTitle(db: Db, title: string): Promise<Array<{ id: string; title: string }>> {
  return db.select({ id: koladaMunicipalities.id, title: koladaMunicipalities.title }).from(koladaMunicipalities).where(sql`lower(${koladaMunicipalities.title}) = lower(${title})`);
}

export async function findGroup(db: Db, id: string): Promise<KoladaGroup | null> {
  const [group] = await db.select({ id: koladaMunicipalityGroups.id, title: koladaMunicipalityGroups.title }).from(koladaMunicipalityGroups).where(eq(koladaMunicipalityGroups.id, id));
  if (!group) return null;
  const members = await rows<{ id: string; title: string | null }>(
    db,
    sql`select m.municipality as id, coalesce(k.title, m.title) as title
          from kolada_municipality_group_members m left join kolada_municipalities k on k.id = m.municipality
         where m.group_id = ${id} order by m.municipality`,
  );
  return { ...group, members };
}

/** The comparison groups RKA made for a municipality (every area and year), by its name. */
export async function findComparisonGroups(db: Db, municipalityTitle: string): Promise<Array<{ id: string; title: string }>> {
  return db
    .select({ id: koladaMunicipalityGroups.id, title: koladaMunicipalityGroups.title })
    .from(koladaMunicipalityGroups)
    .where(eq(koladaMunicipalityGroups.comparisonFor, municipalityTitle.toLowerCase()));
}

export interface ComparisonData {
  /** The group's members with their names (empty without a group). */
  members: Array<{ id: string; title: string }>;
  /** Values of the members, the own municipality and the country. */
  values: StoredValue[];
}

/**
 * In one round trip: a group's members and the values of one KPI and gender (one year, or all)
 * for them, the own municipality and the country.
 */
export async function findComparisonData(db: Db, query: { kpi: string; gender: Gender; year?: number; own: string; groupId: string | null }): Promise<ComparisonData> {
  const year = query.year === undefined ? sql`` : sql`and v.year = ${query.year}`;
  const found = await rows<{ kind: 'member' | 'value'; id: string; title: string | null; year: number | null; value: string | null }>(
    db,
    sql`with members as (
          select m.municipality as id, coalesce(k.title, m.title, m.municipality) as title
            from kolada_municipality_group_members m left join kolada_municipalities k on k.id = m.municipality
           where m.group_id = ${query.groupId ?? ''})
        select 'member' as kind, id, title, null::int as year, null::text as value from members
        union all
        select 'value', v.municipality, null, v.year::int, v.value::text
          from kolada_values v
         where v.kpi = ${query.kpi} and v.gender = ${query.gender} ${year}
           and v.municipality in (select id from members union all select ${query.own} union all select ${COUNTRY_ID})`,
  );
  return {
    members: found.filter((r) => r.kind === 'member').map((r) => ({ id: r.id, title: r.title ?? r.id })).sort((a, b) => a.id.localeCompare(b.id)),
    values: found.filter((r) => r.kind === 'value').map((r) => ({ municipality: r.id, year: r.year!, value: r.value })),
  };
}

/** Whether any value of a KPI is stored. */
export async function hasValues(db: Db, kpi: string): Promise<boolean> {
  const found = await db.select({ kpi: koladaValues.kpi }).from(koladaValues).where(eq(koladaValues.kpi, kpi)).limit(1);
  return found.length > 0;
}

/** Fresh planner statistics after a large import or sync (PGlite has no autovacuum to do it). */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze kolada_values, kolada_kpis, kolada_municipalities, kolada_municipality_groups, kolada_municipality_group_members`);
}

/** Municipality groups whose title contains `text` (case-insensitive), e.g. ", Timrå, ". */
export async function findGroupsByTitle(db: Db, text: string): Promise<Array<{ id: string; title: string }>> {
  return db
    .select({ id: koladaMunicipalityGroups.id, title: koladaMunicipalityGroups.title })
    .from(koladaMunicipalityGroups)
    .where(sql`strpos(lower(${koladaMunicipalityGroups.title}), lower(${text})) > 0`)
    .orderBy(asc(koladaMunicipalityGroups.title));
}

export interface KpiHit {
  id: string;
  title: string;
  operatingArea: string | null;
  perspective: string | null;
  isDividedByGender: boolean | null;
  publicationDate: string | null;
  hasValues: boolean;
}

/**
 * KPIs by id or words: the id itself first, then ids that start so, then KPIs whose title holds
 * every word, then those whose description or area does; within each, KPIs with stored values first.
 */
export async function searchKpis(db: Db, query: { words: string[]; idPrefix: string | null; limit: number }): Promise<KpiHit[]> {
  const like = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const inTitle = query.words.length ? sql.join(query.words.map((w) => sql`k.title ilike ${like(w)}`), sql` and `) : sql`false`;
  const inText = query.words.length ? sql.join(query.words.map((w) => sql`(k.title || ' ' || coalesce(k.description, '') || ' ' || coalesce(k.operating_area, '')) ilike ${like(w)}`), sql` and `) : sql`false`;
  const byId = query.idPrefix ? sql`k.id ilike ${`${query.idPrefix}%`}` : sql`false`;
  const exactId = query.idPrefix ? sql`k.id = ${query.idPrefix}` : sql`false`;
  return rows<KpiHit>(
    db,
    sql`select * from (
          select k.id, k.title, k.operating_area as "operatingArea", k.perspective, k.is_divided_by_gender as "isDividedByGender",
                 k.publication_date::text as "publicationDate",
                 exists (select 1 from kolada_values v where v.kpi = k.id) as "hasValues",
                 case when ${exactId} then 0 when ${byId} then 1 when ${inTitle} then 2 else 3 end as rank
            from kolada_kpis k
           where ${byId} or ${inText}) hits
         order by rank, "hasValues" desc, id
         limit ${query.limit}`,
  );
}

/** The codes of the municipalities whose plans are stored (usually one: the own municipality). */
export async function planMunicipalityCodes(db: Db): Promise<string[]> {
  const found = await db.select({ code: municipalities.code }).from(municipalities).orderBy(asc(municipalities.code));
  return found.map((m) => m.code);
}

/** How much Kolada data is stored, for messages. */
export async function countStored(db: Db): Promise<Record<string, number>> {
  const [row] = await rows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from kolada_kpis) as kpis, (select count(*)::int from kolada_municipalities) as municipalities,
               (select count(*)::int from kolada_municipality_groups) as "municipalityGroups", (select count(*)::int from kolada_kpi_groups) as "kpiGroups",
               (select count(*)::int from kolada_values) as values`,
  );
  return row!;
}
